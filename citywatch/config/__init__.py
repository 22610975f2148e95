"""The project's configuration files (registry, scoring, operations), its paths, the one way YAML is read,
and the environment settings read in more than one place.

Each reader of a YAML file wants the same thing from a broken one: one line
naming the file and what is wrong with it, raised as the reader's own error
class so its command prints it cleanly.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

CONFIG_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = CONFIG_DIR.parents[1]  # the checkout: scrapy.cfg, var/ (embedded store), out/ (exports)
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"  # evaluation corpora beside the checkout, never copied in
DEFAULT_SOURCES = CONFIG_DIR / "sources.yaml"  # the registry `citywatch crawl` reads by default
FLAG_THRESHOLD_ENV = "CITYWATCH_FLAG_THRESHOLD"


class SettingError(ValueError):
    """An environment variable holds a value the project cannot use; the message names the variable."""


def unique_key_loader(base: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> type:
    """A safe YAML loader on ``base`` that refuses a key given twice in one mapping: YAML keeps the last silently,
    so a second ``weight:`` in a source's entry, or a second cue list of one name, would hide the first."""

    class UniqueKeys(base):  # type: ignore[valid-type,misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    return UniqueKeys


_LOADER = unique_key_loader(yaml.SafeLoader)  # the pure-Python parser: its depth guard is the RecursionError below
_FAST_LOADER = unique_key_loader(yaml.CSafeLoader)  # libyaml, 10x faster: for the project's own large data files


def parse_yaml(text: str, where: str, error: type[Exception] = ValueError, fast: bool = False) -> Any:
    """Parse YAML ``text``; invalid or absurdly nested text raises ``error`` in one line naming ``where`` and, for a
    syntax error or a key given twice, the line and column. ``fast``: libyaml's parser, for the shipped data files.

    PyYAML's composer recurses once per nesting level, so a hostile file of a few thousand brackets exhausts the
    interpreter stack: that is a bad file, not a crash.
    """
    try:
        return yaml.load(text, Loader=_FAST_LOADER if fast else _LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise error(f"{where} is not valid YAML{at}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise error(f"{where} is not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise error(f"{where} is nested too deeply to be a configuration file") from None


def read_yaml(path: Path | str, what: str, error: type[Exception] = ValueError) -> Any:
    """Parse ``path`` (:func:`parse_yaml`); an unreadable or non-UTF-8 file raises ``error`` in one line too, naming
    ``what`` and the path."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise error(f"{what} {path} is not UTF-8 text (byte {exc.start})") from None
    return parse_yaml(text, f"{what} {path}", error)


def flag_threshold(environ: Mapping[str, str]) -> float | None:
    """The review threshold ``CITYWATCH_FLAG_THRESHOLD`` sets, or None (unset: the tagger's own default).

    Read by the commands that tag (``citywatch tag``, ``eval``, ``crawl``) and passed to the
    tagger as an option; the tagger itself reads no environment.
    """
    raw = environ.get(FLAG_THRESHOLD_ENV, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise SettingError(f"{FLAG_THRESHOLD_ENV}={raw!r} is not a number (a confidence such as 0.9)")
    return value
