"""``python -m nlp.fit_calibration``: fit the confidence scale (:mod:`nlp.confidence`) on the project's own sentences.

``a, b`` are fitted on ``calibration.tsv`` -- sentences written for this purpose in the
proportions of ordinary news (mostly plain place mentions) and never used to fit the
classifier, so the raw confidences they get are out-of-sample. The script refits
``calibration.json`` and prints the 5-fold cross-validated reliability of the fit;
rerunning gives the same file.

Per language: the project's multilingual dev sentences (``tests/nlp/data/multilingual_dev.tsv``)
are three quarters government references, written to test the cues, so each row is weighted by label
to the proportions of news (:func:`news_weights`). A language gets its own scale, partially pooled
towards the scale of ``calibration.tsv``, only when its weighted rows are worth ``MIN_SCORED`` rows
(:func:`effective_size`) with ``MIN_WRONG`` wrong and right among them, and only when that scale
predicts the language clearly better than ``calibration.tsv``'s (``MIN_GAIN``), which is what every
other language reads (:func:`nlp.confidence.read_scale`). A scale fitted over all languages' sentences
(``pooled_fit``) is reported, not shipped. In news proportions each language's 31-40 dev rows are
worth 8-16 (2026-12-03), so no language earns a scale of its own yet: without the weights, seven
did, with slopes of 0.3-0.6, and the demo corpus's flag rate rose from 13.6% to 21.4%. The held-out
split is scored for the report, never fitted.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from nlp.confidence import SCALE_FILE, Scale, apply, logit
from nlp.labels import CITY_LABELS
from nlp.marked import unmark

SENTENCES_FILE = Path(__file__).with_name("resources") / "calibration.tsv"
# The project's own multilingual sentences (written for the tagger's tests, in the source tree): the
# dev split fits the per-language scales; the held-out split is only scored for the report.
MULTILINGUAL = Path(__file__).resolve().parents[1] / "tests" / "nlp" / "data"
PRIOR = 1.0  # L2 pull of (a - 1, b) towards the identity map: keeps a few errors from bending the scale
# A language gets its own scale when its dev sentences give this many scored mentions (effective size
# in news proportions, :func:`effective_size`), with at least MIN_WRONG wrong and MIN_WRONG right (a fit
# needs both outcomes); else it reads calibration.tsv's scale.
MIN_SCORED = 30
MIN_WRONG = 3
# A language's own scale is pulled towards calibration.tsv's with this weight (partial pooling): a language's
# few dozen sentences, written heavy in government references, move it only as far as they are evidence.
LANGUAGE_PRIOR = 10.0
# ... and it is used only when it predicts the language's sentences clearly better than calibration.tsv's,
# out of fold: by at least this much log-loss (nats over the language's sentences).
MIN_GAIN = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    label: str
    adcode: str | None  # gold city where the name is a homonym, else None (the only candidate)
    text: str
    start: int
    end: int


def sentences(path: Path = SENTENCES_FILE) -> list[Sentence]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            label, adcode, marked = line.split("\t")
            text, start, end = unmark(marked)
        except ValueError as exc:
            raise ValueError(f"{path.name} line {number}: want label<TAB>adcode<TAB>sentence with [[target]]") from exc
        rows.append(Sentence(label, adcode or None, text, start, end))
    return rows


def fit(raw: Sequence[float], right: Sequence[bool], prior: float = PRIOR, center: Scale = (1.0, 0.0),
        weight: Sequence[float] | None = None) -> Scale:
    """(a, b) minimising the (weighted) log-loss of sigmoid(a * logit(raw) + b), pulled towards ``center``."""
    a0, b0 = center
    from scipy.optimize import minimize

    z = logit(np.asarray(raw, dtype=float))
    y = np.asarray(right, dtype=float)
    w = np.ones_like(y) if weight is None else np.asarray(weight, dtype=float)

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        a, b = params
        p = 1.0 / (1.0 + np.exp(-(a * z + b)))
        p = np.clip(p, 1e-12, 1 - 1e-12)
        value = -(w * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum() + 0.5 * prior * ((a - a0) ** 2 + (b - b0) ** 2)
        g = w * (p - y)
        return value, np.array([(g * z).sum() + prior * (a - a0), g.sum() + prior * (b - b0)])

    a, b = minimize(loss, np.array([a0, b0]), jac=True, method="L-BFGS-B").x
    return round(float(a), 4), round(float(b), 4)


def out_of_fold(raw: Sequence[float], right: Sequence[bool], folds: int = 5) -> list[float]:
    """Calibrated confidences where each sentence's scale was fitted without it (fold = index mod folds)."""
    order = np.arange(len(raw)) % folds
    raw_a, right_a = np.asarray(raw, dtype=float), np.asarray(right, dtype=bool)
    out = np.zeros(len(raw))
    for f in range(folds):
        scale = fit(raw_a[order != f], right_a[order != f])
        out[order == f] = [apply(r, scale) for r in raw_a[order == f]]
    return out.tolist()


def outcomes(rows: Sequence[Sentence],
             langs: Sequence[str | None] | None = None) -> tuple[list[float], list[bool], int]:
    """(raw confidence, right?) of each sentence's target as the uncalibrated tagger sees it, and the misses.

    Right = the label matches and, for a city label, so does the city (the gold adcode where
    given). A target the finder misses has no confidence and is counted apart.
    """
    from nlp.pipeline import TaggerOptions, build_pipeline, mention_dicts, route

    pipelines: dict[str, Any] = {}
    raw, right, missed = [], [], 0
    langs = langs or [_lang_of(r.text) for r in rows]
    for row, lang in zip(rows, langs, strict=True):
        code = route(lang)
        if code not in pipelines:  # one per language (setdefault would build one per sentence)
            pipelines[code] = build_pipeline(code, TaggerOptions(calibrated=False))
        nlp = pipelines[code]
        doc = nlp(row.text)
        found = [m for m in mention_dicts(doc) if (m["start"], m["end"]) == (row.start, row.end)]
        if not found:
            missed += 1
            continue
        m = found[0]
        ok = m["label"] == row.label
        if ok and row.label in CITY_LABELS and row.adcode:
            ok = m["city"] is not None and m["city"]["adcode"] == row.adcode
        raw.append(m["confidence"])
        right.append(ok)
    return raw, right, missed


@dataclass(frozen=True, slots=True)
class LangRow:
    lang: str
    label: str  # expected label; NONE: the surface is no mention
    surface: str
    text: str


def multilingual_rows(split: str) -> list[LangRow]:
    """Rows of ``multilingual_{split}.tsv``: language, expected label, surface, sentence."""
    path = MULTILINGUAL / f"multilingual_{split}.tsv"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"{path.name} line {number}: want lang<TAB>label<TAB>surface<TAB>sentence")
        rows.append(LangRow(*fields))
    return rows


@dataclass(frozen=True, slots=True)
class Outcomes:
    """One language's scored rows: raw confidence, right?, and the weight that brings the rows to news proportions."""

    raw: list[float]
    right: list[bool]
    weight: list[float]


def news_shares(rows: Sequence[Sentence]) -> dict[str, float]:
    """Each label's share of the mentions in ``calibration.tsv``, written in the proportions of ordinary news."""
    counts = Counter(row.label for row in rows)
    return {label: n / len(rows) for label, n in counts.items()}


def news_weights(labels: Sequence[str], shares: dict[str, float]) -> list[float]:
    """Weights that give ``labels`` the label proportions of news (``shares``), mean 1 over the rows.

    The multilingual sentences are written heavy in government references (three quarters) to test the
    cues; how often the tagger is right depends on the label, so a scale fitted on them unweighted would
    learn their error rate, not that of news. Reweighting by label (label shift: P(confidence, right |
    label) taken to be the same in both sets) gives the scale news would. A row whose surface should not
    be reported at all (NONE) counts as NOT_PLACE.
    """
    labels = ["NOT_PLACE" if label == "NONE" else label for label in labels]
    here = Counter(labels)
    w = [shares.get(label, 0.0) / (here[label] / len(labels)) for label in labels]
    mean = sum(w) / len(w) if w else 1.0
    return [x / mean for x in w] if mean else w


def effective_size(weight: Sequence[float]) -> float:
    """Kish's effective sample size: how many unweighted rows the weighted ones are worth."""
    square = sum(w * w for w in weight)
    return sum(weight) ** 2 / square if square else 0.0


def language_outcomes(rows: Sequence[LangRow], shares: dict[str, float]) -> dict[str, Outcomes]:
    """Per language, the outcomes of each row's surface as the uncalibrated tagger reports it.

    Right = reported with the expected label; a NONE row's surface reported at all is wrong; a surface
    not reported has no confidence and is left out. Weights bring each language's rows to ``shares``.
    """
    from nlp.pipeline import TaggerOptions, build_pipeline, mention_dicts, route

    pipelines: dict[str, Any] = {}
    scored: dict[str, list[tuple[float, bool, str]]] = {}
    for row in rows:
        code = route(row.lang)
        if code not in pipelines:
            pipelines[code] = build_pipeline(code, TaggerOptions(calibrated=False))
        found = [m for m in mention_dicts(pipelines[code](row.text)) if m["surface"] == row.surface]
        if found:
            scored.setdefault(row.lang, []).append((found[0]["confidence"], found[0]["label"] == row.label, row.label))
    return {lang: Outcomes([r for r, _, _ in rs], [ok for _, ok, _ in rs], news_weights([lb for *_, lb in rs], shares))
            for lang, rs in scored.items()}


def language_scales(dev: dict[str, Outcomes], fallback: Scale, folds: int = 5,
                    base: tuple[Sequence[float], Sequence[bool]] = ((), ())
                    ) -> tuple[Scale, dict[str, Scale], dict[str, float]]:
    """(pooled scale, own scale of each language that earns one, each tested language's out-of-fold gain).

    ``fallback`` is what a language reads without a scale of its own (``calibration.tsv``'s), so an own
    scale is pulled towards it (``LANGUAGE_PRIOR``) and judged against it: a language earns its own scale
    when it has enough data (``MIN_SCORED`` as the effective size of its weighted rows, ``MIN_WRONG``) and
    its own fit predicts its sentences better
    than the fallback by ``MIN_GAIN``, out of fold (fold = index mod ``folds``; the fallback never saw
    these sentences): with a handful of errors a language's own fit is often noise, and then it is not used.
    Fits and losses weigh each row by its news weight (:func:`news_weights`).

    The pooled scale (every language's dev outcomes together with ``base``, the outcomes of
    ``calibration.tsv``) is returned for the report only.
    """
    pooled = fit([*base[0], *(r for o in dev.values() for r in o.raw)],
                 [*base[1], *(ok for o in dev.values() for ok in o.right)],
                 weight=[*([1.0] * len(base[0])), *(w for o in dev.values() for w in o.weight)])
    own: dict[str, Scale] = {}
    gains: dict[str, float] = {}
    for lang, o in sorted(dev.items()):
        if effective_size(o.weight) < MIN_SCORED or o.right.count(False) < MIN_WRONG or o.right.count(True) < MIN_WRONG:
            continue
        own_loss = fallback_loss = 0.0
        for f in range(folds):
            train = [i for i in range(len(o.raw)) if i % folds != f]
            held = [i for i in range(len(o.raw)) if i % folds == f]
            test = Outcomes([o.raw[i] for i in held], [o.right[i] for i in held], [o.weight[i] for i in held])
            own_scale = fit([o.raw[i] for i in train], [o.right[i] for i in train], LANGUAGE_PRIOR, fallback,
                            [o.weight[i] for i in train])
            own_loss += _log_loss(test, own_scale)
            fallback_loss += _log_loss(test, fallback)
        gains[lang] = round(fallback_loss - own_loss, 3)
        if gains[lang] > MIN_GAIN:
            own[lang] = fit(o.raw, o.right, LANGUAGE_PRIOR, fallback, o.weight)
    return pooled, own, gains


def _log_loss(o: Outcomes, scale: Scale) -> float:
    p = np.clip([apply(r, scale) for r in o.raw], 1e-6, 1 - 1e-6)
    y = np.asarray(o.right, dtype=float)
    return float(-(np.asarray(o.weight) * (y * np.log(p) + (1 - y) * np.log(1 - p))).sum())


def _ece(o: Outcomes, scale: Scale | dict[str, Scale], langs: Sequence[str] = ()) -> float | None:
    """ECE of ``o`` in news proportions (its weights); ``scale`` per row's language when a dict."""
    from nlp.evaluate import weighted_ece

    if not o.raw:
        return None
    scales = [scale[lang] for lang in langs] if isinstance(scale, dict) else [scale] * len(o.raw)
    ece = weighted_ece([(apply(r, sc), ok) for r, ok, sc in zip(o.raw, o.right, scales, strict=True)], o.weight)
    return None if ece is None else round(ece, 4)


def language_report(english: Scale, base: tuple[Sequence[float], Sequence[bool]],
                    shares: dict[str, float]) -> dict[str, Any]:
    """Fit the per-language scales on the dev split; score them and the English scale on both splits.

    Every ECE here is in news proportions (rows weighted by :func:`news_weights`), the proportions the
    scale is meant for.
    """
    dev = language_outcomes(multilingual_rows("dev"), shares)
    held = language_outcomes(multilingual_rows("heldout"), shares)
    pooled, own, gains = language_scales(dev, english, base=base)
    empty = Outcomes([], [], [])
    table: dict[str, dict[str, Any]] = {}
    for lang in sorted(dev):
        scale = own.get(lang, english)
        d, h = dev[lang], held.get(lang, empty)
        table[lang] = {
            "scale": "own" if lang in own else "english", "a": scale[0], "b": scale[1], "gain": gains.get(lang),
            "dev_scored": len(d.raw), "dev_wrong": d.right.count(False),
            "dev_ece_english_scale": _ece(d, english), "dev_ece": _ece(d, scale),
            "heldout_scored": len(h.raw), "heldout_wrong": h.right.count(False),
            "heldout_ece_english_scale": _ece(h, english), "heldout_ece": _ece(h, scale),
        }
    langs = [lang for lang, o in held.items() for _ in o.raw]
    every = Outcomes([r for o in held.values() for r in o.raw], [ok for o in held.values() for ok in o.right],
                     [w for o in held.values() for w in o.weight])
    table["all"] = {"heldout_scored": len(every.raw), "heldout_wrong": every.right.count(False),
                    "heldout_ece_english_scale": _ece(every, english),
                    "heldout_ece": _ece(every, {lang: own.get(lang, english) for lang in held}, langs),
                    "heldout_ece_pooled_fit": _ece(every, pooled)}
    return {"pooled_fit": {"a": pooled[0], "b": pooled[1]},
            "languages": {lang: {"a": s[0], "b": s[1]} for lang, s in own.items()}, "report": table}


def _lang_of(text: str) -> str:
    """The language ``citywatch tag`` would detect for the sentence (no ``lang`` given)."""
    from nlp.pipeline import detect_language

    return detect_language(text)


def main() -> int:
    from nlp.evaluate import calibration

    rows = sentences()
    raw, right, missed = outcomes(rows)
    scale = fit(raw, right)
    oof = out_of_fold(raw, right)
    report = {
        "source": SENTENCES_FILE.name, "sentences": len(rows), "scored": len(raw), "missed": missed,
        "accuracy": round(sum(right) / len(right), 4), "a": scale[0], "b": scale[1], "prior": PRIOR,
        "ece_raw": calibration(list(zip(raw, right, strict=True)))["ece"],
        "ece_out_of_fold": calibration(list(zip(oof, right, strict=True)))["ece"],
    }
    languages = language_report(scale, (raw, right), news_shares(rows))
    report |= {"pooled_fit": languages["pooled_fit"], "languages": languages["languages"],
               "min_scored": MIN_SCORED, "min_wrong": MIN_WRONG}
    SCALE_FILE.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1))
    print("ECE in news proportions (rows weighted by label to calibration.tsv's shares)")
    print("lang  scale   a       b       own fit's gain  dev n/wrong  ECE dev: English scale -> shipped"
          "  held-out n/wrong  ECE held-out: English scale -> shipped")
    for lang, row in languages["report"].items():
        if lang == "all":
            print(f"all held-out: {row['heldout_scored']}/{row['heldout_wrong']}  ECE English scale "
                  f"{row['heldout_ece_english_scale']:.3f} -> shipped {row['heldout_ece']:.3f}"
                  f" (the pooled fit: {row['heldout_ece_pooled_fit']:.3f})")
            continue
        held = "-" if row["heldout_ece"] is None else f"{row['heldout_ece_english_scale']:.3f} -> {row['heldout_ece']:.3f}"
        gain = "-" if row["gain"] is None else f"{row['gain']:.2f}"
        print(f"{lang:4}  {row['scale']:6}  {row['a']:6.3f}  {row['b']:6.3f}  {gain:>14}  "
              f"{row['dev_scored']:>3}/{row['dev_wrong']:<3}"
              f"       {row['dev_ece_english_scale']:.3f} -> {row['dev_ece']:.3f}               "
              f"{row['heldout_scored']:>3}/{row['heldout_wrong']:<3}           {held}")
    for b in calibration(list(zip(oof, right, strict=True)))["bins"]:
        print(f"  out-of-fold {b['bin']}  n {b['n']:>3}  confidence {b['confidence']:.3f}"
              f"  accuracy {b['accuracy']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
