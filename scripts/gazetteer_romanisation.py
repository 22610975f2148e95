"""Spelling rules for historic romanisations, for scripts/build_gazetteer.py.

Postal and 19th-century spellings were written as one word (Kiukiang, Tientsin, Hankow) or with the
syllables hyphenated (Kiu-kiang, Tien-tsin, Han-kow); ``romanisations.tsv`` gives one spelling and
these rules give the other. The split is made before the last syllable when it is one of the final
syllables of postal/Wade-Giles spelling below and at least two letters stay in front; forms that already
have a hyphen, space or apostrophe are left as they are.
"""

from __future__ import annotations

# Syllables that end postal and 19th-century city names (kiang = jiang, chow = zhou, tsin = jin, ...).
FINAL_SYLLABLES = ("kiang", "chow", "chou", "tsin", "king", "kow", "ning", "yang", "sha", "chuan", "chwan",
                   "tao", "hai", "hae", "men", "chang", "ping", "tung", "tow", "hing", "ting", "lin", "kwan",
                   "kong", "chun", "hoi", "sih", "po", "fu", "an", "teh", "tan", "kai", "kwei", "hsien", "shan")
HYPHENATED_SYSTEMS = frozenset({"postal", "historic"})


def hyphenated(form: str, system: str) -> str | None:
    """"Kiukiang" -> "Kiu-kiang" for postal and historic one-word forms; None when no rule applies."""
    if system not in HYPHENATED_SYSTEMS or not form.isalpha() or not form.isascii():
        return None
    lowered = form.lower()
    for tail in sorted(FINAL_SYLLABLES, key=len, reverse=True):
        if lowered.endswith(tail) and len(form) - len(tail) >= 2:
            return f"{form[:-len(tail)]}-{form[-len(tail):]}"
    return None
