"""``citywatch validate`` and the harness's reduced mode refuse bad settings with one line naming them."""

from __future__ import annotations

import numpy as np
import pytest
from click.testing import CliRunner

from citywatch.cli.main import citywatch
from scoring.validation.harness import Newcomer, reduced, variants
from scoring.validation.world import World


@pytest.mark.parametrize("args, named", [
    (["--pooling", "median"], "--pooling"),
    (["--worlds", "0"], "--worlds"),
    (["--resamples", "-1"], "--resamples"),
    (["--bands", "quantile"], "--bands"),
    (["--place", "upper"], "--place"),
    (["--first-world", "-1"], "--first-world"),
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


def test_variants_put_every_pooling_under_the_default_rule_and_each_other_rule_and_basis_under_the_first() -> None:
    assert variants(("precision", "mean"), ("grid", "overlap", "none")) == [
        ("precision", "grid", "index"), ("mean", "grid", "index"), ("precision", "overlap", "index"),
        ("precision", "none", "index"), ("precision", "grid", "lower"), ("precision", "none", "lower")]
    assert variants(("shrinkage",), ("none",), ("index",)) == [("shrinkage", "grid", "index"),
                                                              ("shrinkage", "none", "index")]


def test_the_newcomer_check_measures_the_published_place() -> None:
    world = World([{"adcode": f"c{i}", "city": f"C{i}", "province": "P"} for i in range(4)], [],
                  np.array([4.0, 3.0, 2.0, 1.0]), favoured=[1, 3])

    def row(i: int, rank: int | None, band: str | None, stories: int = 3) -> dict:
        first = None if band is None else int(band.split("-")[0])
        return {"adcode": f"c{i}", "rank": rank, "band_rank": first, "rank_band": band, "stories": stories,
                "rank_ci_low": rank and max(1, rank - 2), "rank_ci_high": rank and rank + 2}

    before = [row(0, 1, "1"), row(1, 2, "2-3"), row(2, 3, "2-3"), row(3, None, None, 0)]
    after = [row(0, 1, "1"), row(1, 3, "2-4"), row(2, 4, "2-4"), row(3, 2, "2-4", 1)]  # c3 enters, c1 and c2 keep 2
    check = Newcomer()
    complete = [row(0, 1, "1"), row(1, 2, "2"), row(2, 3, "3"), row(3, 4, "4", 1)]  # c3 a story more
    check.add(before, after, complete, world, np.array([1.0, 2.0, 3.0, 4.0]))
    moved = check.worlds[0]
    # c3: the first place after the last one published (band 2-3's first place, 2, so 3) -> 2
    assert (moved["moved"], moved["far"], moved["largest"], moved["top10"]) == (1, 0, 1.0, 0)
    assert moved["who"] == "n.r. -> 2-4 (0 stories)" and moved["point_ranks"] == 1
    assert moved["true_in_band"] == 3 and moved["ranked"] == 3
    assert moved["bias"] == (0 + (3 - 4)) / 2  # c1 keeps place 2; c3 stands at 3 (not ranked: after 2) instead of 4
    assert "crawl-volume bias -0.50" in check.lines()[0]
