"""The ``citywatch tag`` contract: JSON Lines in, one line per input line out, bad lines reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from citywatch.cli.main import citywatch
from nlp import TAGGER_VERSION, tag_texts

MENTION_KEYS = {"start", "end", "surface", "label", "city", "confidence", "flagged"}
CITY_KEYS = {"adcode", "geonameid", "name", "province"}


def test_tag_stdin_stdout_contract() -> None:
    lines = [
        {"id": "1", "text": "Beijing warned Washington on Monday.", "lang": "en"},
        {"id": "2", "text": "Nothing about China here."},
        {"id": "3", "text": "He grew up in Canton, Ohio."},
    ]
    source = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = CliRunner().invoke(citywatch, ["tag"], input=source)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["1", "2", "3"]
    assert out[0]["lang"] == "en" and out[1]["mentions"] == []
    first = out[0]["mentions"][0]
    assert MENTION_KEYS <= set(first) and set(first["city"]) == CITY_KEYS
    assert (first["start"], first["end"], first["surface"], first["label"]) == (0, 7, "Beijing", "METONYMIC")
    assert out[2]["mentions"][0]["label"] == "OTHER_PLACE" and out[2]["mentions"][0]["city"] is None
    assert out[0]["mentions"] == tag_texts([lines[0]["text"]], ["en"])[0]  # the Python API gives the same


def test_bad_lines_get_an_error_line_and_the_rest_is_tagged(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Factories in Wuhan reopened."}\n{oops\n{"id": "c"}\n[1, 2]\n'
                      '{"id": "e", "text": "Shanghai"}\n', encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(citywatch, ["tag", "--input", str(source), "--output", str(target)])
    assert result.exit_code == 1  # some lines were bad
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(out) == 5
    assert [("error" in o) for o in out] == [False, True, True, True, False]
    assert out[1]["line"] == 2 and "invalid JSON" in out[1]["error"]
    assert out[2]["id"] == "c" and "text" in out[2]["error"]
    assert "line 2" in result.stderr and "line 3" in result.stderr
    assert out[4]["mentions"][0]["surface"] == "Shanghai"


def test_the_outlet_country_reaches_the_linker_and_a_bad_one_is_a_line_error() -> None:
    """``country`` is the outlet's registry country: weak evidence that tips a bare namesake, as in a crawl."""
    text = "The Canton school board met on Tuesday."
    lines = [{"id": "us", "text": text, "lang": "en", "country": "US"}, {"id": "none", "text": text, "lang": "en"},
             {"id": "bad", "text": text, "country": 1}]
    result = CliRunner().invoke(citywatch, ["tag"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 1, result.output
    us, plain, bad = (json.loads(line) for line in result.stdout.splitlines())
    assert us["mentions"][0]["label"] == "OTHER_PLACE"
    assert us["mentions"] == tag_texts([text], ["en"], countries=["US"])[0] != plain["mentions"]
    assert '"country" must be a string' in bad["error"] and "line 3" in result.stderr


def test_installed_command_runs_as_a_process() -> None:
    line = json.dumps({"id": "x", "text": "上海的工厂恢复生产。", "lang": "zh"}, ensure_ascii=False)
    done = subprocess.run([sys.executable, "-c", "from citywatch.cli.main import main; main()", "tag"], input=line + "\n",
                          capture_output=True, text=True, timeout=300, check=True)
    (record,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert record["mentions"][0]["city"]["name"] == "Shanghai"


def test_help() -> None:
    result = CliRunner().invoke(citywatch, ["tag", "--help"])
    assert result.exit_code == 0 and "--retag" in result.output


def test_version_names_code_gazetteer_and_model() -> None:
    from nlp.gazetteer import load

    assert load().version in TAGGER_VERSION
    assert TAGGER_VERSION.startswith("citywatch-tagger-")


def test_flag_threshold_comes_from_the_environment(monkeypatch) -> None:
    """The command reads CITYWATCH_FLAG_THRESHOLD and hands it to the tagger as an option."""
    line = json.dumps({"id": "x", "text": "Suzhou is famous for its canals.", "lang": "en"}) + "\n"

    def flagged() -> bool:
        result = CliRunner().invoke(citywatch, ["tag"], input=line)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)["mentions"][0]["flagged"]

    monkeypatch.setenv("CITYWATCH_FLAG_THRESHOLD", "1.01")
    assert flagged() is True
    monkeypatch.setenv("CITYWATCH_FLAG_THRESHOLD", "0")
    assert flagged() is False


def test_a_bad_flag_threshold_is_one_line_naming_the_variable() -> None:
    env = {**os.environ, "CITYWATCH_FLAG_THRESHOLD": "high"}
    done = subprocess.run([sys.executable, "-c", "from citywatch.cli.main import main; main()", "tag"],
                          input='{"id": "x", "text": "Wuhan"}\n', capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().splitlines() == ["error: CITYWATCH_FLAG_THRESHOLD='high' is not a number (a confidence such as 0.9)"]
