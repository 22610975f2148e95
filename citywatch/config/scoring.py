"""The scoring parameters (citywatch/config/scoring.yaml) and the hash that pins a snapshot to them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from citywatch.config import CONFIG_DIR, read_yaml

DEFAULT_PATH = CONFIG_DIR / "scoring.yaml"
SATURATIONS = ("log", "cap", "none")
BASES = ("shares", "counts")
POOLINGS = ("precision", "shrinkage", "mean")
RANK_BANDS = ("grid", "separated", "overlap", "none")
PLACE_BASES = ("index", "lower")


class ConfigError(ValueError):
    """A scoring parameter is missing, unknown or out of range; the message names it."""


@dataclass(frozen=True)
class ScoringConfig:
    index_labels: tuple[str, ...] = ("LITERAL",)
    gov_label: str = "METONYMIC"
    org_label: str = "ORG_PART"
    ranked_kinds: tuple[str, ...] = ("municipality", "prefecture")
    county_to_parent: bool = True
    include_zero_cities: bool = True
    statuses: tuple[str, ...] = ("ok",)
    date_field_fallback: bool = True
    syndication_decay: float = 0.0
    prominence_weight: float = 2.0
    first_paragraph_max_chars: int = 600
    saturation: str = "log"
    saturation_cap: float = 3.0
    sources_file: str = "citywatch/config/sources.yaml"
    unknown_source_weight: float = 1.0
    outlet_pooling: str = "precision"
    outlet_pooling_k: float = 300.0
    thin_outlet_articles: int = 30
    index_basis: str = "shares"
    log_unit_shares: float = 0.001
    log_unit_counts: float = 1.0
    counts_gap_correction: bool = True
    min_coverage: float = 0.2
    bootstrap_resamples: int = 500
    bootstrap_seed: int = 20260901
    ci_level: float = 0.95
    place_basis: str = "index"
    place_level: float = 0.9
    rank_bands: str = "grid"
    point_rank_spread: int = 5
    rank_band_width: int = 10
    report_top: int = 20
    report_series_cities: int = 6
    report_series_periods: int = 12

    def __post_init__(self) -> None:
        checks = [
            ("saturation", self.saturation in SATURATIONS, f"one of {', '.join(SATURATIONS)}"),
            ("index_basis", self.index_basis in BASES, f"one of {', '.join(BASES)}"),
            ("outlet_pooling", self.outlet_pooling in POOLINGS, f"one of {', '.join(POOLINGS)}"),
            ("outlet_pooling_k", self.outlet_pooling_k >= 0, ">= 0"),
            ("thin_outlet_articles", self.thin_outlet_articles >= 0, ">= 0"),
            ("syndication_decay", 0.0 <= self.syndication_decay <= 1.0, "between 0 and 1"),
            ("prominence_weight", self.prominence_weight >= 1.0, ">= 1"),
            ("saturation_cap", self.saturation_cap >= 1.0, ">= 1"),
            ("log_unit_shares", self.log_unit_shares > 0, "> 0"),
            ("log_unit_counts", self.log_unit_counts > 0, "> 0"),
            ("min_coverage", 0.0 < self.min_coverage <= 1.0, "in (0, 1]"),
            ("bootstrap_resamples", self.bootstrap_resamples >= 0, ">= 0"),
            ("ci_level", 0.0 < self.ci_level < 1.0, "in (0, 1)"),
            ("place_basis", self.place_basis in PLACE_BASES, f"one of {', '.join(PLACE_BASES)}"),
            ("place_level", 0.0 < self.place_level < 1.0, "in (0, 1)"),
            ("rank_bands", self.rank_bands in RANK_BANDS, f"one of {', '.join(RANK_BANDS)}"),
            ("point_rank_spread", self.point_rank_spread >= 0, ">= 0"),
            ("rank_band_width", self.rank_band_width >= 1, ">= 1"),
            ("index_labels", bool(self.index_labels), "a non-empty list"),
        ]
        for name, ok, expected in checks:
            if not ok:
                raise ConfigError(f"scoring config: {name} must be {expected}, got {getattr(self, name)!r}")

    def method(self) -> dict[str, Any]:
        """The parameters that change numbers, as plain JSON values.

        Report layout and the thin-outlet warning threshold are left out, and so is the registry's path: the outlet
        weights actually used are listed in every snapshot's metadata instead.
        """
        out = asdict(self)
        for name in ("report_top", "report_series_cities", "report_series_periods", "sources_file", "thin_outlet_articles"):
            out.pop(name)
        return {k: list(v) if isinstance(v, tuple) else v for k, v in out.items()}

    @property
    def log_unit(self) -> float:
        """The index's log unit u for the configured basis."""
        return self.log_unit_shares if self.index_basis == "shares" else self.log_unit_counts

    @property
    def hash(self) -> str:
        canonical = json.dumps(self.method(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def with_(self, **changes: Any) -> ScoringConfig:
        return replace(self, **changes)


def load_config(path: Path | str | None = None, **overrides: Any) -> ScoringConfig:
    """Read the YAML (default citywatch/config/scoring.yaml); unknown keys are an error, not ignored."""
    path = Path(path) if path else DEFAULT_PATH
    raw = read_yaml(path, "scoring config", ConfigError) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"scoring config {path} must be a mapping of parameter: value")
    raw.update(overrides)
    known = {f.name: f for f in fields(ScoringConfig)}
    unknown = sorted(set(raw) - set(known))
    if unknown:
        raise ConfigError(f"scoring config {path}: unknown parameter(s) {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, value in raw.items():
        default = known[name].default
        try:
            if isinstance(default, tuple):
                values[name] = tuple(str(v) for v in (value if isinstance(value, list) else [value]))
            elif isinstance(default, bool):
                if not isinstance(value, bool):
                    raise TypeError
                values[name] = value
            elif isinstance(default, int):
                values[name] = int(value)
            elif isinstance(default, float):
                values[name] = float(value)
            else:
                values[name] = str(value)
        except (TypeError, ValueError):
            raise ConfigError(f"scoring config {path}: {name} has the wrong type ({value!r})") from None
    return ScoringConfig(**values)
