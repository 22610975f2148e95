"""Language identification: the writing system first, a statistical detector only among Latin-script languages.

A statistical detector reads character n-grams, so two short Chinese sentences can
come out as Korean, and it is the slowest step of tagging an article that names no
city. The script settles most cases on its own and costs one pass over
a sample: Hangul is Korean, Kana is Japanese (unless a long text holds under 5% of them:
Chinese quoting Japanese), Han without Kana is Chinese, Cyrillic
Russian (Ukrainian letters make it Ukrainian), Arabic script Arabic (Persian and Urdu
letters make it those). Latin-script text is told apart by the function words of
the registry's Latin languages (``nlp/resources/function_words.yaml``) when they leave
no doubt, and otherwise by lingua's n-gram models (``lingua-language-detector``, the
models ship in the wheel and load on first use), asked about Latin-script languages only. A declared language (``<html lang>``,
the registry's language, a ``lang`` field) is a hint: it wins when it is written in
the script found and the detector does not clearly disagree.

Used by the crawler's language stage and by ``citywatch tag`` alike.

Why lingua and not langdetect: on the project's two-sentence snippets (every registry language,
2026-12-03) langdetect got 401 of 407 dev and 359 of 366 held-out snippets right, lingua 407 and 364:
langdetect read Danish as Norwegian, Swedish as Norwegian, Dutch as Afrikaans and, having no Icelandic
profile, Icelandic as Swedish or Estonian. Lingua loads a language's models in 10-30 ms where
langdetect read all its profiles in 0.5 s, and is as fast per text; both agree on every body of the
extraction benchmark.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from citywatch.config import parse_yaml
from nlp import regexes

FUNCTION_WORDS_FILE = Path(__file__).with_name("resources") / "function_words.yaml"
#: Languages the tagger reads with their own name forms and cues: the registry's languages and Chinese.
SUPPORTED = frozenset({"en", "de", "fr", "es", "it", "nl", "pt", "sv", "ru", "ja", "ko", "ar", "zh",
                       "cs", "da", "hi", "id", "is", "lt", "no", "pl", "tr", "uk", "vi"})
#: The pipeline language of text in any other language: gazetteer forms in Latin and Han script only.
FALLBACK = "xx"
UNSUPPORTED_PREFIX = "unsupported:"
SAMPLE_CHARS = 2000  # the script and function-word counts look at this much; the answer never changed beyond it
NGRAM_CHARS = 600  # the n-gram detector's cost grows with length; only reached when function words are unsure
# Latin-script languages the n-gram detector chooses among (lingua's ISO 639-1 codes: Norwegian is nb and nn).
NGRAM_LATIN = ("af", "ca", "cs", "cy", "da", "de", "en", "es", "et", "fi", "fr", "hr", "hu", "id", "is", "it", "lt",
               "lv", "nb", "nl", "nn", "pl", "pt", "ro", "sk", "sl", "so", "sq", "sv", "sw", "tl", "tr", "vi")
_NGRAM_CODE = {"nb": "no", "nn": "no"}  # lingua's codes that the registry writes otherwise
MIN_CHARS = 12  # below this (a name, a headline fragment) the declared language wins outright
HINT_MIN_PROB = 0.2  # a declared Latin-script language wins when the n-gram detector gives it at least this
# ... or at least this share of the best language's confidence: on one short sentence the detector spreads its
# confidence over 30 languages ("The Hong Kong dollar fell." Norwegian 0.14, English 0.10), and a declared language
# it finds about as likely as its best guess is the better answer; a page really in another language gives that
# language 0.9 or more and the declared one next to nothing
HINT_SHARE = 0.5
MIN_FUNCTION_HITS = 3  # function-word decision: at least this many hits ...
FUNCTION_MARGIN = 2.0  # ... and this many times the runner-up's
# A language the tagger has no forms and cues for wins only when the n-gram detector is at least this sure: on a
# sentence or two it reads English as Welsh, Tagalog or Swahili at 0.1-0.4 (real text in those languages scores
# above 0.9); below it the supported language the text's function words or, failing them, its n-grams favour wins.
UNSUPPORTED_MIN_PROB = 0.5
# Close relatives an n-gram detector confuses on a sentence or two: a declared one of them wins over the others.
CLOSE_RELATIVES = (frozenset({"sv", "da", "no"}), frozenset({"cs", "sk"}))

# Scripts, by code point range; a character outside every range is not a letter of interest.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = tuple(sorted((
    (0x0041, 0x024F, "latin"), (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"), (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"), (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"), (0xFB50, 0xFDFF, "arabic"), (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0E00, 0x0E7F, "thai"), (0x10A0, 0x10FF, "georgian"),
    (0x0530, 0x058F, "armenian"), (0x0980, 0x09FF, "bengali"),
    (0x1100, 0x11FF, "hangul"), (0x3130, 0x318F, "hangul"), (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "kana"), (0x31F0, 0x31FF, "kana"), (0xFF66, 0xFF9F, "kana"),
    (0x3400, 0x4DBF, "han"), (0x4E00, 0x9FFF, "han"), (0xF900, 0xFAFF, "han"), (0x20000, 0x2FFFF, "han"),
)))
_STARTS = [r[0] for r in _SCRIPT_RANGES]
# Scripts that name one language here (other languages written in them are rare in foreign news).
_SCRIPT_LANG = {"hangul": "ko", "greek": "el", "hebrew": "he", "devanagari": "hi", "thai": "th",
                "georgian": "ka", "armenian": "hy", "bengali": "bn"}
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_PERSIAN = frozenset("پچژگک")  # Persian letters Arabic does not use (ک: Persian kaf)
_OWN_LETTERS = 0.02  # the share of its own letters that makes Arabic-script text Persian or Urdu
_URDU = frozenset("ٹڈڑںے")
_WORD = regexes.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class Detection:
    """``lang``: ISO 639-1 code; ``prob``: the n-gram detector's confidence, or the winner's share of the
    function words found; None when the script or the hint decided."""

    lang: str
    prob: float | None
    script: str | None
    by: str  # "script", "function_words", "ngrams", "hint" or "default"


def normalise(code: str | None) -> str | None:
    """Primary subtag, lowercase: ``en-GB`` -> ``en``, ``zh-Hant-TW`` -> ``zh``."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def script_of_char(char: str) -> str | None:
    point = ord(char)
    lo, hi = 0, len(_SCRIPT_RANGES)
    while lo < hi:  # the last range starting at or before the code point
        mid = (lo + hi) // 2
        if _STARTS[mid] <= point:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:
        return None
    start, end, script = _SCRIPT_RANGES[lo - 1]
    return script if start <= point <= end and (script != "latin" or char.isalpha()) else None


_LATIN_LETTER = regexes.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_NON_ASCII = regexes.compile(r"[^\x00-\x7f]")
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_SCRIPT_ORDER = ("latin", *sorted({r[2] for r in _SCRIPT_RANGES} - {"latin"}))


def _script_of_point(char: str) -> str | None:
    """The script whose code point range holds ``char`` (no letter test)."""
    point = ord(char)
    at = bisect_right(_STARTS, point) - 1
    return _SCRIPT_RANGES[at][2] if at >= 0 and point <= _SCRIPT_RANGES[at][1] else None


def script_counts(text: str) -> Counter[str]:
    """Letters per script in ``text``: ASCII letters (A-Z, a-z), the other Latin letters of
    ``_LATIN_LETTER``, and every character in another script's code point ranges.

    ASCII letters are counted by deleting everything else from the text's ASCII bytes, and the non-ASCII
    characters (few in most text) are looked up once per distinct character: one regular expression per
    script over every sample cost a millisecond per article.
    """
    found: dict[str, int] = {"latin": len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))}
    if not text.isascii():
        for char, n in Counter(_NON_ASCII.findall(text)).items():
            script = _script_of_point(char)
            if script is not None and (script != "latin" or _LATIN_LETTER.match(char)):
                found[script] = found.get(script, 0) + n
    return Counter({script: found[script] for script in _SCRIPT_ORDER if found.get(script)})


_QUOTED_KANA = 0.05  # under this share of Kana, a long Han text is Chinese that quotes Japanese words
_LONG_EAST = 100


def _quoting_japanese(kana: int, east: int) -> bool:
    """A Chinese text that quotes a Japanese word or two (天津饭 "读てんしん"): Japanese prose writes its particles
    in Kana, at least a sixth of its characters in every real Japanese text read so far, so a long text whose Kana
    are under 5% is Chinese. A short headline may hold one particle in twenty characters (北京で会見): any Kana
    still makes it Japanese."""
    return east >= _LONG_EAST and kana < _QUOTED_KANA * east


def main_script(counts: Counter[str]) -> str | None:
    """The script the text is written in. A Han, Kana or Hangul character carries a word's worth of
    a Latin word's letters, so East Asian scripts count four times against the others."""
    if not counts:
        return None
    east = counts["han"] + counts["kana"] + counts["hangul"]
    weighted = {s: n for s, n in counts.items() if s not in {"han", "kana", "hangul"}}
    if east:
        if counts["hangul"] >= counts["kana"] and counts["hangul"] * 2 >= counts["han"]:
            weighted["hangul"] = east * 4
        elif counts["kana"] and not _quoting_japanese(counts["kana"], east):
            weighted["kana"] = east * 4  # Japanese mixes Han and Kana; any Kana share makes it Japanese
        else:
            weighted["han"] = east * 4
    return max(sorted(weighted), key=weighted.__getitem__)


def _script_language(script: str, sample: str, hint: str | None) -> str | None:
    if script == "han":
        # Kanji-only text (a headline) is Chinese unless declared Japanese (or Korean hanja).
        return hint if hint in {"ja", "ko"} else "zh"
    if script == "kana":
        return "ja"
    if script == "cyrillic":
        if hint in {"ru", "uk", "bg", "sr", "mk", "be", "kk"}:
            return hint
        return "uk" if any(c in _UKRAINIAN for c in sample) else "ru"
    if script == "arabic":
        # a share, not one letter: Arabic text quotes a Persian name or a Xiao'erjing spelling (چݣٿ) now and
        # then, while Persian and Urdu write their own letters in every line (ک, گ, ے, ہ)
        letters = sum("\u0600" <= c <= "\u06ff" for c in sample) or 1
        if sum(c in _URDU for c in sample) >= _OWN_LETTERS * letters:
            return "ur"
        return "fa" if sum(c in _PERSIAN for c in sample) >= _OWN_LETTERS * letters else "ar"
    return _SCRIPT_LANG.get(script)


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    raw = parse_yaml(FUNCTION_WORDS_FILE.read_text(encoding="utf-8"), FUNCTION_WORDS_FILE.name, fast=True)
    return {lang: frozenset(words) for lang, words in raw.items()}


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Function word -> the languages listing it, in the file's order: one look-up per word of the sample,
    not one per language."""
    index: dict[str, list[str]] = {}
    for lang, words in function_words().items():
        for word in words:
            index.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in index.items()}


def by_function_words(sample: str, min_hits: int = MIN_FUNCTION_HITS) -> tuple[str, float] | None:
    """(language, its share of all function-word hits) for the Latin-script language whose function
    words the sample uses clearly most (at least ``min_hits`` of them), or None."""
    index = _languages_of_word()
    hits: Counter[str] = Counter()
    for word in _WORD.findall(sample.lower()):
        for lang in index.get(word, ()):
            hits[lang] += 1
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < min_hits:
        return None
    if len(ranked) > 1 and ranked[0][1] < FUNCTION_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0], round(ranked[0][1] / sum(hits.values()), 4)


@lru_cache(maxsize=1)
def _ngram_detector() -> Any:
    """lingua's detector over ``NGRAM_LATIN`` (it is asked about nothing else); each language's models load
    when first needed. Deterministic: the same text always gets the same answer."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in NGRAM_LATIN]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def by_ngrams(sample: str) -> dict[str, float]:
    """The n-gram detector's confidence per language code (empty when the sample gives it nothing to read)."""
    scores: dict[str, float] = {}
    for value in _ngram_detector().compute_language_confidence_values(sample[:NGRAM_CHARS]):
        if value.value > 0:
            code = value.language.iso_code_639_1.name.lower()
            code = _NGRAM_CODE.get(code, code)
            scores[code] = scores.get(code, 0.0) + value.value
    return scores


def detect(text: str, hint: str | None = None, default: str = "en") -> Detection:
    """The language of ``text``; ``hint`` is the declared language, ``default`` the answer for text with no letters."""
    hint = normalise(hint)
    sample = unicodedata.normalize("NFC", text[:SAMPLE_CHARS])
    script = main_script(script_counts(sample))
    if script is None:
        return Detection(hint or default, None, None, "hint" if hint else "default")
    if script != "latin":
        lang = _script_language(script, sample, hint)
        if lang:
            return Detection(lang, None, script, "hint" if lang == hint and script == "han" and lang != "zh" else "script")
    if len(sample.strip()) < MIN_CHARS:
        return Detection(hint or default, None, script, "hint" if hint else "default")
    found = by_function_words(sample) if script == "latin" else None
    if found and (not hint or hint == found[0]):
        return Detection(found[0], found[1], script, "function_words")
    scores = by_ngrams(sample)
    if not scores:
        return Detection(hint or default, None, script, "hint" if hint else "default")
    best = max(sorted(scores), key=scores.__getitem__)
    # A declared language wins when the detector gives it a fair chance (absolutely or against its best), names a
    # language the registry does not crawl (one sentence of German can read as Afrikaans), or names a close relative
    # (Swedish read as Danish).
    if hint and hint != best and (scores.get(hint, 0.0) >= min(HINT_MIN_PROB, HINT_SHARE * scores[best])
                                  or (best not in SUPPORTED and script == "latin" and hint in function_words())
                                  or any({hint, best} <= group for group in CLOSE_RELATIVES)):
        return Detection(hint, round(scores.get(hint, 0.0), 4), script, "hint")
    if best not in SUPPORTED and scores[best] < UNSUPPORTED_MIN_PROB:
        weak = by_function_words(sample, min_hits=1)
        best = weak[0] if weak and weak[0] in SUPPORTED else max(
            sorted(code for code in scores if code in SUPPORTED), key=scores.__getitem__, default=best)
    return Detection(best, round(scores[best], 4), script, "ngrams")


def output_lang(lang: str) -> str:
    """The ``lang`` written with tag output: the code, marked when the tagger has no forms and cues for it."""
    return lang if lang in SUPPORTED else f"{UNSUPPORTED_PREFIX}{lang}"
