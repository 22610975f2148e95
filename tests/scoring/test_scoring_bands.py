"""Published ranks: point ranks where the rank intervals are narrow, shared bands below (scoring/bands.py)."""

from __future__ import annotations

import json

from citywatch.config.scoring import load_config
from citywatch.store import save_articles
from scoring.bands import assign_bands, band_summary
from scoring.export import write_export
from scoring.periods import parse_period
from scoring.ranking import compute
from scoring.report import ranking_table, render
from tests.scoring.corpus import article, mention


def rows_of(ranks: list[int | None], spreads: list[tuple[int, int]] | None = None) -> list[dict]:
    """Rows with the given point ranks and rank intervals (rank - a, rank + b); None = not ranked."""
    spreads = spreads or [(0, 0)] * len(ranks)
    return [{"adcode": f"c{i:03d}", "rank": r, "place": r,
             "rank_ci_low": None if r is None else max(1, r - a), "rank_ci_high": None if r is None else r + b}
            for i, (r, (a, b)) in enumerate(zip(ranks, spreads, strict=True))]


def bands(rows: list[dict]) -> list[str | None]:
    return [r["rank_band"] for r in rows]


def test_a_banded_tail_keeps_point_ranks_above_the_first_wide_interval() -> None:
    config = load_config(point_rank_spread=5, rank_band_width=10)
    # ranks 1..25: intervals 2 places wide down to rank 6, then 20 places wide
    rows = rows_of(list(range(1, 26)), [(1, 1)] * 5 + [(10, 10)] * 20)
    assign_bands(rows, config)
    assert bands(rows)[:5] == ["1", "2", "3", "4", "5"]
    assert set(bands(rows)[5:10]) == {"6-10"} and set(bands(rows)[10:20]) == {"11-20"}
    assert set(bands(rows)[20:]) == {"21-25"}  # the last band ends at the last ranked city
    assert [r["band_rank"] for r in rows][4:12] == [5, 6, 6, 6, 6, 6, 11, 11]
    assert [r["rank"] for r in rows] == list(range(1, 26))  # the point rank is kept
    for row in rows:  # every band holds its cities' point ranks
        first, _, last = row["rank_band"].partition("-")
        assert int(first) == row["band_rank"] <= row["rank"] <= int(last or first)
    summary = band_summary(rows, config)
    assert (summary["point_ranks"], summary["bands"], summary["cities_ranked"]) == (5, 3, 25)
    assert "band_rank" in summary["columns"] and summary["rule"] == "grid"


def test_a_city_moving_between_bands_moves_by_the_band_first_ranks_and_no_one_else_changes_band() -> None:
    config = load_config(point_rank_spread=5, rank_band_width=10)
    spreads = [(1, 1)] * 3 + [(10, 10)] * 27
    before = rows_of(list(range(1, 31)), spreads)
    assign_bands(before, config)
    # the city at rank 27 gets one more story and lands at rank 12; everyone from 12 to 26 moves down one place
    after_ranks = [r if r < 12 else (12 if r == 27 else (r + 1 if r < 27 else r)) for r in range(1, 31)]
    after = rows_of(after_ranks, spreads)
    assign_bands(after, config)
    moves = [abs(a["band_rank"] - b["band_rank"]) for a, b in zip(after, before, strict=True)]
    assert moves[26] == 10  # band 21-30 -> band 11-20
    assert moves.count(0) == 28 and moves[19] == 10  # rank 20 -> 21 crosses the grid line: the price of a band
    assert before[26]["rank_band"] == "21-30" and after[26]["rank_band"] == "11-20"


def test_tied_cities_share_a_band_which_ends_at_the_last_place_they_occupy() -> None:
    config = load_config(point_rank_spread=5, rank_band_width=10)
    ranks = [1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 10, 10, 13]
    rows = rows_of(ranks, [(1, 1)] * 4 + [(8, 8)] * 9)
    assign_bands(rows, config)
    assert bands(rows)[:4] == ["1", "2-3", "2-3", "4"]  # a tie among point ranks shares its places
    assert set(bands(rows)[4:12]) == {"5-12"}  # ranks 10, 10, 10 occupy places 10-12: the band takes them all
    assert bands(rows)[12] == "11-13"  # rank 13 lies on the next grid band, which starts at 11
    assert rows[10]["band_rank"] == rows[11]["band_rank"] == 5


def test_overlap_rule_joins_cities_whose_interval_reaches_the_band_head() -> None:
    config = load_config(rank_bands="overlap")
    rows = rows_of([1, 2, 3, 4, 5, 6, 6], [(0, 0), (0, 2), (1, 1), (0, 2), (2, 1), (3, 0), (0, 0)])
    assign_bands(rows, config)
    # 2 cannot reach 1: a head; 3 reaches 2, 4 does not: a head; 5 (3..6) and 6 (3..6) reach 4
    assert bands(rows) == ["1", "2-3", "2-3", "4-7", "4-7", "4-7", "4-7"]  # the tie at 6 never splits


def with_intervals(rows: list[dict], intervals: list[tuple[float, float]]) -> list[dict]:
    return [{**r, "ci_low": lo, "ci_high": hi} for r, (lo, hi) in zip(rows, intervals, strict=True)]


def test_separated_rule_places_a_tail_city_after_the_cities_clearly_ahead_of_it() -> None:
    config = load_config(rank_bands="separated", point_rank_spread=5)
    # two resolved cities (rank intervals 1 and 2 places wide), then a tail whose rank intervals are 10 wide
    intervals = [(90, 100), (70, 85), (40, 60), (35, 58), (20, 45), (15, 41), (2, 30), (0, 25)]
    rows = with_intervals(rows_of(list(range(1, 9)), [(0, 1), (1, 1)] + [(5, 5)] * 6), intervals)
    assign_bands(rows, config)
    # ranks 3-6: only the two resolved cities' intervals lie wholly above theirs (40 is not above 45 or 41);
    # ranks 7-8: four intervals lie above 30 and 25 (90, 70, 40, 35), so their first possible place is 5
    assert [r["band_rank"] for r in rows] == [1, 2, 3, 3, 3, 3, 5, 5]
    assert bands(rows) == ["1", "2", "3-6", "3-6", "3-6", "3-6", "5-8", "5-8"]  # a band ends where its cities end
    assert [r["rank"] for r in rows] == list(range(1, 9))  # the point rank is kept
    assert band_summary(rows, config)["rule"] == "separated"
    # a city with a wide interval below one with a narrow interval: nothing lies wholly above 10-70, but the city
    # ranked above it is placed 2nd, so it is too (a place never rises down the table)
    wide = with_intervals(rows_of([1, 2, 3, 4], [(5, 5)] * 4), [(50, 60), (40, 45), (10, 70), (0, 20)])
    assign_bands(wide, config)
    assert [r["band_rank"] for r in wide] == [1, 2, 2, 3]


def test_separated_places_never_rise_down_the_table_and_a_jump_moves_the_place_less_than_the_point_rank() -> None:
    config = load_config(rank_bands="separated", point_rank_spread=5)
    # a flat tail of 30 cities: point indexes 80, 78, ..., 22, each with a 95% interval 40 points wide
    tail = [(i - 20.0, i + 20.0) for i in range(80, 20, -2)]
    before = with_intervals(rows_of(list(range(1, 31)), [(10, 10)] * 30), tail)
    assign_bands(before, config)
    places = [r["band_rank"] for r in before]
    assert places == sorted(places) and places[0] == 1 and places[-1] == 10  # nine intervals lie above 2-42
    # the last city gets one prominent article: index 22 -> 53, point rank 30 -> 15 (between 54 and 52)
    jumped = [*tail[:-1], (33.0, 73.0)]
    ranks = [r if r < 15 else r + 1 for r in range(1, 30)] + [15]
    after = with_intervals(rows_of(ranks, [(10, 10)] * 30), jumped)
    assign_bands(after, config)
    moves = [abs(a["band_rank"] - b["band_rank"]) for a, b in zip(after, before, strict=True)]
    # no interval lies wholly above 33-73 any more: the place moves 9 (10 -> 1) where the point rank moves 15, and
    # no other city's place changes (the new interval lies above none of theirs)
    assert before[-1]["rank"] - after[-1]["rank"] == 15 and after[-1]["band_rank"] == 1
    assert moves[-1] == 9 and moves.count(0) == 29


def test_point_ranks_only_without_a_bootstrap_or_with_rule_none_and_no_band_when_not_ranked() -> None:
    rows = rows_of([1, 2, None], [(0, 30), (1, 30), (0, 0)])
    assign_bands(rows, load_config(rank_bands="none"))
    assert bands(rows) == ["1", "2", None] and rows[2]["band_rank"] is None
    unbootstrapped = [{**r, "rank_ci_low": None, "rank_ci_high": None} for r in rows]
    assign_bands(unbootstrapped, load_config())
    assert bands(unbootstrapped) == ["1", "2", None]
    nothing = rows_of([None, None])
    assign_bands(nothing, load_config())
    assert bands(nothing) == [None, None] and band_summary(nothing, load_config())["cities_ranked"] == 0


def test_export_terminal_and_report_publish_the_band_beside_the_point_rank(embedded_store, outlets, tmp_path) -> None:
    docs = []
    for day in range(1, 29):  # Wuhan every day in a; Shanghai, Beijing and Suzhou now and then in b: a thin tail
        docs.append(article(f"w{day}", "a", day, "Lead.\nWuhan port.", [mention("Lead.\nWuhan port.", "Wuhan")]))
        city = ("Shanghai", "Shanghai", "Beijing", "Suzhou", "Shanghai", "Beijing", "Suzhou")[day % 7]
        text = f"Lead.\n{city} port."
        docs.append(article(f"t{day}", "b", day, text, [mention(text, city)] if day % 4 == 0 else []))
    save_articles(embedded_store, docs)
    config = load_config(bootstrap_resamples=60, point_rank_spread=0, rank_band_width=3)
    result = compute(embedded_store, parse_period("2026-07"), config, outlets=outlets)
    ranked = [r for r in result.rows if r["rank"] is not None]
    assert ranked[0]["city"] == "Wuhan" and ranked[0]["rank_band"] == "1" and len(ranked) == 4
    tail = ranked[1:]
    assert [r["rank"] for r in tail] == [2, 3, 3] and all(r["rank_ci_high"] > r["rank_ci_low"] for r in tail)
    assert {(r["rank_band"], r["band_rank"]) for r in tail} == {("2-4", 2)}  # the thin tail shares one band
    assert result.meta["published_ranks"]["point_ranks"] == sum(1 for r in ranked if "-" not in r["rank_band"])

    table = ranking_table(result)
    banded = next(r for r in tail if "-" in r["rank_band"])
    line = next(x for x in table.splitlines() if banded["city"] in x)
    assert line.split()[:2] == [banded["rank_band"], str(banded["rank"])]
    assert "share a band" in table and "place_index" not in table
    lower = compute(embedded_store, parse_period("2026-07"), config.with_(place_basis="lower"), outlets=outlets)
    assert lower.meta["published_ranks"]["place_basis"] == "lower" and "place_index" in ranking_table(lower)

    path = write_export(result, "csv", tmp_path / "t.csv")[0]
    header, first = path.read_text().splitlines()[:2]
    assert header.startswith("band_rank,rank_band,place,rank,city") and first.startswith("1,1,1,1,Wuhan")
    meta = json.loads((tmp_path / "t.csv.meta.json").read_text())
    assert meta["published_ranks"]["rule"] == "grid" and "rank_band" in meta["published_ranks"]["columns"]
    assert f"<td>{banded['rank_band']}</td>" in render(result)
