"""Where a sentence ends in raw text, without a parser: the tagger's and the review page's one rule.

A full stop, question or exclamation mark (Latin or CJK), with any closing quotes or
brackets after it, followed by white space; or a line break.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"[.!?。！？]['\"”’)]*\s+|\n")
