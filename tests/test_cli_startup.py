"""Start-up cost of the command line: a command loads only what it uses.

A check of what is imported, not a timing: help pages are rendered in a fresh
interpreter and must leave pymongo, the embedded engine (together about 0.7 s of
start-up), spaCy and Scrapy unloaded.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pymongo", "mongoeco", "spacy", "scrapy")

PROBE = """
import sys
from click.testing import CliRunner
from citywatch.cli.main import citywatch
result = CliRunner().invoke(citywatch, {args!r})
assert result.exit_code == 0, result.output
print(" ".join(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


@pytest.mark.parametrize("args", [["--help"], ["db", "--help"], ["score", "--help"], ["tag", "--help"]])
def test_commands_that_do_not_open_the_store_do_not_load_it(args: list[str]) -> None:
    probe = PROBE.format(args=args, heavy=HEAVY)
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == [], f"citywatch {' '.join(args)} loaded {loaded}"
