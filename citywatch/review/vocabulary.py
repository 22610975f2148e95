"""The vocabulary shared by every part of review: counted labels, city lookups (the labels: nlp/labels.py)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any


class ReviewError(ValueError):
    """A decision or query that cannot be carried out; the message is meant for the user."""


@functools.cache
def _gazetteer() -> Any:
    from nlp.gazetteer import load

    return load()


@functools.cache
def counted_labels() -> frozenset[str]:
    """Effective labels that add to a city's index: scoring's ``index_labels``, so the queue ranks as scoring counts."""
    from citywatch.config.scoring import load_config

    return frozenset(load_config().index_labels)


def city_ref(adcode: str) -> dict[str, Any]:
    """The mention ``city`` object for an adcode, from the tagger's gazetteer."""
    city = _gazetteer().cities.get(adcode)
    if city is None:
        raise ReviewError(f"unknown city adcode {adcode!r}")
    return city.as_ref()


def city_name(adcode: str | None) -> str:
    if not adcode:
        return ""
    city = _gazetteer().cities.get(adcode)
    return f"{city.name} ({city.province})" if city else adcode


def adcode_of(city: Mapping[str, Any] | None) -> str | None:
    return city.get("adcode") if city else None
