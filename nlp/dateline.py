"""Where an article says it was reported from: its dateline, its byline place and its reporting credit.

A dateline ("URUMQI, China (Reuters) -", "BEIJING —", "Fuzhou, Jiangxi, June 3 (Xinhua) --",
"Hefei (dpa) -", "Nanchang (China), 3 jun (EFE).-", "BEIJING Oct 23", "ПЕКИН, 3 июня. /ТАСС/.", "新华社南昌6月3日电",
"【北京共同】", "(베이징=연합뉴스)", "Peking/Shanghai (dpa) -", "(ANSA) - HEFEI, 12 LUG -") and a byline
place ("By Wang Lei in Hangzhou", "De notre correspondant à Pékin", "(Reporting by Li Qiao in Nanning; Editing
by ...)", "Associated Press writer X in Guangzhou contributed to this report.") say where the reporter was;
the lines above a dateline are the headline, which says what the story is about. The linker
reads the places named inside these zones as evidence for every other mention of the article
(``nlp.linker``); this module only finds the zones, by the shape of the line, in any language, so the
place inside can be any name the gazetteer or the foreign cues know.

Datelines are looked for at the start of a line within the first ``DATELINE_REACH`` characters (a page
may put a headline, a byline and a date line first); byline places anywhere at the start of a line
(a reporting credit closes the story).
"""

from __future__ import annotations

import re

from nlp import regexes

DATELINE_REACH = 1_000

_PLACE = r"[^\W\d_][^\n,()\[\]/|]{0,40}?"  # a place name: starts with a letter, no brackets or commas
_PLACES = rf"{_PLACE}(?:/{_PLACE}){{0,3}}"  # "Peking/Shanghai": the bureaus of a dpa report
_QUALIFIER = r"(?:,[ \t]*[^\n,()\[\]/|]{1,40}?)"  # ", Jiangxi", ", China", ", June 3", ", 3 jun"
_BRACKETED = r"(?:[ \t]*[(（][^\n()（）]{1,30}[)）])"  # "(China)", "(Chine)": a country in brackets before the date
_AGENCY = r"(?:[(（][^\n()（）]{1,40}[)）]|/[^\n/]{1,30}/|\[[^\n\]]{1,30}\])"  # (Reuters), /ТАСС/, [AP]
_DASH = r"(?:--|[-—–:]|\.-|\.(?=[ \t]))"

# PLACE[, QUALIFIER...] (AGENCY) - / PLACE[, QUALIFIER...] — ; in the second form the place is written in
# capitals or a qualifier holds a date, so that an ordinary sentence opening with a name and a dash is not
# read as one.
_LATIN = regexes.compile(
    rf"^[ \t*_]*(?P<zone>{_PLACES}{_BRACKETED}??{_QUALIFIER}{{0,4}}?)[ \t]*"
    rf"(?:(?P<agency>{_AGENCY})\.?[ \t]*{_DASH}|[ \t]*(?P<dash>--|[—–]|-(?=[ \t])))",
    re.MULTILINE)
# The agency first, as ANSA and AGI write it: "(ANSA) - HEFEI, 12 LUG -", "(AGI) - Nanchino, 4 mag. -".
_AGENCY_FIRST = regexes.compile(
    rf"^[ \t*_]*(?P<agency>[(（][^\n()（）]{{1,20}}[)）])[ \t]*[-—–][ \t]*(?P<zone>{_PLACES}{_QUALIFIER}{{0,3}}?)"
    rf"[ \t]*(?:--|[—–]|-(?=[ \t]))", re.MULTILINE)
_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_CHINESE = regexes.compile(rf"^[ \t]*(?P<zone>[^\n。，,]{{1,24}}?){_NUMBER}月{_NUMBER}日[电電]", re.MULTILINE)  # 新华社南昌6月3日电
_JAPANESE = regexes.compile(r"^[ \t]*【(?P<zone>[^】\n]{1,20})】", re.MULTILINE)  # 【北京共同】, 【北京＝時事】
_KOREAN = regexes.compile(r"^[ \t]*[(（](?P<zone>[^)）=\n]{1,20})[=＝][^)）\n]{1,20}[)）]", re.MULTILINE)  # (베이징=연합뉴스)
# A place in capitals before an English date, without a dash or an agency: "BEIJING Oct 23 Chinese excavator maker ..."
_CAPITALS_DATE = regexes.compile(r"^[ \t*_]*(?P<zone>[A-Z][A-Z'’. -]{2,30}?)[ \t]+"
                            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b", re.MULTILINE)
_DATELINES = (_LATIN, _AGENCY_FIRST, _CHINESE, _JAPANESE, _KOREAN, _CAPITALS_DATE)

# A byline or reporting credit: the word that introduces the writer, their name, then "in"/"à"/"aus" and the
# place (up to the end of the clause). It opens a line, a bracket ("(Reporting by ...; Editing by ...)") or
# follows a semicolon ("...; Additional reporting by Li Qiao in Nanchang; ...").
_BY = (r"By|Reporting by|Additional reporting by|Reported by|From|Par|De|Por|Desde|Von|Di|Da|Dal|Dalla|Door|Av|Från"
       r"|Em|Fra")
_NAME = r"(?:(?:[A-Z][\w.'’-]*|and|et|y|und|e|en|och|&)[ \t]+){1,6}"  # "Wang Lei", "Li Qiao and Tom Hogue"
_STAFF_WORD = r"(?i:corr[ei]spon|korrespon|reporter|envoy|envoyé|enviad|inviat|staff|redac)"
_STAFF = rf"[^\n;]{{0,30}}?{_STAFF_WORD}\w*[ \t]+"
_IN = r"in|from|à|a|en|em|aus|i|uit|da"
_OPENS = r"(?:^[ \t*_(]*|(?<=;)[ \t]*)"
_BYLINES = (
    regexes.compile(rf"{_OPENS}(?:{_BY})[ \t]+(?:{_NAME}|{_STAFF})(?:{_IN})[ \t]+(?P<zone>[^\W\d_][^\n;.:|]{{0,60}})",
               re.MULTILINE),
    # "By Sarah Chen, Nanchang", "By Laura Bicker, BBC News, Nanning": the place is the last part of the line
    regexes.compile(r"^[ \t*_]*(?:By|Par|Por|Von|Di|Door|Av)[ \t]+(?:[A-Z][\w.'’-]*[ \t]?){1,4},[ \t]*"
               r"(?:[^\n,;]{1,30},[ \t]*){0,2}(?P<zone>[A-Z][^\W\d_]*(?:[ \t][^\n,;.:|]{0,30})?)[ \t]*$", re.MULTILINE),
    # "Par Simon Leplâtre (Hefei, envoyé spécial)": the place in brackets before the reporter's role
    regexes.compile(rf"^[ \t*_]*(?:{_BY})[ \t]+{_NAME}[(（](?P<zone>[^\W\d_][^\n,()（）]{{0,40}}),[^\n()（）]{{0,20}}?{_STAFF_WORD}",
               re.MULTILINE),
    # "Desde Nanchang, por nuestra corresponsal", "Aus Hangzhou, von unserem Korrespondenten": the place first
    regexes.compile(rf"^[ \t*_]*(?:Desde|Depuis|Aus|From|Da)[ \t]+(?P<zone>[^\W\d_][^\n,;.:|]{{0,40}}?),[^\n]{{0,30}}?{_STAFF_WORD}",
               re.MULTILINE),
)
# "Wong reported from Beijing.", "Keith Bradsher reported from Fuzhou, Jiangxi, and Li You from Beijing.",
# "... contributed reporting from Hong Kong." (a closing credit)
_CREDIT = regexes.compile(r"(?:^|(?<=[.!?”\"] ))[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}[ \t]+"
                     r"(?:reported|contributed reporting|contributed to this report) from[ \t]+"
                     r"(?P<zone>[^\W\d_][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}(?:,[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)?)"
                     r"(?=[ \t]*(?:[.;\n]|,[ \t]+and[ \t]|$))", re.MULTILINE)
# "Associated Press writer Dake Kang in Guangzhou contributed to this report." (the place before the verb)
_CONTRIBUTED = regexes.compile(r"^[^\n]{0,80}?[ \t]in[ \t]+(?P<zone>[A-Z][\w'’-]*(?:,?[ \t]+[A-Z][\w'’-]*){0,3})[ \t,]*"
                          r"contributed\b", re.MULTILINE)
# A line that is only a name and a place, at the top of the article: "Amy Hawkins in Harbin"
_NAME_IN_PLACE = regexes.compile(r"^[ \t*_]*[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,2}[ \t]+in[ \t]+"
                            r"(?P<zone>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[ \t]*$", re.MULTILINE)


def _is_dateline(match: re.Match[str]) -> bool:
    """The place reads as a name (at most five words, none in lower case but short particles: "Rio de
    Janeiro"), and an agency follows, or the place is in capitals, or a qualifier holds a date."""
    zone = match.group("zone")
    place = re.split(r"[,(（]", zone, maxsplit=1)[0]
    words = place.split()
    if not words or len(words) > 5 or any(w[:1].islower() and len(w) > 3 for w in words):
        return False
    return bool(match.group("agency")) or (place.isupper() and len(place.strip()) > 1) or any(
        ch.isdigit() for ch in zone)


HEADLINE_REACH = 300  # the lines above a dateline that can be the story's headline


def dateline(text: str) -> re.Match[str] | None:
    """The first dateline near the top of ``text``."""
    head = text[:DATELINE_REACH]
    for pattern in _DATELINES:
        match = next((m for m in pattern.finditer(head) if "agency" not in pattern.groupindex or _is_dateline(m)), None)
        if match is not None:
            return match
    return None


def headline(text: str) -> tuple[int, int] | None:
    """(start, end) of the lines above the dateline ("Anhui coal town hit by floods\nSHANGHAI (Reuters) -"):
    the page's headline, which says what the story is about, as the dateline says where it was written."""
    match = dateline(text)
    if match is None:
        return None
    end = text.rfind("\n", 0, match.start("zone"))
    return (0, end) if 0 < end <= HEADLINE_REACH else None


def zones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline and byline place of ``text``: the first dateline near the top, every
    byline place and reporting credit."""
    match = dateline(text)
    out = [match.span("zone")] if match is not None else []
    for pattern in (*_BYLINES, _CREDIT, _CONTRIBUTED):
        out += [match.span("zone") for match in pattern.finditer(text)]
    out += [match.span("zone") for match in _NAME_IN_PLACE.finditer(text[:DATELINE_REACH])]
    return sorted(set(out))
