"""Bad configuration files (registry, scoring) end in one line naming the file, and a non-zero exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from citywatch.config.scoring import ConfigError, load_config
from citywatch.config.sources import SourcesError, load_sources

BINARY = bytes(range(256)) * 4
NESTED = ("sources: " + "[" * 5000 + "]" * 5000 + "\n").encode()


@pytest.mark.parametrize("content, reason", [(BINARY, "not UTF-8"), (NESTED, "nested too deeply"),
                                             (b"sources: [one\n  - : {\n", "line 2")])
def test_bad_registry_and_scoring_files_are_one_line_errors(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    for load, error in ((load_sources, SourcesError), (load_config, ConfigError)):
        with pytest.raises(error) as caught:
            load(path)
        message = str(caught.value)
        assert str(path) in message and reason in message and "\n" not in message


@pytest.mark.parametrize("content", [BINARY, NESTED])
def test_sources_command_on_a_bad_registry_exits_non_zero_with_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "sources.yaml"
    path.write_bytes(content)
    result = CliRunner().invoke(citywatch, ["sources", "list", "--sources", str(path)])
    assert result.exit_code == 1 and result.exception is not None and isinstance(result.exception, SystemExit)
    assert result.output.count("\n") == 1 and str(path) in result.output
