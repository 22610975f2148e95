"""``citywatch demo --data-dir``: only the demo's own marked folder is ever emptied."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.demo import MARKER, claim_data_dir
from citywatch.cli.main import citywatch


def test_a_folder_holding_other_files_is_refused_and_survives(tmp_path: Path) -> None:
    precious = tmp_path / "var"
    (precious / "citywatch").mkdir(parents=True)
    (precious / "citywatch" / "store.sqlite").write_bytes(b"the real store")
    (precious / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(citywatch, ["demo", "--data-dir", str(precious), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert str(precious) in result.output and MARKER in result.output
    assert (precious / "citywatch" / "store.sqlite").read_bytes() == b"the real store"
    assert (precious / "notes.txt").read_text() == "keep me"


def test_an_empty_unmarked_folder_and_a_file_are_refused(tmp_path: Path) -> None:
    empty, plain = tmp_path / "empty", tmp_path / "file"
    empty.mkdir()
    plain.write_text("x")
    for path in (empty, plain):
        result = CliRunner().invoke(citywatch, ["demo", "--data-dir", str(path), "--out", str(tmp_path / "out")])
        assert result.exit_code != 0 and str(path) in result.output
    assert plain.read_text() == "x" and not any(empty.iterdir())


def test_a_new_folder_is_created_marked_and_emptied_on_the_next_run(tmp_path: Path) -> None:
    data = tmp_path / "demo" / "store"
    claim_data_dir(data)
    assert [p.name for p in data.iterdir()] == [MARKER]
    (data / "citywatch.sqlite").write_bytes(b"last run")
    claim_data_dir(data)
    assert [p.name for p in data.iterdir()] == [MARKER]
