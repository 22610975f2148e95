"""Which city a name denotes: homonyms from province context, foreign namesakes from
country/state context, both also from where the article was reported (its dateline, byline
place or reporting credit, ``nlp.dateline``), then a salience prior.

Scores are log-odds so that the softmax over candidates doubles as the linking
confidence the confidence stage multiplies in.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from citywatch.store.words import contains_word
from nlp import jieba_dict, regexes
from nlp.cues import ForeignNames, cues_for, foreign_names, marks_word, shipped_cues
from nlp.dateline import DATELINE_REACH, headline, zones
from nlp.finder import Hit, is_cjk
from nlp.folding import lower_same_length, simplified_table, simplified_text
from nlp.landmarks import Landmarks
from nlp.language import script_of_char
from nlp.lexicon import DISTRICT, Lexicon, is_current
from nlp.sentences import SENTENCE_END

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
# A namesake smaller than a town (or of unknown size in GeoNames) is seldom written about abroad without its
# country or state beside it: "Kalgan" (Zhangjiakou's old name; a locality of 805 in Western Australia).
SMALL_NAMESAKE = 10_000
W_SMALL_NAMESAKE = 1.5
W_CHINA_CONTEXT = 2.0
W_CHARACTERS = 8.0  # "Fuzhou (抚州)": the characters written beside the name say which city
W_PREFECTURE_PART = 2.5  # a county-level city or district of the candidate is named in the article
W_NEIGHBOUR = 3.0  # another city named in the article lies within NEIGHBOUR_KM of the candidate
NEIGHBOUR_KM = 200.0
W_KNOWN_FOR = 2.0  # a word of what the candidate is known for (nlp/data/known_for.tsv) is in the article
# A province named as where other people come from ("buyers from Jiangxi flocked to the fair in Yichun", the
# ``origin_words`` cues): news marks visitors, buyers and rescuers by origin when they are outsiders, so the
# candidate of that province is the less likely one; and that mention is no evidence for it.
W_ORIGIN = 3.0
# A city named in the mention's sentence with a word of nearness between them (cue list "proximity_words": "Suzhou,
# an hour south of Xuzhou", "Yulin, north of Yan'an", "from Nanning to Yulin") says where the mention is: the
# candidate nearest to it gets this on top of W_NEIGHBOUR, when it lies within NEAR_CITY_KM and the other
# candidates are more than NEAR_CITY_RATIO times as far. Without such a word ("exports to Nanjing" is one, "rivals
# in Nanjing" is not) the city counts only as a neighbour.
W_NEAR_CITY = 3.0
NEAR_CITY_KM = 400.0
NEAR_CITY_RATIO = 2.0
NEAR_CITY_CHARS = 80  # how far apart in the sentence
MEETING_PROVINCES = 3  # this many provinces right beside a homonym are a list of where it lies, not its province
MAX_NEIGHBOURS = 40  # distinct cities compared per homonym: bounds the work on city-dense text
MAX_DISTRICT_PARENTS = 2  # a district name shared by more prefectures says nothing
# Where the article was reported from (nlp/dateline.py: dateline, byline place, reporting credit). A wire
# reporter in a provincial capital covers that province, so the dateline weighs nearly as much as a province
# named right beside the name (W_NEAR_PROVINCE), and more than a province or city named anywhere else.
W_DATELINE_CITY = 6.0  # the candidate is the city of the dateline ("FUZHOU, Jiangxi (Xinhua) -- ... Fuzhou")
W_DATELINE_NEAR = 5.0  # the candidate is in the dateline's province
# the candidate is within NEIGHBOUR_KM of the dateline city but in another province ("SHANGHAI" for Suzhou,
# Jiangsu): a bureau in a hub covers several provinces, so this weighs as a neighbouring city named (W_NEIGHBOUR)
W_DATELINE_NEARBY = 3.0
# A province named in the headline above the dateline ("Anhui coal town hit by floods\nSHANGHAI (Reuters) -"): the
# headline says what the story is about, the dateline only where it was written, so this outweighs the dateline
# and the places the body names in passing (but not the province written beside the name itself).
W_HEADLINE_PROVINCE = 8.0
W_DATELINE_CHINA = 3.0  # a dateline in China ("URUMQI, China", "BEIJING —") against a foreign namesake
W_FOREIGN_DATELINE = 5.0  # the dateline names the namesake's country or state ("CANTON, Ohio (AP) —", "PEKIN, Ill.")
W_FOREIGN_STATE = 3.5  # a namesake's state of admin1.tsv named anywhere ("Governo do RN" beside Macau, Brazil)
W_OUTLET_COUNTRY = 1.0  # the outlet's registry country is the namesake's: weak, as foreign outlets cover China too
_BESIDE = frozenset(" (（)）")


@dataclass(frozen=True, slots=True)
class Link:
    adcode: str | None
    probability: float  # of the chosen city among the candidates
    foreign: float  # probability that the name means a place outside mainland China
    candidates: tuple[str, ...]
    near_province: bool = False  # a province (not a province-level city) is named right beside the mention
    probabilities: tuple[float, ...] = ()  # of each candidate, in their order (for the article's one sense)


@dataclass(frozen=True)
class Reported:
    """What the dateline and byline places say: the Chinese cities and provinces named there (a homonym only
    when the zone also names its province; the prefecture of a county-level city or district named there),
    their coordinates, whether the zone is in China, and the provinces the headline above the dateline names."""

    zones: tuple[tuple[int, int], ...] = ()
    cities: frozenset[str] = frozenset()
    provinces: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    china: bool = False
    headline_provinces: frozenset[str] = frozenset()

    def weight(self, city: Any, province: str) -> float:
        """Log-odds for a candidate: it is a dateline city, in a dateline province, or within NEIGHBOUR_KM of a
        dateline city in another province; plus a province of the headline."""
        score = W_HEADLINE_PROVINCE * (province in self.headline_provinces)
        if city.adcode in self.cities:
            return score + W_DATELINE_CITY
        if province in self.provinces:
            return score + W_DATELINE_NEAR
        if city.lat is None or city.lon is None:
            return score
        nearby = any(_km(city.lat, city.lon, lat, lon) <= NEIGHBOUR_KM for lat, lon in self.points)
        return score + W_DATELINE_NEARBY * nearby


@dataclass
class ArticleContext:
    """What the whole article says about provinces and countries, computed once per doc.

    Province names and sentence ends are kept sorted by offset so that each mention looks up
    its neighbours by bisection: the work per mention does not grow with the article.
    """

    provinces: dict[str, int]  # province adcode -> mentions (provinces named + unambiguous cities)
    province_hits: list[tuple[Hit, str]]  # each name of a province in the text, with its adcode, by offset
    china: bool
    lowered: str
    sentence_ends: tuple[list[int], list[int]]  # (starts, earliest end from here on) of the sentence breaks
    _anywhere: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)
    hits: Sequence[Hit] = ()  # every hit of the finder, by offset
    prefectures: dict[str, int] = field(default_factory=dict)  # prefecture adcode -> its counties/districts named
    places: list[tuple[str, float, float]] = field(default_factory=list)  # unambiguous cities named (adcode, lat, lon)
    _hit_starts: list[int] = field(default_factory=list, repr=False, compare=False)
    reported: Reported = field(default_factory=lambda: Reported())  # where the article was reported from
    outlet_country: str | None = None  # ISO code of the outlet's country in the source registry, when known
    landmarks: Landmarks | None = None  # nlp/data/landmarks.tsv, read only when a homonym needs article evidence
    proximity: frozenset[str] = frozenset()  # words that put two cities of a sentence near each other (cues)
    _landmark_cities: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    title: str = ""  # the headline stored apart from the body, lower-cased ("" when none or the body opens with it)
    origins: dict[str, int] = field(default_factory=dict)  # province adcode -> its names after an origin word
    origin_starts: frozenset[int] = frozenset()  # where those names start
    text: str = ""  # the article as written: a cue word in capitals ("US", "ROC") is matched in it, not lower-cased
    inside: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # form -> inside another city
    elsewhere: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # form -> in another province
    # (surface, candidates) -> glossed with another word's characters
    glossed: dict[tuple[str, tuple[str, ...]], bool] = field(default_factory=dict, repr=False, compare=False)
    # form -> the cities the article names apart from that form (_district_of_a_named_city), read once per form
    named_besides: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts = [hit.start for hit, _ in self.province_hits]
        self._hit_starts = [hit.start for hit in self.hits]

    def written(self, word: str) -> str:
        """The text to find ``word`` in: as written for an abbreviation in capitals ("US", not the pronoun "us"),
        else lower-cased."""
        return self.text if self.text and word != word.lower() else self.lowered

    def in_zones(self, word: str) -> bool:
        """``word`` is written inside a dateline or byline place."""
        return any(contains_word(word, self.written(word), start, end) for start, end in self.reported.zones)

    def neighbours(self, hit: Hit) -> tuple[Hit | None, Hit | None]:
        """The hits of the article right before and right after ``hit`` (None at either end)."""
        i = bisect_left(self._hit_starts, hit.start)
        return (self.hits[i - 1] if i > 0 else None), (self.hits[i + 1] if i + 1 < len(self.hits) else None)

    def beside(self, hit: Hit) -> list[Hit]:
        """The hits written right before or after ``hit``, with only spaces or brackets between."""
        previous, following = self.neighbours(hit)
        out = []
        for other, (left, right) in ((previous, (previous.end if previous else 0, hit.start)),
                                     (following, (hit.end, following.start if following else 0))):
            if other is not None and 0 <= right - left <= 3 and set(self.lowered[left:right]) <= _BESIDE:
                out.append(other)
        return out

    def landmark_cities(self) -> tuple[str, ...]:
        """The cities whose landmarks the article names (each once), found on first use."""
        if self._landmark_cities is None:
            found = [*self.landmarks.named_in(self.lowered), *self.landmarks.named_in(self.title)] \
                if self.landmarks is not None else []
            self._landmark_cities = tuple(dict.fromkeys(found))
        return self._landmark_cities

    def has_word(self, word: str) -> bool:
        """``word`` occurs anywhere in the article; each word is looked up once per doc, not per mention."""
        if word not in self._anywhere:
            self._anywhere[word] = contains_word(word, self.written(word)) or bool(self.title) and \
                word == word.lower() and contains_word(word, self.title)
        return self._anywhere[word]

    def sentence_break(self, left: int, right: int) -> bool:
        """A sentence ends between ``left`` and ``right`` (a whole break inside the range)."""
        starts, ends = self.sentence_ends
        i = bisect_left(starts, left)
        return i < len(starts) and ends[i] <= right


def article_context(text: str, hits: Sequence[Hit], lexicon: Lexicon, china_words: frozenset[str],
                    foreign_cues: ForeignNames | None = None, outlet_country: str | None = None,
                    landmarks: Landmarks | None = None, proximity: frozenset[str] = frozenset(),
                    title: str | None = None, title_hits: Sequence[Hit] = (),
                    origin_words: frozenset[str] = frozenset(), speakers: frozenset[str] = frozenset()) -> ArticleContext:
    """What the article says about places. ``title`` is its headline when stored apart from the body (``title_hits``
    the finder's hits in it): it weighs as a headline above the dateline (``W_HEADLINE_PROVINCE``) and, unless the
    body opens with it, counts as article text (provinces, cities, counties, landmarks, words named anywhere);
    it has no offsets, so nothing in it is beside a mention."""
    lowered = lower_same_length(text)  # offsets into it must be offsets into text ("İ" lowers to 2)
    title_lowered = lower_same_length(title) if title else ""
    apart = bool(title_lowered.strip()) and not _opens_with(lowered, title_lowered)
    extra = tuple(title_hits) if apart else ()
    provinces: dict[str, int] = {}
    province_hits = []
    for i, hit in enumerate([*hits, *extra]):
        named = lexicon.province_of(hit.form)  # also a city that shares a province's name (Jilin)
        form = lexicon.form(hit.form) if hit.kind == "city" else None
        if form is not None and len(form.adcodes) == 1 and not form.foreign:
            code = lexicon.city_province.get(form.adcodes[0])
        else:
            code = named if hit.kind == "province" or form is not None else None
        if named and (hit.kind == "province" or form is not None) and i < len(hits):  # the title's have no offsets
            province_hits.append((hit, named))
        if code:
            provinces[code] = provinces.get(code, 0) + 1
    province_hits.sort(key=lambda pair: pair[0].start)
    origins: dict[str, int] = {}
    origin_starts = set()
    for hit, code in province_hits if origin_words else ():
        if _is_origin(text, lowered, hit, origin_words, speakers):  # a province's name, or a city's that is one (Jilin)
            origins[code] = origins.get(code, 0) + 1
            origin_starts.add(hit.start)
    china = bool(provinces) or any(contains_word(word, lowered) or apart and contains_word(word, title_lowered)
                                   for word in china_words)
    prefectures, places = _parts_and_places([*hits, *extra], lexicon)
    titled = frozenset(code for h in title_hits if (code := _province_named(h, lexicon)))
    reported = _reported_from(text, lowered, hits, lexicon, china_words, foreign_cues or foreign_names(), titled)
    return ArticleContext(provinces, province_hits, china or reported.china, lowered, _sentence_ends(text), hits=sorted(
        hits, key=lambda h: h.start), prefectures=prefectures, places=places, reported=reported,
        outlet_country=outlet_country, landmarks=landmarks, proximity=proximity, title=title_lowered if apart else "",
        origins=origins, origin_starts=frozenset(origin_starts), text=text)


def _word_before(lowered: str, start: int) -> tuple[str, int]:
    """The word right before offset ``start`` ("from" in "buyers from jiangxi"), and where it starts."""
    match = _LAST_WORD.search(lowered, max(0, start - 24), start)
    return (match.group(1), match.start(1)) if match else ("", start)


def _is_origin(text: str, lowered: str, hit: Hit, origin_words: frozenset[str], speakers: frozenset[str]) -> bool:
    """Is this province name where other people come from ("buyers from Jiangxi")? Not when it begins a name
    ("researchers from Zhejiang University") or the people are its officials ("officials from Anhui said")."""
    word, start = _word_before(lowered, hit.start)
    if word not in origin_words or _CAPITALISED_NEXT.match(text, hit.end):
        return False
    return _word_before(lowered, start)[0] not in speakers


_LAST_WORD = regexes.compile(r"([^\W\d_]+)\s+$")
_CAPITALISED_NEXT = regexes.compile(r"\s+[A-Z]")


def _opens_with(lowered: str, title: str) -> bool:
    """The body already holds the headline near its top (a page whose extraction kept it): counted once."""
    head = " ".join(lowered[:DATELINE_REACH + len(title)].split())
    return " ".join(title.split()) in head


def _reported_from(text: str, lowered: str, hits: Sequence[Hit], lexicon: Lexicon, china_words: frozenset[str],
                   foreign_cues: ForeignNames, titled: frozenset[str] = frozenset()) -> Reported:
    """The places of the dateline and byline zones. A namesake form whose country or state the zone names
    ("CANTON, Ohio") is no Chinese city; a homonym counts only when the zone names its province
    ("Fuzhou, Jiangxi"); a county-level city or district stands for its prefecture too ("LINHAI" for Taizhou,
    Zhejiang; "HUANGYAN" for the same), a district name shared by prefectures only with the province named.
    The headline's provinces are those of the lines above the dateline and ``titled`` (the stored title's)."""
    spans = tuple(zones(text))
    if not spans:
        return Reported(headline_provinces=titled)
    starts = [start for start, _ in spans]
    inside = [h for h in hits if (i := bisect_right(starts, h.start) - 1) >= 0 and h.end <= spans[i][1]]
    top = headline(text)
    headlined = titled | frozenset(code for h in hits if top is not None and h.end <= top[1]
                                   for code in [_province_named(h, lexicon)] if code)

    def named(word: str) -> bool:  # a word in capitals as written ("US"), as ArticleContext.written
        return any(contains_word(word, lowered if word == word.lower() else text, start, end) for start, end in spans)

    provinces = {code for h in inside if h.kind == "province" and (code := lexicon.province_of(h.form))}
    cities: set[str] = set()
    for hit in inside:
        form = lexicon.form(hit.form) if hit.kind == "city" else None
        # (nor a form with a sizeable namesake abroad, whatever the zone says: "PEKIN -" alone is as much Pekin,
        # Illinois, and a dateline's own name cannot vouch for itself)
        if form is None or _sizeable_namesake(form) or any(
                named(n) for place in form.foreign for n in _place_names(place, foreign_cues, lexicon)):
            continue
        codes = [c for c in form.adcodes if len(form.adcodes) == 1 or lexicon.city_province.get(c) in provinces]
        if len(codes) == 1:
            cities.add(codes[0])
    districts = getattr(lexicon.gazetteer, "districts", {})
    for hit in inside:
        if hit.kind == DISTRICT:
            parents = [c for c in districts.get(hit.form, ()) if c in lexicon.gazetteer.cities]
            parents = [c for c in parents if len(parents) == 1 or lexicon.city_province.get(c) in provinces]
            cities.update(parents[:1] if len(parents) == 1 else ())
    cities |= {parent for c in cities if (parent := lexicon.gazetteer.cities[c].parent)}
    provinces |= {lexicon.city_province[c] for c in cities if c in lexicon.city_province}
    points = tuple((city.lat, city.lon) for c in sorted(cities)
                   if (city := lexicon.gazetteer.cities[c]).lat is not None and city.lon is not None)
    china = bool(cities or provinces) or any(named(word) for word in china_words)
    return Reported(spans, frozenset(cities), frozenset(provinces), points, china, headlined)


def _province_named(hit: Hit, lexicon: Lexicon) -> str | None:
    """The province a hit names: a province, or the province of an unambiguous Chinese city."""
    if hit.kind == "province":
        return lexicon.province_of(hit.form)
    form = lexicon.form(hit.form) if hit.kind == "city" else None
    if form is None or len(form.adcodes) != 1 or form.foreign:
        return None
    return lexicon.city_province.get(form.adcodes[0])


def _parts_and_places(hits: Sequence[Hit], lexicon: Lexicon) -> tuple[dict[str, int], list[tuple[str, float, float]]]:
    """Prefectures whose county-level cities or districts are named, and the unambiguous cities named, with
    their coordinates (the first MAX_NEIGHBOURS distinct ones)."""
    cities = lexicon.gazetteer.cities
    districts = getattr(lexicon.gazetteer, "districts", {})
    prefectures: dict[str, int] = {}
    places: dict[str, tuple[str, float, float]] = {}
    for hit in hits:
        parents: tuple[str, ...] = ()
        if hit.kind == DISTRICT:
            parents = districts.get(hit.form, ())
        elif hit.kind == "city" and (form := lexicon.form(hit.form)) is not None and len(form.adcodes) == 1:
            city = cities[form.adcodes[0]]
            parents = (city.parent,) if city.parent else ()
            if city.lat is not None and city.lon is not None and len(places) < MAX_NEIGHBOURS and not form.foreign:
                places.setdefault(city.adcode, (city.adcode, city.lat, city.lon))
        if 0 < len(parents) <= MAX_DISTRICT_PARENTS:
            for code in parents:
                prefectures[code] = prefectures.get(code, 0) + 1
    return prefectures, list(places.values())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(a))


def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where sentences can end: break starts in order, and for each the earliest end of it or any later break,
    so that "a whole break lies in [left, right]" is one bisection."""
    breaks = sorted((m.start(), m.end()) for m in SENTENCE_END.finditer(text))
    ends = [end for _, end in breaks]
    for i in range(len(ends) - 2, -1, -1):  # suffix minimum: the earliest end of any break starting here or later
        ends[i] = min(ends[i], ends[i + 1])
    return [start for start, _ in breaks], ends


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def province_beside(near: set[str], lexicon: Lexicon) -> bool:
    """Whether the provinces named beside a mention (``provinces_around``) place it, for its label: a
    province-level city (Shanghai, Hong Kong) beside the name is another city, not the province that places this
    one ("Wuhan's 2-1 victory over Shanghai"); for linking it still counts as a province."""
    return any(code not in lexicon.gazetteer.cities for code in near)


def link(text: str, hit: Hit, form: Any, lexicon: Lexicon, ctx: ArticleContext, lang: str = "en",
         foreign_cues: ForeignNames | None = None) -> Link:
    cities = lexicon.gazetteer.cities
    written_beside = {code for other in ctx.beside(hit) if other.kind == "city" and is_cjk(other.form[:1])
                      for code in lexicon.form(other.form).adcodes} | _glossed(text, hit, lexicon)
    candidates = tuple(form.adcodes) + _namesakes_written(form.adcodes, written_beside, cities)
    near, closest = provinces_around(text, hit, ctx, sentence=len(candidates) > 1)
    if not candidates:
        return Link(None, 0.0, 1.0, (), province_beside(near, lexicon))
    # a province places only a city of its own: "the Shenzhen exchange, Zhejiang Hailiang said" names a firm
    own_near = near & {lexicon.city_province.get(c) for c in candidates}
    beside = province_beside(own_near, lexicon)
    if not own_near and (_district_of_a_named_city(
            hit, form, candidates, lexicon, ctx) or _part_of_another_city(hit, candidates, lexicon, ctx, lang)
            or _named_inside_another_city(text, hit, candidates, lexicon, ctx)
            or _in_another_province(text, hit, candidates, lexicon, ctx, lang)
            or _town_named_like(text, hit, lang) and not abroad(text, hit)
            or _glossed_as_another(text, hit, candidates, lexicon, ctx)):
        return Link(None, 0.0, 0.0, candidates, False)
    top_pop = max(lexicon.population(c) for c in candidates)
    scores = []
    known_for = getattr(lexicon.gazetteer, "known_for", {})
    written = written_beside if len(candidates) > 1 else set()
    qualified = _qualifiers(text, hit, ctx) & near if near and len(candidates) > 1 else near
    nearest = _nearest_to_sentence_city(text, hit, candidates, lexicon, ctx) if len(candidates) > 1 else None
    for code in candidates:
        province = lexicon.city_province.get(code, "")
        own = 1 if len(candidates) == 1 else 0  # an unambiguous city counted itself in the article tally
        score = math.log(lexicon.population(code) / top_pop)
        origin = province in ctx.origins and province not in qualified
        if len(near) >= MEETING_PROVINCES:  # "where Jiangsu, Shandong, Henan and Anhui meet": the candidate near them all
            score += W_NEAR_PROVINCE * sum(_touches(cities[code], p, lexicon) for p in near) / len(near)
        elif not origin:
            # a province merely within reach ("Pingxiang resumed shipments to Guangxi") weighs as one in the sentence
            score += W_NEAR_PROVINCE * (province in qualified) + W_SENTENCE_PROVINCE * (province in near - qualified)
        score += W_SENTENCE_PROVINCE * (province == closest and not origin) + W_CHARACTERS * (code in written)
        score -= W_ORIGIN * origin
        # the name's own province beside it overrules the rest of the article; one candidate needs no scores
        if len(candidates) > 1 and (not qualified or province in qualified):
            score += _article_evidence(code, province, own, ctx, lexicon, known_for, province in near)
            score += W_NEAR_CITY * (code == nearest)
        scores.append(score)
    probs = _softmax(scores)
    best = max(range(len(candidates)), key=probs.__getitem__)
    foreign = _foreign_probability(hit, form, ctx, bool(near), lang, lexicon, top_pop, foreign_cues or foreign_names())
    # a municipality's or SAR's name is no town's abroad: after a place abroad it is a pair (槟城香港航班, Penang-Hong
    # Kong flights), not a namesake
    if abroad(text, hit) and not lexicon.municipal.issuperset(candidates) or lang == "ja" and (japanese_municipality(
            text, hit) or in_a_japanese_municipality(text, hit, lexicon)):
        foreign = max(foreign, ABROAD)
    return Link(candidates[best], probs[best], foreign, candidates, beside, tuple(probs))


SETTLED = 0.9  # a homonym's own evidence at least this sure keeps its city whatever the article's other mentions say


def one_sense(links: Sequence[tuple[str, Link]], lexicon: Lexicon) -> list[Link]:
    """One city per name and article: where mentions of one homonym (``links``: each mention's name as written and its link) were
    linked to different cities, those whose own evidence is not settled take the city that all the name's mentions
    together make most likely, as an article names one place by one name (Hyundai's "창저우 공장" is one plant,
    whichever sentence its evidence is in). The mentions' evidence is added in log space with the population prior,
    which each mention's probabilities already hold, counted once. Mentions settled by their own words ("Suzhou,
    Anhui" beside "Suzhou, Jiangsu") keep theirs. So too a place abroad: where one mention of a name with a
    namesake abroad of a town's size is read as one on its own evidence (大马, Malaysia, beside one 安顺 of an
    article about Teluk Intan's clan hall), the name's other mentions that no province of China qualifies are too."""
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for i, (form, result) in enumerate(links):
        if len(result.candidates) > 1 and result.adcode is not None and result.probabilities:
            groups.setdefault((form, result.candidates), []).append(i)
    out = [result for _, result in links]
    for (_, candidates), members in groups.items():
        if len({out[i].adcode for i in members}) < 2:
            continue
        totals = [sum(math.log(max(out[i].probabilities[k], 1e-9)) for i in members)
                  - (len(members) - 1) * math.log(lexicon.population(code)) for k, code in enumerate(candidates)]
        best = max(range(len(candidates)), key=totals.__getitem__)
        for i in members:
            if out[i].probability < SETTLED and out[i].adcode != candidates[best]:
                out[i] = replace(out[i], adcode=candidates[best], probability=out[i].probabilities[best])
    abroad: dict[str, float] = {}
    for form, result in links:
        if result.foreign > 0.5 and _sizeable_namesake(lexicon.form(form)):
            abroad[form] = max(abroad.get(form, 0.0), result.foreign)
    for i, (form, _) in enumerate(links):
        if 0.0 < out[i].foreign < abroad.get(form, 0.0) and not out[i].near_province:
            out[i] = replace(out[i], foreign=abroad[form])
    return out


def _sizeable_namesake(form: Any) -> bool:
    """The name has a namesake abroad of a town's size or more: a smaller one (深圳, a village of 6,700 in Taiwan)
    read from one mention is too weak to carry the article's other mentions."""
    return any((place.population or 0) >= SMALL_NAMESAKE for place in getattr(form, "foreign", ()))


def _article_evidence(code: str, province: str, own: int, ctx: ArticleContext, lexicon: Lexicon,
                      known_for: Mapping[str, Sequence[str]], in_reach: bool) -> float:
    """What the rest of the article says for candidate ``code``: its province and cities named anywhere, its
    counties, its neighbours, what it is known for, and where the article was reported from."""
    cities = lexicon.gazetteer.cities
    city = cities[code]
    # a landmark of a city counts as that city named: a part of its prefecture, a place, a city of its province
    landmarks = [cities[c] for c in ctx.landmark_cities()]
    named = ctx.provinces.get(province, 0) - ctx.origins.get(province, 0)
    named += sum(lexicon.city_province.get(lm.adcode) == province for lm in landmarks)
    score = W_ARTICLE_PROVINCE * (named > 0 and not in_reach)
    score += W_SAME_PROVINCE_CITY * min(MAX_SAME_PROVINCE, max(0, named - own))
    part = ctx.prefectures.get(code, 0) > 0 or any(code in (lm.adcode, lm.parent) for lm in landmarks)
    places = [*ctx.places, *((lm.adcode, lm.lat, lm.lon) for lm in landmarks if lm.lat is not None and lm.lon is not None)]
    score += W_PREFECTURE_PART * part + W_NEIGHBOUR * _has_neighbour(city, places)
    score += W_KNOWN_FOR * any(ctx.has_word(w) for w in known_for.get(code, ()))
    return score + ctx.reported.weight(city, province)


def _nearest_to_sentence_city(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon,
                              ctx: ArticleContext) -> str | None:
    """The candidate much nearer than the others to an unambiguous city named in the mention's sentence."""
    cities = lexicon.gazetteer.cities
    points = [(c, cities[c]) for c in candidates]
    if any(city.lat is None or city.lon is None for _, city in points):
        return None
    lo = bisect_left(ctx._hit_starts, hit.start)
    best: tuple[float, str] | None = None
    for step in (-1, 1):
        i = lo + step
        while 0 <= i < len(ctx.hits):
            other = ctx.hits[i]
            left, right = (other.end, hit.start) if step < 0 else (hit.end, other.start)
            if right < left or ctx.sentence_break(left, right) or right - left > NEAR_CITY_CHARS:
                break
            i += step
            if not ctx.proximity.intersection(_GAP_WORD.findall(ctx.lowered[left:right])):
                continue
            form = lexicon.form(other.form) if other.kind == "city" else None
            if form is None or len(form.adcodes) != 1 or form.foreign or form.adcodes[0] in candidates:
                continue
            place = cities[form.adcodes[0]]
            if place.lat is None or place.lon is None:
                continue
            km = sorted((_km(city.lat, city.lon, place.lat, place.lon), c) for c, city in points)
            if km[0][0] <= NEAR_CITY_KM and km[1][0] > NEAR_CITY_RATIO * km[0][0] and (best is None or km[0] < best):
                best = km[0]
    return best[1] if best else None


def _district_of_a_named_city(hit: Hit, form: Any, candidates: Sequence[str], lexicon: Lexicon,
                              ctx: ArticleContext) -> bool:
    """The name is also a district or county of a city the article names, and nothing in the article points
    to the city of that name ("Chaoyang Hospital" in a story from Beijing is Beijing's Chaoyang district,
    not Chaoyang, Liaoning): the mention then links to no city. A city written right beside the name counts
    with every reading of its own ("Suzhou Wuzhong": Wuzhong is a district of Suzhou, Jiangsu, whichever Suzhou
    the article means elsewhere). So does a city the article names with either of two readings, or the prefecture of
    a county-level city it names ("Suzhou ... its districts (Gusu, Wuzhong, Xiangcheng) and county-level cities
    (Kunshan, Taicang)": Wuzhong and Xiangcheng are Suzhou's, not the cities in Ningxia and Henan)."""
    namesakes = getattr(lexicon.gazetteer, "domestic_namesakes", None)
    # (the districts are held by their pinyin names: a name in another script, 우중 for Wuzhong, reads its cities')
    names = {form.text, *(lexicon.gazetteer.cities[c].name for c in candidates)}
    parents = {d.parent for name in names for d in namesakes(name)} if namesakes else set()
    if not parents:  # (most names are no district's: the article's cities are not read for them)
        return False
    beside = {code for other in ctx.beside(hit) if other.kind == "city" and other.form != hit.form
              for code in getattr(lexicon.form(other.form), "adcodes", ())}
    besides = ctx.named_besides.get(hit.form)
    if besides is None:  # (once per form: every mention of it asks, and a long article has thousands)
        besides = ctx.named_besides[hit.form] = frozenset({code for code, _lat, _lon in ctx.places}) | frozenset(
            ctx.prefectures) | frozenset(code for other in ctx.hits if other.kind == "city" and other.form != hit.form
                                        and (other_form := lexicon.form(other.form)) is not None
                                        and len(other_form.adcodes) <= 2 for code in other_form.adcodes)
    named = besides | beside
    if not parents & named:
        return False
    # a district of a smaller city, named apart from it, does not take the name from a larger city ("Mudanjiang,
    # Linyi, ... Shanghai, Shenyang, Xi'an" in a list of air routes: Mudanjiang has a Xi'an district), unless the
    # article names two of that city's districts or county-level cities (a list of its subdivisions)
    if not parents & beside and not any(ctx.prefectures.get(p, 0) >= 2 for p in parents) and min(
            lexicon.population(c) for c in candidates) > max(lexicon.population(p) for p in parents & named):
        return False
    # an unambiguous city counted itself in the article tally, once for each time the article writes it
    own = sum(h.kind == "city" and lexicon.form(h.form) is form for h in ctx.hits) if len(candidates) == 1 else 0
    return not any(ctx.provinces.get(lexicon.city_province.get(c, ""), 0) - own > 0 for c in candidates)


def _part_of_another_city(hit: Hit, candidates: Sequence[str], lexicon: Lexicon, ctx: ArticleContext,
                          lang: str) -> bool:
    """The name is written as a part of another city named beside it, and no reading of the name lies in that
    city: a business district, a terminal or a neighbourhood named like a city elsewhere ("Dalian's Donggang
    business district", "the Donggang area of Dalian", "the Meishan terminal at Ningbo-Zhoushan port"; Meishan is
    also a city in Sichuan), or a building named after a city, its head capitalised ("the Hong Kong Hotel in
    Guilin"). The structure (the other city's possessive before the name, or "of"/"at" and the
    other city after the part word; before a terminal or wharf, the port's city and a hyphen: "the Ningbo-Meishan
    terminal") says so; a county-level city of that city stays itself ("Suzhou's Kunshan district"). A terminal or
    wharf after "of"/"at" needs the port written after the city: "the Xi'an terminal of the Zhengzhou-Xi'an line"
    is the city's. One sense per article: the name before a part word again later ("The Meishan terminal
    was closed") is that part too."""
    if _part_word(hit, ctx, lang) is None:
        return False
    return any(other.form == hit.form and other.start <= hit.start and _part_by_structure(
        other, candidates, lexicon, ctx, lang) for other in ctx.hits)


def _part_word(hit: Hit, ctx: ArticleContext, lang: str) -> tuple[str, int] | None:
    """The part word right after the name (district, area, terminal ...: cues ``part_words``, ``port_part_words``) and
    where it ends."""
    cues = cues_for(lang)
    words = _PART_WORDS.match(ctx.lowered, hit.end)
    parts = cues.get("part_words", frozenset()) | cues.get("port_part_words", frozenset())
    buildings = cues.get("building_words", frozenset())  # only capitalised, a building's name: "the Hong Kong Hotel"
    group = next((g for g in (1, 2) if words.group(g) in parts or words.group(g) in buildings
                  and ctx.text[words.start(g):words.start(g) + 1].isupper()), None) if words else None
    return (words.group(group), words.end(group)) if words and group else None


_HYPHEN = regexes.compile("[-‐‑–]")  # two names written as one: a port city and its terminal


def _part_by_structure(hit: Hit, candidates: Sequence[str], lexicon: Lexicon, ctx: ArticleContext, lang: str) -> bool:
    """:func:`_part_of_another_city` by the structure around one use of the name."""
    found = _part_word(hit, ctx, lang)
    if found is None:
        return False
    part, end = found
    cues = cues_for(lang)
    parts = cues.get("part_words", frozenset())
    previous, following = ctx.neighbours(hit)
    others: list[Hit] = []
    if previous is not None and _POSSESSIVE_GAP.fullmatch(ctx.lowered, previous.end, hit.start):
        others.append(previous)  # "Dalian's Donggang business district"
    elif previous is not None and part not in parts and _HYPHEN.fullmatch(ctx.lowered, previous.end, hit.start):
        others.append(previous)  # "the Ningbo-Meishan terminal" (not "the Guangzhou-Foshan area", two cities' area)
    link = _PART_LINK.match(ctx.lowered, end)
    if link and following is not None and following.start == link.end():
        # "the Donggang area of Dalian", "the Meishan terminal at Ningbo-Zhoushan port"
        port = _PORT_AFTER.match(ctx.lowered, following.end)
        if part in parts or part in cues.get("building_words", frozenset()) or port and cues.get(
                "port_words", frozenset()) & set(port.group(1).split()):
            others.append(following)
    cities = lexicon.gazetteer.cities
    for other in others:
        codes = _other_city(other, hit, lexicon)
        if codes and not any(_within(c, codes, cities) for c in candidates):
            return True
    return False


def _in_another_province(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon, ctx: ArticleContext,
                         lang: str) -> bool:
    """The name is qualified by the province named right after it, marked as a province by a word of its language
    (``province_marks``: "Wenchuan in Sichuan province", وينتشوان بإقليم سيتشوان), and none of its readings lies in
    that province: another place there, a county the gazetteer does not hold that is written like a city elsewhere
    (Arabic reads و|ينتشوان, "and Yinchuan"). Not for a province-level city, which history writing places in its
    old province ("Chongqing, Sichuan"). One sense per article: the name written so anywhere in it is that place
    wherever it stands alone ("all roads to Wenchuan")."""
    if any(code in lexicon.municipal for code in candidates):
        return False
    if hit.form not in ctx.elsewhere:  # decided once per form and article
        ctx.elsewhere[hit.form] = any(other.form == hit.form and _placed_in_another_province(
            text, other, candidates, lexicon, ctx, lang) for other in ctx.hits)
    return ctx.elsewhere[hit.form]


def _placed_in_another_province(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon,
                                ctx: ArticleContext, lang: str) -> bool:
    """:func:`_in_another_province` by the words after one use of the name."""
    pivot = bisect_left(ctx._starts, hit.end)  # the first province named after the name
    if pivot >= len(ctx.province_hits):
        return False
    other, code = ctx.province_hits[pivot]
    gap = text[hit.end:other.start]
    if other.start - hit.end > NEAR_AFTER or any(c in gap for c in ";:.!?\n。；") or len(
            _GAP_WORD.findall(_DESIGNATOR.sub(" ", gap))) > MAX_QUALIFIER_WORDS:
        return False
    return marks_word(text, other.start, other.end, *shipped_cues().province_marks(lang)) and all(
        lexicon.city_province.get(c) != code for c in candidates)


def _inside_another_city(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon, ctx: ArticleContext) -> bool:
    """Chinese and Japanese addresses: a name written right after another city's name, with nothing, that city's
    district or its port between (天津市滨海新区东港, a port area of Tianjin; 天津东港; 福州港江阴港区), where every
    reading of the name is a county-level city of another prefecture (Donggang, Dandong's): a place below county
    level of the city named first. A county-level city of that city stays itself (丹东东港, 苏州昆山)."""
    if not is_cjk(text[hit.start:hit.start + 1]):
        return False
    previous, _ = ctx.neighbours(hit)
    if previous is None or not _CJK_ADDRESS_GAP.fullmatch(text, previous.end, hit.start):
        return False
    # (a name that is also the province's, written before a city of that province, is the province: 吉林珲春, Hunchun
    # in Jilin province, not inside the city of Jilin)
    province = lexicon.province_of(previous.form)
    if province is not None and any(lexicon.city_province.get(c) == province for c in candidates):
        return False
    codes = _other_city(previous, hit, lexicon)
    cities = lexicon.gazetteer.cities
    return bool(codes) and all(cities[c].parent is not None and not _within(c, codes, cities) for c in candidates)


def _named_inside_another_city(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon,
                               ctx: ArticleContext) -> bool:
    """One sense per article: the name is written inside another city somewhere in the article
    (:func:`_inside_another_city`), so it names that place wherever it stands alone (福州港江阴港区, Fuzhou port's
    Jiangyin port area, then 江阴港区 alone). Decided once per form and article; only names in characters."""
    if not is_cjk(text[hit.start:hit.start + 1]):
        return False
    if hit.form not in ctx.inside:
        ctx.inside[hit.form] = any(other.form == hit.form and _inside_another_city(text, other, candidates, lexicon, ctx)
                                   for other in ctx.hits)
    return ctx.inside[hit.form]


_TOWN_UNITS = ("镇", "鎮")


def _town_named_like(text: str, hit: Hit, lang: str) -> bool:
    """Chinese: a town named like a city, 镇 written right after the name as a word of its own (霞浦县三沙镇, a town of
    Fujian's Xiapu county, not Sansha in Hainan; not 村 "village", which jieba also reads alone in 无锡 | 村 | 田 | 电子,
    Wuxi Murata Electronics: a village is the zh ``own_name_words`` cue of nlp.features, weighed with the others): a
    place below the city, no mention of it. A namesake in Taiwan (屏东县潮州镇) stays the place abroad it is. So is a
    subdistrict (街道) named like a city after its district or county (杨浦区四平街道, Shanghai's Siping Road
    subdistrict), where 街道 cannot be the city's streets."""
    if lang != "zh" or not is_cjk(text[hit.start:hit.start + 1]):
        return False
    if text.startswith("街道", hit.end) and hit.start > 0 and text[hit.start - 1] in "区區县縣":
        return True
    if text[hit.end:hit.end + 1] not in _TOWN_UNITS:
        return False
    phrase = simplified_text(text)[hit.start:hit.end + 4]
    return [word for word, _ in jieba_dict.words_from(phrase, hit.end - hit.start)[:1]] == ["镇"]


def _other_city(other: Hit, hit: Hit, lexicon: Lexicon) -> set[str]:
    """The codes of the city ``other`` names (every reading), or none when it is no city or the hit's own name."""
    if other.kind != "city" or other.form == hit.form:
        return set()
    return set(getattr(lexicon.form(other.form), "adcodes", ()))


def _within(code: str, codes: set[str], cities: Mapping[str, Any]) -> bool:
    """The city ``code`` is one of ``codes`` or a county-level city of one."""
    return code in codes or cities[code].parent in codes


# between a city's name and a place inside it: its 市, then its port or one district or county of up to five characters
_CJK_ADDRESS_GAP = regexes.compile("市?(?:港|[\u3400-\u9fff]{1,5}?(?:新区|新區|区|區|县|縣))?")
# up to two words after a name, the second optional: "business district", "terminal", "area"
_PART_WORDS = regexes.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")
_POSSESSIVE_GAP = regexes.compile(r"['’]s\s+")
_PART_LINK = regexes.compile(r"\s+(?:of|at|in)\s+(?:the\s+)?")
# what follows the other city: another name joined by a hyphen, then the words before the clause goes on
_PORT_AFTER = regexes.compile(r"(?:[-–][\w']+)?((?:\s+[a-z]+){0,2})")


_GLOSS = regexes.compile(r" ?[(（]([^\s()（）]{1,8})[)）]")


def _glossed(text: str, hit: Hit, lexicon: Lexicon) -> set[str]:
    """The cities the Han characters in brackets right after the name write ("지안(集安)", "Fuzhou (抚州)"), read from
    the text: the segmenter may keep such characters from being a hit of their own (a county-level city's short
    form, 集安, is no name alone in a Korean article)."""
    gloss = _GLOSS.match(text, hit.end)
    if gloss is None or not all(is_cjk(char) for char in gloss.group(1)):
        return set()
    form = lexicon.form(gloss.group(1))
    return set(form.adcodes) if form is not None else set()


_CHINA = frozenset({"中国", "中华", "中华人民共和国"})  # (simplified) what a gloss names when it names the country
# a bracket after a name written in Hangul or Latin letters that glosses it: its characters, after a romanisation or
# a translation and a comma or not (리장(Li River, 漓江), 구이린(Guìlín, 桂林), "Qingdao (靑島)")
_GLOSS_AFTER = regexes.compile(r" ?[(（](?:[^()（）\u3040-\u30ff\u3400-\u9fff]{1,20}[,，、] ?)?([\u3400-\u9fff]{2,8})[)）]")


def _glossed_as_another(text: str, hit: Hit, candidates: Sequence[str], lexicon: Lexicon, ctx: ArticleContext) -> bool:
    """A name in Hangul or Latin letters that the article glosses with another word in characters: the word is what
    the characters write (리장(Li River, 漓江) is the Li River, 漓江, not Lijiang, 丽江), wherever the article writes
    it, as an article means one thing by one word. Another word is one of jieba's dictionary, in simplified
    characters, that no candidate's form begins and that is no province and not China (a variant character, 靑島,
    is no dictionary word, and Japanese datelines gloss a name with an agency or the country: ハルビン(共同), so kana
    names are left out). One gloss of the city's own anywhere in the article keeps every mention. Decided once per
    surface and article (``ctx.glossed``)."""
    surface = text[hit.start:hit.end]
    if not surface or script_of_char(surface[0]) not in {"hangul", "latin"}:
        return False
    key = (surface, tuple(candidates))
    if key not in ctx.glossed:
        ctx.glossed[key] = _glossed_otherwise(text, surface, frozenset(candidates), lexicon)
    return ctx.glossed[key]


def _glossed_otherwise(text: str, surface: str, candidates: frozenset[str], lexicon: Lexicon) -> bool:
    """:func:`_glossed_as_another` by every gloss the article writes after ``surface``."""
    other = False
    at = text.find(surface)
    while at >= 0:
        gloss = _GLOSS_AFTER.match(text, at + len(surface))
        if gloss is not None:
            run = gloss.group(1)
            simplified = run.translate(simplified_table())
            if any(candidates.intersection(getattr(lexicon.form(word[:n]), "adcodes", ()))
                   for word in (run, simplified) for n in range(len(word), 1, -1)):
                return False
            other = other or (jieba_dict.has_word(simplified) and simplified not in _CHINA
                              and lexicon.province_of(run) is None and lexicon.province_of(simplified) is None)
        at = text.find(surface, at + 1)
    return other


def _namesakes_written(candidates: Sequence[str], written: set[str], cities: Mapping[str, Any]) -> tuple[str, ...]:
    """The cities the characters beside the name write that share a candidate's name but are none of them
    ("지안(集安)": the Korean form's table holds Ji'an, Jiangxi (吉安) only; the characters add Ji'an, Jilin, which
    :data:`W_CHARACTERS` then chooses), in code order."""
    names = {cities[code].name for code in candidates if code in cities}
    return tuple(sorted(code for code in written - set(candidates) if code in cities and cities[code].name in names))


def _touches(city: Any, province: str, lexicon: Lexicon) -> bool:
    """The city is in ``province`` or within NEIGHBOUR_KM of one of its prefecture-level cities."""
    if lexicon.city_province.get(city.adcode) == province:
        return True
    if city.lat is None or city.lon is None:
        return False
    return any(_km(city.lat, city.lon, lat, lon) <= NEIGHBOUR_KM for lat, lon in lexicon.province_points.get(province, ()))




def _has_neighbour(city: Any, places: Sequence[tuple[str, float, float]]) -> bool:
    if city.lat is None or city.lon is None:
        return False
    return any(code != city.adcode and _km(city.lat, city.lon, lat, lon) <= NEIGHBOUR_KM for code, lat, lon in places)


_GAP_WORD = regexes.compile(r"[^\W\d_]+")
_POSSESSIVE = regexes.compile(r"['’]s?\s+")
MAX_QUALIFIER_WORDS = 2  # "Taizhou, Jiangsu", "Suzhou, in neighbouring Anhui", "in Anhui province, Suzhou"
MAX_APPOSITION_WORDS = 4  # "Suzhou, a city in northern Anhui"
# The word for province and its particles say nothing more than the province name after them, so they are not
# counted: "Suzhou in der Provinz Anhui", "Suzhou, dans la province de l'Anhui", "Taizhou w prowincji Zhejiang".
_DESIGNATOR = regexes.compile(r"\b(?:province|provinz|provincia|província|provincie|provinsi|prowincji|prowincja|"
                         r"провинции|провинция|провінції|tỉnh)(?:\s+(?:of|de|du|di|del|della|da|do|d['’]|l['’]))*",
                         re.IGNORECASE)


def _qualifiers(text: str, hit: Hit, ctx: ArticleContext) -> set[str]:
    """The provinces written as the name's qualifier: right beside it with at most two words and no clause
    break between ("Suzhou, in Anhui", "Anhui's Suzhou"), or after a comma with at most four ("Suzhou, a city
    in northern Anhui"); not merely within reach ("Suzhou cut shifts; buyers in Shanghai", "Pingxiang resumed
    shipments to Guangxi")."""
    pivot = bisect_left(ctx._starts, hit.start)
    out = set()
    for other, code in ctx.province_hits[max(0, pivot - 1):pivot + 2]:
        if other.start == hit.start:
            continue
        after = other.start > hit.start
        left, right = (hit.end, other.start) if after else (other.end, hit.start)
        if not 0 <= right - left <= (NEAR_AFTER if after else NEAR_BEFORE):
            continue
        gap = text[left:right]
        words = len(_GAP_WORD.findall(_DESIGNATOR.sub(" ", gap)))
        limit = MAX_APPOSITION_WORDS if after and gap.lstrip().startswith(",") else MAX_QUALIFIER_WORDS
        if other.start in ctx.origin_starts and not after:  # "from Anhui's Suzhou", not "from Anhui reached Suzhou"
            limit = 1 if _POSSESSIVE.fullmatch(gap) else -1  # the "s" of "'s" is the one word
        if not any(c in gap for c in ";:.!?\n。；") and words <= limit:
            out.add(code)
    return out


_CJK_FULL_STOP = regexes.compile("[。！？]")  # Chinese and Japanese: 30 characters span sentences


def provinces_around(text: str, hit: Hit, ctx: ArticleContext, sentence: bool = True) -> tuple[set[str], str | None]:
    """(provinces named right beside the mention, the province named closest within its sentence).

    The second is only looked for (``sentence``) and only given when no province is right
    beside: a sentence that describes a city names its own province first and nearest;
    provinces further on are usually neighbours ("... in Anhui, bordering Jiangsu").
    Province names do not overlap, so the gaps grow outward from the mention: the walk
    stops at the first name too far on each side.
    """
    near: set[str] = set()
    hits = ctx.province_hits
    pivot = bisect_left(ctx._starts, hit.start)
    nearest: list[tuple[int, str]] = []
    for step, limit in ((-1, NEAR_BEFORE), (1, NEAR_AFTER)):
        i = pivot - 1 if step < 0 else pivot
        first = True
        while 0 <= i < len(hits):
            other, code = hits[i]
            i += step
            if other.start == hit.start:
                continue
            left, right = (hit.end, other.start) if step > 0 else (other.end, hit.start)
            if right < left:
                continue
            if first:
                first = False
                if right - left > limit and sentence and not ctx.sentence_break(left, right):
                    nearest.append((right - left, code))
            if right - left > limit:
                break
            if not _CJK_FULL_STOP.search(text, left, right):  # beside it, and not past a 。
                near.add(code)
    if near or not nearest:
        return near, None
    return near, min(nearest, key=lambda pair: pair[0])[1]  # the left one on a tie, as it comes first


ABROAD = 0.9  # the foreign probability of a Chinese-script name read as a namesake outside the mainland
_TAIWAN_UNITS = ("县", "市")  # between a Taiwanese county or city and a place in it (台南市永康区)
_SUBUNITS = frozenset("区镇乡里村站")  # a place's own unit after its name (永康区, 潮州镇, 南昌站)


_CHINA_WORDS = ("中国", "省", "自治区")  # China, a province or an autonomous region: a name written as China's


def japanese_municipality(text: str, hit: Hit) -> bool:
    """In Japanese text, a name with 市 that is also a Japanese city's (``municipalities_named_alike``: 津市, Tsu in Mie,
    not Jinshi in Hunan) is the Japanese city unless China, a province or an autonomous region is named in the few
    characters around it (湖南省津市, 中国・津市, 白山市は吉林省の都市); after it, not where that word begins another
    place's name (津市長、中国・鎮江市へ: China is Zhenjiang's)."""
    name = text[hit.start:hit.end] if text[hit.end - 1:hit.end] == "市" else text[hit.start:hit.end + 1]
    if name not in cues_for("ja").get("municipalities_named_alike", ()):
        return False
    before, after = text[max(0, hit.start - 8):hit.start], text[hit.end:hit.end + 12]
    return not any(word in before or _china_of_its_own(after, word) for word in _CHINA_WORDS)


# a place's name that a word for China or a province may begin (中国・鎮江市, 中国江蘇省, 省鎮江市)
_PLACE_NAMED_NEXT = regexes.compile("[・･]?[\u4e00-\u9fff]{1,4}[省市]")


def _china_of_its_own(after: str, word: str) -> bool:
    """``word`` occurs in ``after`` other than at the start of another place's name."""
    at = after.find(word)
    while at >= 0:
        if _PLACE_NAMED_NEXT.match(after, at + len(word)) is None:
            return True
        at = after.find(word, at + 1)
    return False


_JA_MUNICIPALITY_OF = regexes.compile("([\u4e00-\u9fff]{2,4}?)[市町村県]の?$")
# words that end in a municipality's character without naming one (港湾都市の寧波 "the port city of Ningbo", 城下町,
# 同市 "the same city", 両県)
_NOT_A_MUNICIPALITY = ("都", "城下", "門前", "同", "当", "両", "各", "全", "本", "他", "旧")


def in_a_japanese_municipality(text: str, hit: Hit, lexicon: Lexicon) -> bool:
    """In Japanese text, a name right after a municipality or prefecture of two characters or more, with or without
    の, that is no Chinese city's or province's name (宮崎市の青島 and 宮崎市青島, Aoshima, a resort of Miyazaki; not
    寧波市の余姚, a county-level city of Ningbo, nor 港湾都市の寧波, "the port city of Ningbo"): a place of that
    municipality in Japan, unless China is named just before it. One sense per article, as for a namesake abroad:
    one such use anywhere in the text makes every use of the name that place (a series on Aoshima writes 青島 bare
    after 宮崎市青島 once), unless a use is written as China's (福建省福州市 beside 那覇市の福州園, a garden in Naha). A
    name written with its own 市 is a city, not a place of one: after a municipality it is the second of two cities
    written without と (神戸市天津市の友好都市, Kobe's and Tianjin's). A place the cues name with its own part of Japan
    is that place where the text writes that part near it (:func:`_japanese_throughout`)."""
    name = text[hit.start:hit.end]
    if name.endswith("市"):
        return False
    return _after_japanese_municipality(text, hit.start, lexicon) or _japanese_throughout(text, name, lexicon)


_PLACE_REACH = 100  # characters each side of a Japanese place's name searched for its own part of Japan


@lru_cache(maxsize=1)
def _japanese_places() -> dict[str, tuple[str, ...]]:
    """The ja ``japanese_places`` cues: each place's name and the words of its own part of Japan."""
    entries = (entry.split(":", 1) for entry in cues_for("ja").get("japanese_places", frozenset()))
    return {name: tuple(words.split("|")) for name, words in entries}


@lru_cache(maxsize=64)
def _japanese_throughout(text: str, name: str, lexicon: Lexicon) -> bool:
    """One use of ``name`` after a Japanese municipality makes every use that place, unless a use is written as China's
    (:func:`in_a_japanese_municipality`): read once per text and name, as an article repeats its names (each mention
    scanning the whole text made a long Japanese text's tagging grow with its square). So does one use near its own
    part of Japan for a place the ja ``japanese_places`` cues name (青島:宮崎|日南, Aoshima, the resort of Miyazaki,
    whose copy writes 青島は宮崎観光の顔 and 青島や日南海岸 without the prefecture's 県)."""
    near = _japanese_places().get(name, ())
    if not near and _after_municipality_pattern(name).search(text) is None:  # (one scan rules most texts out)
        return False
    uses = [m.start() for m in re.finditer(re.escape(name), text)]
    return any(_after_japanese_municipality(text, at, lexicon) or any(
        word in text[max(0, at - _PLACE_REACH):at + len(name) + _PLACE_REACH] for word in near) for at in uses) and not any(
        _written_as_chinese(text, at, at + len(name)) for at in uses)


@lru_cache(maxsize=512)
def _after_municipality_pattern(name: str) -> re.Pattern[str]:
    """The name right after a municipality's or prefecture's character, with or without の: where it may be Japan's."""
    return re.compile("[市町村県]の?" + re.escape(name))


def _written_as_chinese(text: str, start: int, end: int) -> bool:
    """A use of the name with its 市, or after a province, an autonomous region or China (福建省福州市, 中国・青島)."""
    return text[end:end + 1] == "市" or any(word in text[max(0, start - 6):start] for word in _CHINA_WORDS)


def _after_japanese_municipality(text: str, start: int, lexicon: Lexicon) -> bool:
    written = _JA_MUNICIPALITY_OF.search(text, max(0, start - 6), start)
    if written is None or "中国" in text[max(0, start - 12):start]:
        return False
    name = written.group(1)
    if name.endswith(_NOT_A_MUNICIPALITY):
        return False
    return not any(lexicon.form(form) is not None or lexicon.province_of(form)
                   for form in (name, name + text[written.end(1)]))


def abroad(text: str, hit: Hit) -> bool:
    """Is a Chinese-script name the namesake of a place outside the mainland? Chinese writes the larger place
    first, so this is "Canton, Ohio" read the other way round, by the zh cues: right after a country
    (``abroad_countries``: 美国) or a region or town of Hong Kong, Malaysia or Singapore (``abroad_places``:
    槟城北海, Butterworth), or listed with one (大山脚、北海); after a county or city of Taiwan (``taiwan_places``)
    with a unit between or the name's own unit after it (台南市永康区, 屏东县潮州镇; 台北上海双城论坛, a
    Taipei-Shanghai forum, keeps Shanghai); a station (南昌站) in a text about a metro outside the mainland
    (``abroad_metros``: 港铁, 捷运). One sense per article: one such reading makes every use of the name in the
    text that namesake."""
    if not is_cjk(text[hit.start]):
        return False
    simple = simplified_text(text)
    return _abroad_in(simple, simple[hit.start:hit.end])


@lru_cache(maxsize=256)
def _abroad_in(simple: str, surface: str) -> bool:
    """:func:`abroad` for every use of one name in one (simplified) text, read once per name and text, not once
    per hit: a name used thirty times is thirty hits."""
    metro = any(m in simple for m in cues_for("zh")["abroad_metros"])
    at = simple.find(surface)
    while at >= 0:
        if _abroad_at(simple, at, at + len(surface), metro):
            return True
        at = simple.find(surface, at + 1)
    return False


@lru_cache(maxsize=1)
def _abroad_affixes() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The zh cue lists as ``str.startswith``/``endswith`` take them, built once: places abroad, what ends a name
    qualified by one (a place, or a country with or without its possessive 的), a place abroad and a list comma,
    Taiwan's counties and cities."""
    cues = cues_for("zh")
    places, countries = tuple(cues["abroad_places"]), tuple(cues["abroad_countries"])
    # (a Malaysian state also with its 州: 霹雳州安顺市 is Teluk Intan)
    return (places, (*places, *(p + "州" for p in places), *countries, *(c + "的" for c in countries)),
            tuple(p + "、" for p in places),
            tuple(cues["taiwan_places"]))


@lru_cache(maxsize=1)
def _named_bodies() -> tuple[str, ...]:
    """What makes the name the start of an organisation's name (会馆, 同乡会, 商会, 大学: the zh ``name_suffixes`` and
    ``org_heads``), as ``str.startswith`` takes it."""
    cues = cues_for("zh")
    return tuple(cues["name_suffixes"] | cues["org_heads"])


# a body's name run on to its head within a few characters: 日本天津総商会, 在日天津同郷会, 日本天津経済発展促進会,
# 在日の天津華僑 (Japanese clubs, chambers and communities of people from Tianjin; read in simplified characters)
_BODY_AFTER = regexes.compile(r"[^\s、。，,・]{0,8}?(?:会|華僑|华侨)")


def _abroad_at(simple: str, start: int, end: int, metro: bool) -> bool:
    places, qualifiers, listed, taiwan = _abroad_affixes()
    before, after = simple[max(0, start - 8):start], simple[end:end + 1]
    # a body abroad named for the city its members come from (新加坡潮州会馆, Singapore's Teochew clan association)
    # is no namesake place: the country says where the body is
    if before.endswith(qualifiers) and not (simple.startswith(_named_bodies(), end) or _BODY_AFTER.match(simple, end)) \
            or before.endswith(listed):
        return True
    if after == "、" and simple[end + 1:end + 9].startswith(places) or metro and after == "站":
        return True
    unit = before.endswith(_TAIWAN_UNITS)
    return (unit or after in _SUBUNITS) and before[:-1 if unit else None].endswith(taiwan)


def _foreign_probability(hit: Hit, form: Any, ctx: ArticleContext, near_china: bool, lang: str, lexicon: Lexicon,
                         city_population: int, foreign_cues: ForeignNames) -> float:
    if not getattr(form, "foreign", ()):
        return 0.0
    current = is_current(form, lang)  # "Canton" is current in French
    best = -math.inf
    for place in form.foreign:
        names = _place_names(place, foreign_cues, lexicon)
        # a name that begins within reach ("Macau, a governadora do Rio Grande do Norte")
        near = any(contains_word(n, ctx.written(n), hit.end, hit.end + NEAR_AFTER + len(n)) for n in names)
        anywhere = any(ctx.has_word(n) for n in names)
        score = W_FOREIGN_NEAR * near + W_FOREIGN_ARTICLE * anywhere
        # a division of admin1.tsv named anywhere: written by hand for the namesakes, so no list of countries
        score += W_FOREIGN_STATE * (place.country != "US" and any(
            ctx.has_word(n.lower()) for n in lexicon.gazetteer.admin1_names(place.country, place.admin1)))
        score += W_FOREIGN_DATELINE * any(ctx.in_zones(n) for n in names)
        score += W_OUTLET_COUNTRY * (ctx.outlet_country == place.country)
        score -= W_SMALL_NAMESAKE * ((place.population or 0) < SMALL_NAMESAKE)
        if current:  # a current city name shadows a small namesake unless the context names its country
            ratio = (place.population or 1) / max(city_population, 1)
            score += max(-3.0, min(0.0, W_SALIENCE * math.log10(ratio)))
        best = max(best, score)
    prior = CHINA_PRIOR if current else HISTORIC_PRIOR
    china = prior + W_CHINA_CONTEXT * ctx.china + W_NEAR_PROVINCE * near_china + W_DATELINE_CHINA * ctx.reported.china
    return _sigmoid(best - china)


def _place_names(place: Any, foreign_cues: ForeignNames, lexicon: Lexicon) -> tuple[str, ...]:
    """The names of a namesake's country and state (or other first-level division), lower-cased."""
    states, countries = foreign_cues
    return (*countries.get(place.country, ()), *_admin1_names(place, states, lexicon.gazetteer))


def _admin1_names(place: Any, states: Mapping[str, tuple[str, ...]], gazetteer: Any) -> tuple[str, ...]:
    admin1 = (place.admin1 or "").strip()
    if place.country == "US" and admin1.upper() in states:
        return states[admin1.upper()]
    code = (admin1,) if len(admin1) > 2 and not admin1.isdigit() else ()  # "OH" or "22" would match anything
    return tuple(n.lower() for n in (*gazetteer.admin1_names(place.country, admin1), *code))
