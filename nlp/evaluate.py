"""Scoring the tagger against annotated mentions (``citywatch eval mentions``).

The dev file is split deterministically by a hash of each passage id into halves
A and B, so that one half can be kept aside as a held-out check: develop looking
only at A, report both.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.labels import CITY_LABELS, LABELS

BINS = 10
MISSING = "-"  # the other side of a confusion pair when only gold or only the tagger has the span
#: Linking errors by what went wrong, so the next gap is visible: a homonym resolved to the wrong city of
#: that name; a foreign namesake taken for the Chinese city or the other way round; something that is not
#: a city (a person, a river, a district, a name) reported as one; a city given no city or another city.
LINK_ERROR_KINDS = ("homonym", "namesake", "non-place", "no city", "other city")


def split_of(passage_id: str) -> str:
    """"A" or "B", fixed by the id alone (sha1 parity), so the split never drifts."""
    return "A" if hashlib.sha1(passage_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class Scores:
    """Counts that make every reported figure reproducible by hand."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    label_right: int = 0
    label_pairs: Counter = field(default_factory=Counter)  # (gold, pred); MISSING for a span on one side only
    link_errors: Counter = field(default_factory=Counter)  # kind of linking error (see LINK_ERROR_KINDS)
    per_label: dict[str, Counter] = field(default_factory=dict)  # label -> tp/fp/fn on (span, label)
    link_right: int = 0
    link_total: int = 0
    homonym_right: int = 0
    homonym_total: int = 0
    calibration: list[tuple[float, bool]] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        p = _ratio(self.tp, self.tp + self.fp)
        r = _ratio(self.tp, self.tp + self.fn)
        per = {}
        for label in LABELS:
            c = self.per_label.get(label, Counter())
            lp, lr = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
            per[label] = {"precision": lp, "recall": lr, "f1": _f1(lp, lr), "gold": c["tp"] + c["fn"]}
        return {
            "detection": {"precision": p, "recall": r, "f1": _f1(p, r), "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "label_accuracy": _ratio(self.label_right, self.tp), "per_label": per,
            "linking_accuracy": _ratio(self.link_right, self.link_total), "linking_n": self.link_total,
            "homonym_accuracy": _ratio(self.homonym_right, self.homonym_total), "homonym_n": self.homonym_total,
            "calibration": calibration(self.calibration),
            "confusion": {gold: {pred: n for (g, pred), n in sorted(self.label_pairs.items()) if g == gold}
                          for gold in sorted({g for g, _ in self.label_pairs})},
            "link_errors": {kind: self.link_errors[kind] for kind in LINK_ERROR_KINDS if self.link_errors[kind]},
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    return round(2 * p * r / (p + r), 4) if p and r else (0.0 if p is not None and r is not None else None)


def calibration(points: Sequence[tuple[float, bool]], noise_draws: int = 200) -> dict[str, Any]:
    """Reliability bins of width 0.1, the expected calibration error, and its noise floor.

    ``ece_if_calibrated`` is the mean ECE of ``noise_draws`` simulated outcome sets drawn as if
    every confidence were exactly right: on 50 mentions even a perfect scale shows an ECE
    of several points, so an observed ECE is only evidence of miscalibration above that.
    """
    import numpy as np

    floor = _ece_floor([c for c, _ in points], noise_draws, np.random.default_rng(0))
    return {**_bins(points), "ece_if_calibrated": floor}


def _ece_floor(confidences: Sequence[float], draws: int, rng: Any) -> float | None:
    if not confidences or not draws:
        return None
    eces = [_bins([(c, bool(u < c)) for c, u in zip(confidences, rng.random(len(confidences)), strict=True)])["ece"]
            for _ in range(draws)]
    return round(sum(eces) / draws, 4)


def _bins(points: Sequence[tuple[float, bool]], weights: Sequence[float] | None = None) -> dict[str, Any]:
    """Reliability bins; ``weights`` (one per point) reweigh the sample, e.g. to news proportions of labels."""
    w = list(weights) if weights is not None else [1.0] * len(points)
    total = sum(w)
    bins = []
    ece = 0.0
    for k in range(BINS):
        lo, hi = k / BINS, (k + 1) / BINS
        inside = [(c, ok, wi) for (c, ok), wi in zip(points, w, strict=True)
                  if lo <= c < hi or (k == BINS - 1 and c == 1.0)]
        if not inside:
            continue
        mass = sum(wi for *_, wi in inside)
        conf = sum(c * wi for c, _, wi in inside) / mass
        acc = sum(ok * wi for _, ok, wi in inside) / mass
        ece += mass / total * abs(conf - acc)
        bins.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "confidence": round(conf, 3), "accuracy": round(acc, 3)})
    return {"ece": round(ece, 4) if points else None, "n": len(points), "bins": bins}


def weighted_ece(points: Sequence[tuple[float, bool]], weights: Sequence[float]) -> float | None:
    """The expected calibration error of a reweighted sample (see :func:`_bins`)."""
    return _bins(points, weights)["ece"]


def score(passages: Iterable[dict], predicted: Sequence[list[dict]], homonyms: set[str]) -> Scores:
    """Compare gold passages (dev_mentions format) with predicted mentions, passage by passage."""
    s = Scores()
    for passage, preds in zip(passages, predicted, strict=True):
        gold = {(m["start"], m["end"]): m for m in passage["mentions"]}
        pred = {(m["start"], m["end"]): m for m in preds}
        for key, g in gold.items():
            p = pred.get(key)
            _count_label(s, g["label"], p["label"] if p else None)
            if p is None:
                s.fn += 1
                s.label_pairs[(g["label"], MISSING)] += 1
                s.errors.append({"id": passage["id"], "kind": "missed", "surface": g["surface"], "gold": g["label"]})
                continue
            s.tp += 1
            s.label_pairs[(g["label"], p["label"])] += 1
            label_ok = g["label"] == p["label"]
            s.label_right += label_ok
            link_ok = True
            if g.get("geonameid") and g["label"] in CITY_LABELS:
                got = (p.get("city") or {}).get("geonameid")
                link_ok = got == g["geonameid"]
                s.link_total += 1
                s.link_right += link_ok
                if g["surface"].lower() in homonyms:
                    s.homonym_total += 1
                    s.homonym_right += link_ok
            kind = link_error_kind(g, p, homonyms)
            if kind:
                s.link_errors[kind] += 1
            s.calibration.append((p["confidence"], label_ok and link_ok))
            if not (label_ok and link_ok):
                s.errors.append({"id": passage["id"], "kind": "label" if not label_ok else "link", "surface": g["surface"],
                                 "gold": g["label"], "pred": p["label"], "gold_city": g.get("city"),
                                 "pred_city": (p.get("city") or {}).get("name"), "confidence": p["confidence"]})
        for key, p in pred.items():
            if key not in gold:
                s.fp += 1
                s.label_pairs[(MISSING, p["label"])] += 1
                if p["label"] in CITY_LABELS:
                    s.link_errors["non-place"] += 1
                _count_label(s, None, p["label"])
                s.calibration.append((p["confidence"], False))
                s.errors.append({"id": passage["id"], "kind": "spurious", "surface": p["surface"], "pred": p["label"]})
    return s


def link_error_kind(gold: dict, pred: dict, homonyms: set[str]) -> str | None:
    """The kind of linking error of a span both sides have (None when the place is right)."""
    gold_city, pred_city = gold["label"] in CITY_LABELS, pred["label"] in CITY_LABELS
    if gold["label"] == "OTHER_PLACE" and pred_city or gold_city and pred["label"] == "OTHER_PLACE":
        return "namesake"
    if gold["label"] == "NOT_PLACE" and pred_city:
        return "non-place"
    if not (gold_city and pred_city and gold.get("geonameid")):
        return None
    got = (pred.get("city") or {}).get("geonameid")
    if got == gold["geonameid"]:
        return None
    if got is None:
        return "no city"
    return "homonym" if gold["surface"].lower() in homonyms else "other city"


def _count_label(s: Scores, gold: str | None, pred: str | None) -> None:
    for label in (x for x in {gold, pred} if x is not None):
        c = s.per_label.setdefault(label, Counter())
        if gold == pred:
            c["tp"] += 1
        elif label == gold:
            c["fn"] += 1
        else:
            c["fp"] += 1


def homonym_forms(gazetteer: Any) -> set[str]:
    return {f.text.lower() for f in gazetteer.forms if len(f.adcodes) > 1}


# --- the Chinese toponyms of the other corpora (context windows with [[target]]) ---

_GWN_LABELS = {"Literal": "LITERAL", "Literal_Modifier": "LITERAL", "Mixed": "LITERAL", "Metonymic": "METONYMIC",
               "Embedded_Non_Lit": "ORG_PART", "Embedded_Literal": "ORG_PART"}
_MET_LABELS = {"lit": "LITERAL", "literal": "LITERAL", "met": "METONYMIC", "metonymic": "METONYMIC"}


def _unmark(context: str) -> tuple[str, int, int]:
    """The context without its [[ ]] marks, and the target span (SemEval pads names with spaces)."""
    start = context.index("[[")
    end = context.index("]]", start)
    text = context[:start] + context[start + 2:end] + context[end + 2:]
    inner = context[start + 2:end]
    lead = len(inner) - len(inner.lstrip())
    return text, start + lead, start + lead + len(inner.strip())


def toponym_rows(path: Path) -> list[dict]:
    """City-level rows of a chinese_toponyms.tsv as (text, start, end, gold label or None, gold id/name)."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if not row["level"].startswith("city") or row["country_code"] not in {"CN", "HK", "MO"}:
                continue
            text, start, end = _unmark(row["context"])
            rows.append({"text": text, "start": start, "end": end, "label": _GWN_LABELS.get(row["label"]),
                         "geonameid": int(row["geonameid"]) if row["geonameid"] else None,
                         "name": row["gold_name"] or row["surface"]})
    return rows


def metonymy_rows(path: Path) -> list[dict]:
    """City rows of a chinese_mentions.tsv with a literal or metonymic reading (mixed left out)."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            reading = row["relabel"] or row["label"]
            if not row["city"] or reading not in _MET_LABELS:
                continue
            text, start, end = _unmark(row["context"])
            rows.append({"text": text, "start": start, "end": end, "label": _MET_LABELS[reading], "name": row["city"],
                         "geonameid": None, "file": row["file"]})
    return rows


def score_rows(rows: Sequence[dict], predicted: Sequence[list[dict]], literal_labels: frozenset[str]) -> dict[str, Any]:
    """Recall of the target span, label agreement (where the corpus has labels) and linking."""
    found = label_ok = labelled = link_ok = linked = 0
    points: list[tuple[float, bool]] = []  # (confidence, label and city right) where the corpus has a label
    for row, preds in zip(rows, predicted, strict=True):
        p = next((m for m in preds if m["start"] == row["start"] and m["end"] == row["end"]), None)
        if p is None:
            continue
        found += 1
        city_ok = True
        if p.get("city"):
            linked += 1
            name = p["city"]["name"].lower()
            city_ok = p["city"]["geonameid"] == row["geonameid"] or row["name"].lower().startswith(name)
            link_ok += city_ok
        if row["label"]:
            labelled += 1
            got = "LITERAL" if p["label"] in literal_labels else p["label"]
            label_ok += got == row["label"]
            points.append((p["confidence"], got == row["label"] and city_ok))
    return {"n": len(rows), "detection_recall": _ratio(found, len(rows)), "label_n": labelled,
            "label_accuracy": _ratio(label_ok, labelled), "linking_accuracy": _ratio(link_ok, linked),
            "calibration": calibration(points)}


# --- the project's own annotated sentences (label, sentence with [[target]], adcode or empty) ---

_CITY = re.compile(r"|\d{6}|gn:\d+")  # no city, an adcode, or a GeoNames id


def read_sentences(path: Path) -> list[dict]:
    """Rows of a sentence file; a malformed line stops with its file and line number. A literal ``\\n`` in a
    sentence is a line break (a headline, dateline or byline line above the copy). The city meant is an
    adcode or ``gn:`` and a GeoNames id."""
    from nlp.marked import unmark

    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        city = fields[2].strip() if len(fields) == 3 else ""
        if len(fields) not in (2, 3) or fields[0] not in LABELS or "[[" not in fields[1] or not _CITY.fullmatch(city):
            raise ValueError(f"{path}:{number}: expected LABEL<TAB>sentence with [[target]][<TAB>adcode or gn:id]")
        text, start, end = unmark(fields[1].replace("\\n", "\n"))
        geonameid = int(city[3:]) if city.startswith("gn:") else None
        rows.append({"label": fields[0], "text": text, "start": start, "end": end,
                     "adcode": city if city and geonameid is None else None, "geonameid": geonameid})
    return rows


def score_sentence_file(path: Path) -> dict[str, Any]:
    """:func:`score_sentences` of a sentence file tagged as English, as ``citywatch eval sentences`` reports it;
    a malformed line raises ValueError naming the file and line."""
    from nlp import tag_texts

    rows = read_sentences(path)
    return score_sentences(rows, tag_texts([r["text"] for r in rows], ["en"] * len(rows)))


def score_sentences(rows: Sequence[dict], predicted: Sequence[list[dict]]) -> dict[str, Any]:
    """Label accuracy over every target (a NOT_PLACE target the tagger leaves out counts as right: it is not
    reported as a city), per-label F1, and linking accuracy where the sentence names the city meant."""
    s = Scores()
    link_right = link_total = 0
    for row, preds in zip(rows, predicted, strict=True):
        p = next((m for m in preds if m["start"] == row["start"] and m["end"] == row["end"]), None)
        got = p["label"] if p else ("NOT_PLACE" if row["label"] == "NOT_PLACE" else None)
        _count_label(s, row["label"], got)
        s.label_pairs[(row["label"], got or MISSING)] += 1
        s.tp += got is not None
        s.label_right += got == row["label"]
        if row["adcode"] or row.get("geonameid"):
            link_total += 1
            city = (p or {}).get("city") or {}
            link_right += bool(city) and (city["adcode"] == row["adcode"] if row["adcode"] else
                                          city.get("geonameid") == row["geonameid"])
    figures = s.as_dict()
    return {"n": len(rows), "label_accuracy": _ratio(s.label_right, len(rows)), "per_label": figures["per_label"],
            "linking_accuracy": _ratio(link_right, link_total), "linking_n": link_total,
            "confusion": figures["confusion"]}
