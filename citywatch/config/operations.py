"""Operations settings: built-in defaults (``citywatch/config/operations-defaults.yaml``) overlaid by the user's file.

The user's file is, in order: the path given (``--config``), ``$CITYWATCH_OPS_CONFIG``,
``citywatch/config/operations.yaml`` when it exists. Only the keys it names change.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from citywatch.config import CONFIG_DIR, read_yaml

DEFAULTS = CONFIG_DIR / "operations-defaults.yaml"
USER_DEFAULT = CONFIG_DIR / "operations.yaml"  # the site's own settings, not in the repository


class OpsConfigError(ValueError):
    """The operations file cannot be used; the message is meant for the user."""


def _merge(base: dict, extra: dict, where: str) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if key not in base:
            raise OpsConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(base))})")
        nested = isinstance(base[key], dict) and isinstance(value, dict)
        out[key] = _merge(base[key], value, f"{where}.{key}") if nested else value
    return out


def _read(path: Path) -> dict:
    raw = read_yaml(path, "operations config", OpsConfigError) or {}
    if not isinstance(raw, dict):
        raise OpsConfigError(f"{path} must be a mapping of settings")
    return raw


def load_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    config = _read(DEFAULTS)
    env_path = os.environ.get("CITYWATCH_OPS_CONFIG")
    user = Path(path) if path else Path(env_path) if env_path else USER_DEFAULT if USER_DEFAULT.exists() else None
    if user is not None:
        config = _merge(config, _read(user), str(user))
    if overrides:
        config = _merge(config, overrides, "overrides")
    return config
