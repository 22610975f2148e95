"""Fixtures for the scoring tests: two outlets of different weight and a config without bootstrap."""

from __future__ import annotations

import pytest

from citywatch.config.scoring import load_config
from scoring.catalogue import outlets_from


@pytest.fixture
def outlets() -> dict:
    return outlets_from({"a": {"weight": 1.0, "country": "GB", "language": "en"},
                         "b": {"weight": 0.5, "country": "US", "language": "en"}})


@pytest.fixture
def config():
    return load_config(bootstrap_resamples=0)
