"""``citywatch tag`` on binary garbage: the good lines are tagged, the bad ones named, and the exit code says so."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.main import citywatch


def _input() -> tuple[bytes, list[int]]:
    good = [json.dumps({"id": f"g{i}", "text": f"Factories in Wuhan reopened, day {i}."}).encode() for i in range(6)]
    bad = [bytes([0xFF, 0xFE, 0x80, i]) + b"\x00garbage" for i in range(5)]
    bad += [b'{"id": "half", "text": "Shanghai \xe4\xb8"}', b'{"id": "s", "text": "\\ud800 Beijing"}']
    lines = [good[0], bad[0], good[1], bad[1], bad[2], good[2], bad[3], good[3], bad[4], bad[5], good[4], bad[6],
             good[5]]
    bad_numbers = [n for n, line in enumerate(lines, 1) if line not in good]
    return b"\n".join(lines) + b"\n", bad_numbers


def test_binary_lines_are_reported_and_the_good_ones_kept(tmp_path: Path) -> None:
    data, bad_numbers = _input()
    assert len(bad_numbers) == 7
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(data)
    result = CliRunner().invoke(citywatch, ["tag", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 1
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(out) == 13
    assert [o["line"] for o in out if "error" in o] == bad_numbers
    tagged = [o for o in out if "error" not in o]
    assert [o["id"] for o in tagged] == [f"g{i}" for i in range(6)]
    assert all(o["mentions"][0]["surface"] == "Wuhan" for o in tagged)
    for number in bad_numbers:
        assert f"line {number}: " in result.stderr
    assert "tagged 6 lines, 7 bad lines" in result.stderr


def test_binary_stdin_is_read_too() -> None:
    data, bad_numbers = _input()
    result = CliRunner().invoke(citywatch, ["tag"], input=data)
    assert result.exit_code == 1
    assert sum("error" in json.loads(line) for line in result.stdout.splitlines()) == len(bad_numbers)


def test_all_good_lines_exit_zero() -> None:
    result = CliRunner().invoke(citywatch, ["tag"], input=b'{"id": "1", "text": "Beijing warned."}\n')
    assert result.exit_code == 0 and "error" not in result.stdout
