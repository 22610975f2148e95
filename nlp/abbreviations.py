"""One-character city abbreviations (京 for Beijing, 沪 for Shanghai): a mention only in a clear context.

The gazetteer has them as forms (``nlp/data/abbreviations.tsv``), so the finder matches every 京 in the
text; a segmenter cannot judge a single character (进京 and 东京 are both one word to jieba), so
these hits skip the segmenter and are kept by the written rule of ``nlp/resources/abbreviations.yaml``:
next to another place abbreviation (京津冀, 京沪高铁) where the run begins a word or heads one (not 月津港, a
port in Tainan), or, in Chinese, after a verb of place (进京, 赴沪)
or before an attribute word (京籍, 沪市); never inside a word that names something else (东京 Tokyo,
南京 Nanjing, 京都 Kyoto). Japanese gets only the first rule: 上京 and 在京 mean Tokyo there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from citywatch.config import parse_yaml
from nlp import regexes
from nlp.finder import Hit, is_cjk

RULES_FILE = Path(__file__).with_name("resources") / "abbreviations.yaml"
_BRACKETED = regexes.compile(r"[(（][^)）]{1,3}[)）]")


@dataclass(frozen=True)
class Rules:
    partners: frozenset[str]
    before: tuple[str, ...]
    after: frozenset[str]
    never_in: tuple[str, ...]
    pair_heads: tuple[str, ...]
    street_heads: tuple[str, ...]


def parse_rules(text: str, where: str = RULES_FILE.name) -> Rules:
    """The rules of an abbreviations file; ValueError naming the file and the missing or bad key."""
    raw = parse_yaml(text, where)
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: not an abbreviation rule file")
    values = {}
    for key in ("partners", "before", "after", "never_in", "pair_heads", "street_heads"):
        words = raw.get(key)
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"{where}: '{key}' must be a list of words")
        values[key] = words
    return Rules(frozenset(values["partners"]), tuple(values["before"]), frozenset(values["after"]),
                 tuple(values["never_in"]), tuple(values["pair_heads"]), tuple(values["street_heads"]))


@lru_cache(maxsize=1)
def shipped_rules() -> Rules:
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"), str(RULES_FILE))


def is_abbreviation(hit: Hit) -> bool:
    """A one-character Han form: judged by :func:`in_clear_context`, not by a segmenter."""
    return hit.end - hit.start == 1 and is_cjk(hit.form[:1])


def in_clear_context(text: str, hit: Hit, lang: str | None, rules: Rules | None = None) -> bool:
    rules = rules or shipped_rules()
    start, end = hit.start, hit.end
    char = text[start]
    for word in rules.never_in:
        at = word.find(char)
        while at >= 0:
            if text[start - at:start - at + len(word)] == word:
                return False
            at = word.find(char, at + 1)
    if (start > 0 and text[start - 1] in rules.partners) or (end < len(text) and text[end] in rules.partners):
        return _pair_stands_alone(text, start, end, lang, rules)
    # the attribute words are Chinese too: in Japanese 長岡京市 is a city in Kyoto Prefecture
    return _after_a_verb_of_place(text, start, lang, rules) or (
        lang != "ja" and end < len(text) and text[end] in rules.after)


def _after_a_verb_of_place(text: str, start: int, lang: str | None, rules: Rules) -> bool:
    """进京, 赴沪, 在渝: Chinese only (上京 and 在京 mean Tokyo in Japanese)."""
    return lang != "ja" and any(text[:start].endswith(word) for word in rules.before)


def _pair_stands_alone(text: str, start: int, end: int, lang: str | None, rules: Rules) -> bool:
    """A run of abbreviations (京港, 京津冀) is places when it begins a word, after no Han character, after a
    verb of place, or when a word that such pairs head follows it (京港高铁, 沪深两市, 成渝地区: ``pair_heads``);
    not inside a longer name whose other characters only happen to be beside it (月津港, a port in Tainan)."""
    while start > 0 and text[start - 1] in rules.partners:
        start -= 1
    while end < len(text) and text[end] in rules.partners:
        end += 1
    if text.startswith(rules.street_heads, end):  # 京广路, 京广北路: a street named for the line, in another city
        return False
    # Japanese names pair two such characters by chance (深津絵里, an actress): there a pair of two needs a word it
    # heads; a run of three (京津冀) still stands alone
    chance = lang == "ja" and end - start < 3
    if not chance and (start == 0 or not is_cjk(text[start - 1]) or _after_a_verb_of_place(text, start, lang, rules)):
        return True
    close = _BRACKETED.match(text, end)  # 京港(台)通道: a partner added in brackets
    return text.startswith(rules.pair_heads, close.end() if close else end)


def keep_abbreviations(text: str, hits: list[Hit], lang: str | None) -> list[Hit]:
    """The abbreviation hits among ``hits`` that are mentions."""
    return [h for h in hits if in_clear_context(text, h, lang)]
