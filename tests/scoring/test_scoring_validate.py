"""``citywatch validate`` and the harness's reduced mode refuse bad settings with one line naming them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from scoring.validation.harness import reduced


@pytest.mark.parametrize("args, named", [
    (["--pooling", "median"], "--pooling"),
    (["--worlds", "0"], "--worlds"),
    (["--resamples", "-1"], "--resamples"),
])
def test_validate_rejects_bad_options(args, named) -> None:
    result = CliRunner().invoke(citywatch, ["validate", *args])
    assert result.exit_code == 2 and named in result.output


def test_reduced_mode_reads_and_checks_the_environment(monkeypatch) -> None:
    monkeypatch.delenv("CITYWATCH_VALIDATION_RESAMPLES", raising=False)
    monkeypatch.delenv("CITYWATCH_VALIDATION_POOLINGS", raising=False)
    assert reduced() == (None, ("precision", "shrinkage", "mean"))
    monkeypatch.setenv("CITYWATCH_VALIDATION_RESAMPLES", "100")
    monkeypatch.setenv("CITYWATCH_VALIDATION_POOLINGS", "precision,mean")
    assert reduced() == (100, ("precision", "mean"))
    monkeypatch.setenv("CITYWATCH_VALIDATION_POOLINGS", "median")
    with pytest.raises(ValueError, match="CITYWATCH_VALIDATION_POOLINGS: unknown pooling.*median"):
        reduced()
    monkeypatch.setenv("CITYWATCH_VALIDATION_POOLINGS", "precision")
    monkeypatch.setenv("CITYWATCH_VALIDATION_RESAMPLES", "many")
    with pytest.raises(ValueError, match="CITYWATCH_VALIDATION_RESAMPLES must be a whole number"):
        reduced()


def test_validate_reports_a_bad_environment_setting_in_one_line(monkeypatch) -> None:
    monkeypatch.setenv("CITYWATCH_VALIDATION_RESAMPLES", "many")
    result = CliRunner().invoke(citywatch, ["validate", "--worlds", "1"])
    assert result.exit_code == 1 and "CITYWATCH_VALIDATION_RESAMPLES" in result.output
    assert "Traceback" not in result.output
