"""Where a sentence ends in raw text, without a parser: the tagger's and the review page's one rule.

A full stop, question or exclamation mark with any closing quotes or brackets after it,
followed by white space (Latin) or not (Chinese and Japanese put no space after 。！？);
or a line break.
"""

from __future__ import annotations

from nlp import regexes

SENTENCE_END = regexes.compile(r"[.!?]['\"”’)]*\s+|[。！？]['\"”’)」』]*\s*|\n")
