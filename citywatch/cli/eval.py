"""``citywatch eval``: measure the city tagger against annotated data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from citywatch.cli.tag import tagger_options
from citywatch.config import SHARED_DATA
from nlp.labels import LABELS

TARGETS = {"detection_f1": 0.97, "label_accuracy": 0.92, "METONYMIC_f1": 0.85, "ORG_PART_f1": 0.90,
           "linking_accuracy": 0.97, "homonym_accuracy": 0.85}


@click.group(name="eval")
def eval_() -> None:
    """Measure the tagger: mentions (dev file) and the other corpora."""


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def evaluate_file(path: Path, split: str = "all", rules_only: bool = False) -> dict:
    """Figures for one dev_mentions-format file (``split`` A, B or all), plus errors."""
    from nlp import tag_texts
    from nlp.evaluate import homonym_forms, read_jsonl, score, split_of
    from nlp.gazetteer import load

    passages = [p for p in read_jsonl(path) if split == "all" or split_of(p["id"]) == split]
    predicted = tag_texts([p["text"] for p in passages], [p.get("lang") for p in passages], tagger_options(rules_only))
    scores = score(passages, predicted, homonym_forms(load()))
    return {"file": str(path), "split": split, "passages": len(passages), **scores.as_dict(), "errors": scores.errors}


def _report(figures: dict, show_errors: bool) -> None:
    d = figures["detection"]
    click.echo(f"{figures['file']} split {figures['split']}: {figures['passages']} passages")
    click.echo(f"  detection    P {_fmt(d['precision'])}  R {_fmt(d['recall'])}  F1 {_fmt(d['f1'])}"
               f"  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})   target F1 >= {TARGETS['detection_f1']}")
    click.echo(f"  label acc    {_fmt(figures['label_accuracy'])}   target >= {TARGETS['label_accuracy']}")
    for label, v in figures["per_label"].items():
        if v["gold"] or v["precision"] is not None:
            click.echo(f"    {label:<12} P {_fmt(v['precision'])}  R {_fmt(v['recall'])}  F1 {_fmt(v['f1'])}"
                       f"  gold {v['gold']}")
    click.echo(f"  linking acc  {_fmt(figures['linking_accuracy'])} (n {figures['linking_n']})"
               f"   target >= {TARGETS['linking_accuracy']}")
    click.echo(f"  homonym acc  {_fmt(figures['homonym_accuracy'])} (n {figures['homonym_n']})"
               f"   target >= {TARGETS['homonym_accuracy']}")
    cal = figures["calibration"]
    click.echo(f"  calibration  ECE {_fmt(cal['ece'])} over {cal['n']} predictions"
               f" (a perfectly calibrated tagger would show {_fmt(cal['ece_if_calibrated'])} on this n)")
    for b in cal["bins"]:
        click.echo(f"    {b['bin']}  n {b['n']:>3}  mean confidence {b['confidence']:.3f}  accuracy {b['accuracy']:.3f}")
    _confusion(figures["confusion"])
    if figures["link_errors"]:
        click.echo("  place errors " + ", ".join(f"{kind} {n}" for kind, n in figures["link_errors"].items()))
    if show_errors:
        for err in figures["errors"]:
            click.echo(f"  ! {json.dumps(err, ensure_ascii=False)}")


def _confusion(matrix: dict[str, dict[str, int]]) -> None:
    """Gold labels down, the tagger's across; "-" is a span only one side has (missed / spurious)."""
    from nlp.evaluate import MISSING

    labels = [label for label in (*LABELS, MISSING) if label in matrix or any(label in row for row in matrix.values())]
    if not labels:
        return
    width = max(len(label) for label in labels) + 1
    click.echo("  confusion    gold \\ tagged " + "".join(f"{label[:width]:>{width}}" for label in labels))
    for gold in labels:
        if gold in matrix:
            cells = "".join(f"{matrix[gold].get(pred, 0) or '.':>{width}}" for pred in labels)
            click.echo(f"    {gold:<24}{cells}")


@eval_.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--split", type=click.Choice(["A", "B", "all", "both"]), default="both", show_default=True,
              help="Half of the file by hash of the passage id (A = development half, B = held out).")
@click.option("--errors", "show_errors", is_flag=True, help="List every miss, spurious mention and wrong label/city.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--rules-only", is_flag=True, help="Tag without the trained model (as on a machine without it).")
def mentions(file: Path, split: str, show_errors: bool, as_json: bool, rules_only: bool) -> None:
    """Score the tagger on FILE (dev_mentions.jsonl format).

    Detection P/R/F1 on exact spans, label accuracy and per-label F1, linking
    accuracy by GeoNames id, homonym accuracy, and calibration (reliability bins, ECE).
    """
    splits = ["A", "B", "all"] if split == "both" else [split]
    results = [evaluate_file(file, s, rules_only) for s in splits]
    if as_json:
        click.echo(json.dumps(results if len(results) > 1 else results[0], indent=1, ensure_ascii=False))
        return
    for figures in results:
        _report(figures, show_errors)


@eval_.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def sentences(files: tuple[Path, ...], as_json: bool) -> None:
    """Score the tagger on annotated sentences (LABEL, sentence with [[target]], optional adcode or gn:GeoNames id),
    such as the project's development and held-out sentences in tests/nlp/."""
    from nlp.evaluate import score_sentence_file

    results = {}
    for path in files:
        try:
            results[str(path)] = score_sentence_file(path)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(results, indent=1))
        return
    for name, f in results.items():
        click.echo(f"{name}: {f['n']} sentences  label acc {_fmt(f['label_accuracy'])}  "
                   f"linking {_fmt(f['linking_accuracy'])} (n {f['linking_n']})")
        for label, v in f["per_label"].items():
            if v["gold"] or v["precision"] is not None:
                click.echo(f"    {label:<12} P {_fmt(v['precision'])}  R {_fmt(v['recall'])}  F1 {_fmt(v['f1'])}"
                           f"  gold {v['gold']}")
        _confusion(f["confusion"])


def evaluate_corpora(root: Path) -> dict[str, dict]:
    """Chinese city toponyms of the geoparsing corpora and literal/metonymic city names of the metonymy ones."""
    from nlp import tag_texts
    from nlp.evaluate import metonymy_rows, score_rows, toponym_rows

    options = tagger_options()
    out = {}
    for name in ("geowebnews", "lgl", "tr-news", "geovirus"):
        path = root / name / "chinese_toponyms.tsv"
        if path.exists():
            rows = toponym_rows(path)
            out[name] = score_rows(rows, tag_texts([r["text"] for r in rows], ["en"] * len(rows), options),
                                   frozenset({"LITERAL"}))
    for name in ("relocar", "semeval2007-location-metonymy", "conll2003-location-metonymy"):
        path = root / name / "chinese_mentions.tsv"
        if path.exists():
            rows = metonymy_rows(path)
            # CoNLL files company names under literal; elsewhere ORG_PART is not a reading of the corpus
            literal = frozenset({"LITERAL", "ORG_PART"}) if name.startswith("conll") else frozenset({"LITERAL"})
            out[name] = score_rows(rows, tag_texts([r["text"] for r in rows], ["en"] * len(rows), options), literal)
    return out


@eval_.command()
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default=SHARED_DATA)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def corpora(root: Path, as_json: bool) -> None:
    """Score the tagger on the Chinese cities of the corpora under ROOT (default ../shared/data)."""
    figures = evaluate_corpora(root)
    if not figures:
        raise click.ClickException(f"no chinese_toponyms.tsv / chinese_mentions.tsv under {root}")
    if as_json:
        click.echo(json.dumps(figures, indent=1))
        return
    for name, f in figures.items():
        click.echo(f"{name:<32} n {f['n']:>3}  detection recall {_fmt(f['detection_recall'])}  "
                   f"label acc {_fmt(f['label_accuracy'])} (n {f['label_n']})  linking {_fmt(f['linking_accuracy'])}"
                   f"  ECE {_fmt(f['calibration']['ece'])}")


COMMANDS = [eval_]
