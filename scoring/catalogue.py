"""What scoring needs to know about outlets and cities, read from their owners' files.

Outlets come from the source registry (citywatch/config/sources.yaml), read by its
one loader in lenient mode (:func:`citywatch.config.sources.load_registry`), so
scoring works on a store whose registry has since changed or is partly invalid:
an entry that no longer validates still gives its name, weight and groupings. A
source_id the registry does not know gets ``unknown_source_weight`` and country,
language, type and reach ``"unknown"``: its articles still count, visibly labelled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citywatch.config import PROJECT_ROOT
from citywatch.config.scoring import ConfigError
from citywatch.config.sources import Source, SourcesError, load_registry, sources_from

UNKNOWN = "unknown"


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    weight: float
    country: str
    language: str
    type: str = UNKNOWN  # wire | broadsheet | broadcaster | business | regional | ... (the registry's groupings)
    reach: str = UNKNOWN  # international | national | regional


@dataclass(frozen=True)
class CityInfo:
    adcode: str
    name: str
    province: str
    kind: str  # municipality | prefecture | sar | county | ... | unknown
    parent: str | None


def load_outlets(path: Path | str | None) -> dict[str, Outlet]:
    """``{source_id: Outlet}`` from a registry file; a missing or unreadable file is an error naming it."""
    if path is None:
        return {}
    path = Path(path)
    if not path.is_absolute():
        path = PROJECT_ROOT / path
    try:
        registry = load_registry(path, lenient=True)
    except SourcesError as exc:
        raise ConfigError(f"source registry: {exc}") from None
    return _outlets(registry.sources)


def outlets_from(entries: list[Mapping[str, Any]] | Mapping[str, Mapping[str, Any]],
                 reach_weights: Mapping[str, float] | None = None) -> dict[str, Outlet]:
    """Accept registry entries (``[{id, weight, country, language, ...}]``) or ``{id: {...}}``, read leniently."""
    items = [{**e, "id": i} for i, e in entries.items()] if isinstance(entries, Mapping) else list(entries)
    try:
        sources = sources_from(items, lenient=True, context={"reach_weights": dict(reach_weights or {})})
    except SourcesError as exc:
        raise ConfigError(str(exc)) from None
    return _outlets(sources)


def _outlets(sources: list[Source]) -> dict[str, Outlet]:
    return {s.id: Outlet(s.id, s.name, s.weight, s.country, s.language, s.type or UNKNOWN, s.reach or UNKNOWN)
            for s in sources}


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
