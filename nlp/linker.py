"""Which city a name denotes: homonyms from province context, foreign namesakes from
country/state context, then a salience prior.

Scores are log-odds so that the softmax over candidates doubles as the linking
confidence the confidence stage multiplies in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nlp.cues import foreign_names
from nlp.finder import Hit, lower_same_length
from nlp.lexicon import Lexicon

NEAR_AFTER = 30  # "Suzhou, Anhui" / "Suzhou in Anhui province" / "Canton, Ohio"
NEAR_BEFORE = 25  # "Anhui's Suzhou" / "in Anhui province, Suzhou"
W_NEAR_PROVINCE = 6.0
W_SENTENCE_PROVINCE = 3.0  # "Suzhou ... is located in the north of Anhui Province, next to Jiangsu"
W_ARTICLE_PROVINCE = 2.0
W_SAME_PROVINCE_CITY = 1.0
MAX_SAME_PROVINCE = 3
W_FOREIGN_NEAR = 7.0
W_FOREIGN_ARTICLE = 3.5
W_SALIENCE = 0.5  # per factor of ten in population, namesake vs city
CHINA_PRIOR = 1.5
HISTORIC_PRIOR = -0.5  # a form that is only a historic/foreign-language name ("Canton") and nothing else
W_CHINA_CONTEXT = 2.0
_CURRENT_KINDS = {"name", "pinyin", "pinyin_tone", "pinyin_variant", "english", "zh_hans", "zh_hant", "zh_hans_full",
                  "zh_hant_full", "alt:en"}


@dataclass(frozen=True, slots=True)
class Link:
    adcode: str | None
    probability: float  # of the chosen city among the candidates
    foreign: float  # probability that the name means a place outside mainland China
    candidates: tuple[str, ...]
    near_province: bool = False  # a province is named right beside the mention


@dataclass
class ArticleContext:
    """What the whole article says about provinces and countries, computed once per doc."""

    provinces: dict[str, int]  # province adcode -> mentions (provinces named + unambiguous cities)
    province_hits: list[tuple[Hit, str]]  # each name of a province in the text, with its adcode
    china: bool
    lowered: str
    _anywhere: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def has_word(self, word: str) -> bool:
        """``word`` occurs anywhere in the article; each word is looked up once per doc, not per mention."""
        if word not in self._anywhere:
            self._anywhere[word] = _word_in(word, self.lowered)
        return self._anywhere[word]


def article_context(text: str, hits: Sequence[Hit], lexicon: Lexicon, china_words: frozenset[str]) -> ArticleContext:
    provinces: dict[str, int] = {}
    province_hits = []
    for hit in hits:
        named = lexicon.province_of(hit.form)  # also a city that shares a province's name (Jilin)
        form = lexicon.form(hit.form) if hit.kind == "city" else None
        if form is not None and len(form.adcodes) == 1 and not form.foreign:
            code = lexicon.city_province.get(form.adcodes[0])
        else:
            code = named if hit.kind == "province" or form is not None else None
        if named and (hit.kind == "province" or form is not None):
            province_hits.append((hit, named))
        if code:
            provinces[code] = provinces.get(code, 0) + 1
    lowered = lower_same_length(text)  # offsets into it must be offsets into text ("İ" lowers to 2)
    china = bool(provinces) or any(_word_in(word, lowered) for word in china_words)
    return ArticleContext(provinces, province_hits, china, lowered)


def _word_in(word: str, lowered: str, start: int = 0, end: int | None = None) -> bool:
    if not word.isascii():
        return word in lowered[start:end]
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered[start:end]) is not None


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def link(text: str, hit: Hit, form: Any, lexicon: Lexicon, ctx: ArticleContext, lang: str = "en") -> Link:
    candidates = tuple(form.adcodes)
    near, closest = provinces_around(text, hit, ctx, sentence=len(candidates) > 1)
    if not candidates:
        return Link(None, 0.0, 1.0, (), bool(near))
    cities = lexicon.gazetteer.cities
    top_pop = max(cities[c].population or 1 for c in candidates)
    scores = []
    for code in candidates:
        province = lexicon.city_province.get(code)
        own = 1 if len(candidates) == 1 else 0  # an unambiguous city counted itself in the article tally
        score = math.log((cities[code].population or 1) / top_pop)
        score += W_NEAR_PROVINCE * (province in near)
        score += W_SENTENCE_PROVINCE * (province == closest)
        score += W_ARTICLE_PROVINCE * (ctx.provinces.get(province, 0) > 0 and province not in near)
        score += W_SAME_PROVINCE_CITY * min(MAX_SAME_PROVINCE, max(0, ctx.provinces.get(province, 0) - own))
        scores.append(score)
    probs = _softmax(scores)
    best = max(range(len(candidates)), key=probs.__getitem__)
    foreign = _foreign_probability(hit, form, ctx, bool(near), lang, lexicon, top_pop)
    return Link(candidates[best], probs[best], foreign, candidates, bool(near))


_SENTENCE_END = re.compile(r"[.!?]\s|[。！？]|\n")  # Chinese and Japanese put no space after a full stop
_CJK_FULL_STOP = re.compile("[。！？]")


def provinces_around(text: str, hit: Hit, ctx: ArticleContext, sentence: bool = True) -> tuple[set[str], str | None]:
    """(provinces named right beside the mention, the province named closest within its sentence).

    The second is only looked for (``sentence``) and only given when no province is right
    beside: a sentence that describes a city names its own province first and nearest;
    provinces further on are usually neighbours ("... in Anhui, bordering Jiangsu").
    """
    near: set[str] = set()
    best: tuple[int, str] | None = None
    for other, code in ctx.province_hits:
        if other.start == hit.start:
            continue
        after = other.start >= hit.end
        left, right = (hit.end, other.start) if after else (other.end, hit.start)
        if right < left:
            continue
        if right - left <= (NEAR_AFTER if after else NEAR_BEFORE) and not _CJK_FULL_STOP.search(text, left, right):
            near.add(code)  # beside it: close (in Chinese and Japanese, 30 characters span sentences: not past a 。)
        elif sentence and (best is None or right - left < best[0]) and not _SENTENCE_END.search(text, left, right):
            best = (right - left, code)
    return near, (best[1] if best and not near else None)


def _foreign_probability(hit: Hit, form: Any, ctx: ArticleContext, near_china: bool, lang: str, lexicon: Lexicon,
                         city_population: int) -> float:
    if not getattr(form, "foreign", ()):
        return 0.0
    states, countries = foreign_names()
    current = bool((_CURRENT_KINDS | {f"alt:{lang}"}) & set(form.kinds))  # "Canton" is current in French
    best = -math.inf
    for place in form.foreign:
        names = [*countries.get(place.country, ()), *_admin1_names(place, states, lexicon.gazetteer)]
        near = any(_word_in(n, ctx.lowered, hit.end, hit.end + NEAR_AFTER) for n in names)
        anywhere = any(ctx.has_word(n) for n in names)
        score = W_FOREIGN_NEAR * near + W_FOREIGN_ARTICLE * anywhere
        if current:  # a current city name shadows a small namesake unless the context names its country
            ratio = (place.population or 1) / max(city_population, 1)
            score += max(-3.0, min(0.0, W_SALIENCE * math.log10(ratio)))
        best = max(best, score)
    prior = CHINA_PRIOR if current else HISTORIC_PRIOR
    china = prior + W_CHINA_CONTEXT * ctx.china + W_NEAR_PROVINCE * near_china
    return _sigmoid(best - china)


def _admin1_names(place: Any, states: Mapping[str, tuple[str, ...]], gazetteer: Any) -> tuple[str, ...]:
    admin1 = (place.admin1 or "").strip()
    if place.country == "US" and admin1.upper() in states:
        return states[admin1.upper()]
    name = gazetteer.admin1_name(place.country, admin1) if hasattr(gazetteer, "admin1_name") and admin1 else None
    return tuple(n.lower() for n in (name, admin1) if n and len(n) > 2 and not n.isdigit())
