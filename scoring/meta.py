"""What scoring needs to know about outlets and cities, read from their owners' files.

Outlets come from the source registry (citywatch/config/sources.yaml), read here with a few
lines of YAML rather than through the crawler's validating loader, so scoring
works on a store whose registry has since changed or is partly invalid. A
source_id the registry does not know gets ``unknown_source_weight`` and country
and language ``"unknown"``: its articles still count, visibly labelled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citywatch.config import PROJECT_ROOT, read_yaml
from citywatch.config.scoring import ConfigError

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    weight: float
    country: str
    language: str


@dataclass(frozen=True)
class CityInfo:
    adcode: str
    name: str
    province: str
    kind: str  # municipality | prefecture | sar | county | ... | unknown
    parent: str | None


def load_outlets(path: Path | str | None) -> dict[str, Outlet]:
    """``{source_id: Outlet}`` from a registry file; a missing file is an error naming it."""
    if path is None:
        return {}
    path = Path(path)
    if not path.is_absolute():
        path = PROJECT_ROOT / path
    raw = read_yaml(path, "source registry", ConfigError) or {}
    entries = raw.get("sources") if isinstance(raw, Mapping) else None
    if not isinstance(entries, list):
        raise ConfigError(f"source registry {path} has no 'sources:' list")
    return outlets_from(entries)


def outlets_from(entries: list[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]]) -> dict[str, Outlet]:
    """Accept registry entries (``[{id, weight, country, language}]``) or ``{id: {...}}``."""
    items = entries.items() if isinstance(entries, Mapping) else ((e.get("id"), e) for e in entries if e)
    out: dict[str, Outlet] = {}
    for source_id, entry in items:
        if not source_id:
            continue
        try:
            weight = float(entry.get("weight", 1.0))
        except (TypeError, ValueError):
            raise ConfigError(f"source {source_id}: weight must be a number, got {entry.get('weight')!r}") from None
        out[str(source_id)] = Outlet(str(source_id), str(entry.get("name") or source_id), weight,
                                     str(entry.get("country") or UNKNOWN), str(entry.get("language") or UNKNOWN))
    return out


def outlet(outlets: Mapping[str, Outlet], source_id: str, default_weight: float) -> Outlet:
    return outlets.get(source_id) or Outlet(source_id, source_id, default_weight, UNKNOWN, UNKNOWN)


def load_cities() -> tuple[dict[str, CityInfo], str | None]:
    """``({adcode: CityInfo}, gazetteer version)`` from nlp.gazetteer; empty when it is not built."""
    try:
        from nlp import gazetteer
        gaz = gazetteer.load()
    except (ImportError, OSError, RuntimeError, ValueError):  # GazetteerError is a RuntimeError; score with the mentions
        return {}, None
    cities = {code: CityInfo(code, c.name, c.province, c.kind, c.parent) for code, c in gaz.cities.items()}
    return cities, gaz.version
