"""What the pipeline needs from the gazetteer, indexed once per gazetteer.

The gazetteer (``nlp.gazetteer``) owns the data; this module only builds the
look-ups the components share: one matcher over city and province forms, which
province each city and each province form belongs to. A Lexicon also keeps the
bytes of its gazetteer file, which the components save with a pipeline.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

from nlp.abbreviations import in_clear_context, is_abbreviation
from nlp.cache import prepared
from nlp.cues import cues_for
from nlp.finder import FormMatcher, Hit
from nlp.folding import form_key, match_key
from nlp.gazetteer import DEFAULT_PATH, parse, read_source, version_of
from nlp.long_lived import long_lived

# the languages whose rules alone make a form (the kinds' prefixes: cs_case, cs_rule, pl_adjective, lt_case ...)
_INFLECTING = {"cs": frozenset({"cs", "sk"}), "pl": frozenset({"pl"}), "lt": frozenset({"lt"})}
NAME_PART = "name"  # a known name whose city name inside is a mention of the city (ORG_PART)
NAME_NONE = "name:none"  # a known name whose city name inside is no mention ("Nanjing Road")
DISTRICT = "district"  # a district or county named in pinyin: context for the linker, never a mention
# Form kinds in use today in every language (pinyin, the English name, Chinese characters); "alt:LANG" adds a
# language's own exonym. Every other kind is an old spelling (postal, Wade-Giles, historic) where no exonym says more.
_CURRENT_KINDS = {"name", "pinyin", "pinyin_tone", "pinyin_variant", "english", "zh_hans", "zh_hant", "zh_hans_full",
                  "zh_hant_full", "alt:en"}


@lru_cache(maxsize=64)
def _speaks_of(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern`` found in ``text``, read once per text and pattern: a long article names a firm's first word many
    times, and each search reads the whole article."""
    return pattern.search(text) is not None


@dataclass(eq=False)  # one per process, compared and hashed as itself (caches keyed by it: nlp.linker)
class Lexicon:
    gazetteer: Any
    matcher: FormMatcher
    forms: dict[str, Any]  # folded form text -> Form
    province_forms: dict[str, str]  # folded province form -> province adcode
    city_province: dict[str, str]  # city adcode -> province adcode
    municipal: frozenset[str] = field(default_factory=frozenset)  # cities that are also provinces
    source: bytes = b""  # the gazetteer file it was built from
    inner: FormMatcher = field(default_factory=lambda: FormMatcher(()))  # city and province forms, no names

    @cached_property
    def province_points(self) -> dict[str, list[tuple[float, float]]]:
        """Coordinates of each province's prefecture-level cities (the linker's "near the province" test);
        built once per lexicon, which is shared per gazetteer file."""
        points: dict[str, list[tuple[float, float]]] = {}
        for city in self.gazetteer.cities.values():
            if city.kind != "county" and city.lat is not None and city.lon is not None:
                points.setdefault(city.province_adcode, []).append((city.lat, city.lon))
        return points

    def trade_in(self, text: str, surface: str) -> str | None:
        """"part" or "none" (names.tsv) where ``surface`` is the first word of a brand or company whose trade
        ``text`` speaks of, else None. Asked for every city hit: a dictionary look-up for all but the few firms'
        first words, whose trade words are one pattern each, built once."""
        return next((city for city, pattern in self._trade_patterns.get(surface.casefold(), ())
                     if _speaks_of(pattern, text)), None)

    @cached_property
    def _trade_patterns(self) -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
        """First word of a firm -> ("part" | "none", its trade words as one case-insensitive whole-word pattern) for
        each firm of that first word (Harbin Hot Springs' and Harbin Brewery's): the first whose trade the text speaks
        of decides."""
        return {first: tuple((city, re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE))
                             for city, words in firms if words)
                for first, firms in getattr(self.gazetteer, "trades", {}).items()}

    @cached_property
    def _county_median(self) -> int:
        known = sorted(c.population for c in self.gazetteer.cities.values() if c.kind == "county" and c.population)
        return known[len(known) // 2] if known else 1

    def population(self, adcode: str) -> int:
        """The city's size for the linker's salience prior: the gazetteer's ``size`` (the GeoNames figure, for a
        prefecture-level city at least a floor, as its point is sometimes only the seat town: scripts/
        build_gazetteer.py, ``unit_sizes``). A county-level city the sources give no figure for counts as the
        median county-level city: as 1 it would lose every homonym pair whatever the text says ("Jinzhou" in a
        story from Hebei). Autonomous prefectures, leagues and regions have no figure and stay at 1, so such a
        prefecture loses to its own seat of the same name (Dali), as it always has."""
        city = self.gazetteer.cities[adcode]
        return city.size or city.population or (self._county_median if city.kind == "county" else 1)

    @cached_property
    def named_like_province(self) -> frozenset[str]:
        """Adcodes of the prefecture cities named like their province (Jilin in Jilin)."""
        return frozenset(code for code, c in self.gazetteer.cities.items() if c.kind == "prefecture"
                         and c.name == c.province)

    @cached_property
    def province_named(self) -> frozenset[str]:
        """Forms of a city that, with the word for province, name a province too ("Canton": Canton Province is
        Guangdong's old name); such a form is the province where a word for province marks it."""
        return frozenset(match_key(key.removesuffix(" province")) for key in self.province_forms
                         if key.endswith(" province"))  # compared without accents: "provincia de Cantón"

    @cached_property
    def han_names_alone(self) -> frozenset[str]:
        """Short simplified Chinese names of prefecture-level cities, municipalities and SARs that are the place
        wherever jieba reads them as a whole word, even without a name's tag (it tags 大连 an adverb, 合肥 a noun,
        桂林 a person's name): all but the zh ``everyday_words`` and ``common_words`` cues (来宾 "guests", 大同
        "great harmony"). County-level names are left to jieba's tags: more of them are words (合作, 兴城)."""
        cues = cues_for("zh")
        names = {c.name_zh.removesuffix("市") for c in self.gazetteer.cities.values()
                 if c.kind in {"prefecture", "municipality", "sar"} and c.name_zh}
        return frozenset(n for n in names if len(n) > 1) - cues["everyday_words"] - cues["common_words"]

    @cached_property
    def firm_words(self) -> frozenset[str]:
        """First words of the brands and companies of nlp/data/names.tsv whose city counts ("Tsingtao" of "Tsingtao
        Brewery"), folded: such a word alone may be the firm ("Tsingtao posted a 9 percent rise")."""
        return frozenset(form_key(name.split()[0]) for name, kind, city in self.gazetteer.names
                         if kind in {"brand", "company"} and city == "part")

    def firm_word(self, text: str, article: str = "") -> bool:
        """``text`` is the first word of a firm's name (:attr:`firm_words`) and either no current English name of its
        city or in an ``article`` that speaks of the firm's trade (names.tsv): "Tsingtao" alone is the brewer as
        often as Qingdao, but "Harbin" and "Shenyang" alone are the cities far more often than Harbin Beer or Shenyang
        Aircraft ("Harbin received three million visitors", "Today Shenyang is an industrial centre", which the small
        model guesses to be persons), unless the article speaks of brewers or fighter jets."""
        return form_key(text) in self.firm_words and (
            self.historic(text, "en") or bool(article) and self.trade_in(article, text) == "part")

    def historic(self, text: str, lang: str) -> bool:
        """``text`` is a form only historic in ``lang`` (:func:`is_current`): "Peking", "Changan", "Tsingtao"."""
        form = self.form(text)
        return form is not None and not is_current(form, lang)

    def old_spelling(self, text: str, lang: str) -> bool:
        """``text`` is a form only historic in ``lang`` and not the first word of a firm's name."""
        return self.historic(text, lang) and not self.firm_word(text)

    def foreign_inflection(self, hit: Hit, lang: str) -> bool:
        """The hit is a form only the Czech, Polish or Lithuanian rules make (a case form, a transcription or an
        adjective: Yimou, the Czech instrumental of Yima, is Zhang Yimou in any other language's text) and the
        text is not in that language."""
        form = self.form(hit.form) if hit.kind == "city" else None
        if form is None:
            return False
        langs = [_INFLECTING.get(kind.split("_", 1)[0]) if "_" in kind else None for kind in form.kinds]
        return all(langs) and not any(lang in own for own in langs if own)

    def form(self, text: str) -> Any:
        return self.forms.get(form_key(text))

    def province_of(self, text: str) -> str | None:
        return self.province_forms.get(form_key(text))

    def compound_head(self, form: str) -> bool:
        """A city name that German, Dutch and the Scandinavian languages inflect (it has a genitive in -s in the
        gazetteer: Pekings, Shanghais, Hongkongs), the large cities their press writes compounds with."""
        genitive = self.forms.get(form_key(form + "s"))
        return genitive is not None and "germanic" in genitive.kinds

    def find(self, text: str, compounds: bool = False) -> list[Hit]:
        """Matcher hits; "Beijing Municipality" (a province form of a city) yields the city name in it.
        With ``compounds``, a large city's name may begin a compound (``compound_head``: Shanghaibörsen).

        A known name that carries a city name (nlp/data/names.tsv) is matched whole, so it wins over the
        city name inside: for a name whose city counts ("Treaty of Tianjin") the hit becomes the city
        name inside it; for one that is not the city ("Nanjing Road", "Longjing tea") it stays a
        ``name`` hit, which is no mention. So does the first word of a firm named for no city standing alone in
        an article that uses a word of its trade (``trades``: "Yili" beside "dairy" is the dairy firm 伊利, not
        the prefecture Ili, 伊犁); a story of Ili's dairy farms that writes the prefecture "Yili" loses those
        mentions, the price of counting the firm nowhere.
        """
        hits = self.matcher.find(text, self.compound_head if compounds else None)
        out: list[Hit] = []
        for hit in hits:
            if hit.kind == "province" and self.province_of(hit.form) in self.municipal:
                inner = self.matcher.find(text[hit.start:hit.end - 1])  # any city form inside, not the whole
                city = next((h for h in inner if h.kind == "city" and h.start == 0), None)
                if city is not None:
                    hit = Hit(hit.start, hit.start + city.end, city.form, "city")
            elif hit.kind == NAME_PART:
                # the first city name inside is the mention; later ones are the name's own words
                # ("Chengdu Rongcheng": 蓉城 is Chengdu's nickname, not Rongcheng, Shandong)
                city = next((h for h in self.inner.find(text[hit.start:hit.end]) if h.kind == "city"), None)
                if city is not None:
                    out.append(Hit(hit.start + city.start, hit.start + city.end, city.form, city.kind))
                continue
            elif hit.kind == "city" and self.trade_in(text, text[hit.start:hit.end]) == "none":
                hit = Hit(hit.start, hit.end, hit.form, NAME_NONE)
            out.append(hit)
        # a one-character abbreviation (京) outside any clear context (东京) is no candidate in any language,
        # so a text with only such characters still skips the pipeline; the finder applies its language's rule
        return [h for h in out if not is_abbreviation(h) or in_clear_context(text, h, None)]


def _provinces(gazetteer: Any) -> list[Any]:
    provinces = gazetteer.provinces
    return list(provinces.values()) if isinstance(provinces, dict) else list(provinces)


def build_lexicon(gazetteer: Any, source: bytes = b"") -> Lexicon:
    forms = {sys.intern(form_key(f.text)): f for f in gazetteer.forms}  # one string with the gazetteer's equal keys
    province_forms: dict[str, str] = {}
    for province in _provinces(gazetteer):
        for text in {province.name, province.name_zh, *province.forms}:
            if text:
                province_forms[form_key(text)] = province.adcode
    city_province = {code: city.province_adcode for code, city in gazetteer.cities.items()}
    municipal = frozenset(code for code, city in gazetteer.cities.items() if city.kind in {"municipality", "sar"})
    entries = [(f.text, "city") for f in gazetteer.forms]
    entries += [(text, "province") for text in province_forms if text not in forms]
    names = [(name, NAME_PART if city == "part" else NAME_NONE) for name, _kind, city in getattr(gazetteer, "names", ())]
    districts = [(name, DISTRICT) for name in getattr(gazetteer, "districts", {}) if form_key(name) not in province_forms]
    return Lexicon(gazetteer, FormMatcher(entries + names + districts), forms, province_forms, city_province, municipal,
                   source, FormMatcher(entries))


_BY_VERSION: dict[str, Lexicon] = {}  # gazetteer version (a hash of its file) -> Lexicon


def read_lexicon(path: Path = DEFAULT_PATH) -> Lexicon:
    """The Lexicon of the gazetteer file at ``path``, built once per file content and shared by all pipelines."""
    return _default_lexicon() if Path(path) == DEFAULT_PATH else _read_lexicon(Path(path))


@cache
def _default_lexicon() -> Lexicon:
    return _read_lexicon(DEFAULT_PATH)


def _read_lexicon(path: Path) -> Lexicon:
    """Built from the file; the shipped gazetteer's is unpickled from ``var/cache`` (:mod:`nlp.cache`) after the
    first time, in a quarter of the time (another file, such as a test's, is built each time). Either way
    without cyclic garbage collection (``nlp.long_lived``): it is kept for the life of the process."""
    raw = read_source(path)
    version = version_of(raw)
    if version not in _BY_VERSION:

        def build() -> Lexicon:
            return build_lexicon(parse(raw, path))

        with long_lived():
            lexicon = prepared("lexicon", version, _BUILT_BY, build) if path == DEFAULT_PATH else build()
        lexicon.source = raw
        _BY_VERSION[version] = lexicon
    return _BY_VERSION[version]


#: The modules whose code builds a Lexicon or defines the classes it holds (the cache's key).
_BUILT_BY = tuple(sys.modules[name] for name in (__name__, "nlp.gazetteer", "nlp.finder", "nlp.folding", "nlp.language",
                                                 "ahocorasick"))


def is_current(form: Any, lang: str) -> bool:
    """A form in use today in ``lang`` (pinyin, the English name, the language's own exonym), not only a historic,
    postal or Wade-Giles spelling: "Canton" is current in French, historic in English; a language's own script form
    is current in it (ラサ, kind "ja", in Japanese; read as historic there, a river's 川 after one name made every
    ラサ of the article no place)."""
    return bool((_CURRENT_KINDS | {f"alt:{lang}", lang}) & set(form.kinds))
