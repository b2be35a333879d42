"""`ideowork parse_plan PATH --json`: the parsed plan as UTF-8 JSON, or a readable outline.

One test runs the console command in a process of its own, as a user does; the others run the same
command line in the test's process (Django's start-up in a fresh process costs seconds each)."""

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import execute_from_command_line

from tests.plans._helpers import SEED_000, SEED_001

ROOT = Path(__file__).resolve().parents[2]


def run_process(*args):
    return subprocess.run([sys.executable, "-m", "ideowork", "parse_plan", *map(str, args)], cwd=ROOT,
                          capture_output=True, timeout=120)


@pytest.fixture
def run(capsysbinary):
    """``run(*args)``: the command line in this process, with its exit code and output as bytes."""

    def _run(*args):
        try:
            execute_from_command_line(["ideowork", "parse_plan", *map(str, args)])
            code = 0
        except SystemExit as exc:
            code = exc.code
        out, err = capsysbinary.readouterr()
        return SimpleNamespace(returncode=code, stdout=out, stderr=err)

    return _run


def test_the_console_command_prints_utf8_json_in_a_process_of_its_own():
    result = run_process(SEED_000, "--json")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout.decode("utf-8"))["title"].encode("utf-8") in result.stdout  # not \\u-escaped


@pytest.mark.parametrize("seed, title", [(SEED_000, "2026年市委编办机关意识形态工作要点"),
                                         (SEED_001, "2026年市政府机关意识形态工作要点")])
def test_json_has_24_items(run, seed, title):
    result = run(seed, "--json")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout.decode("utf-8"))
    assert data["title"] == title and data["year"] == 2026
    assert set(data) >= {"title", "year", "issuer", "sections"}
    items = [item for section in data["sections"] for item in section["items"]]
    assert len(items) == 24
    assert [item["number"] for item in items] == list(range(1, 25))
    assert title.encode("utf-8") in result.stdout  # not \\u-escaped
    for item in items:
        for target in item["targets"]:
            assert {"text", "count", "unit", "period", "comparator", "per", "explicit"} <= set(target)


def test_outline_is_readable_chinese(run):
    result = run(SEED_000)
    out = result.stdout.decode("utf-8")
    assert result.returncode == 0
    assert "标题：2026年市委编办机关意识形态工作要点" in out and "共24个条目" in out
    assert "1. 深化理论武装体系建设" in out and "全年不少于12次" in out


def test_parse_error_goes_to_stderr_with_exit_code_1(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    no_items = tmp_path / "note.txt"
    # Neither numbered items nor a duty paragraph (a paragraph of duties would be read as candidate items).
    no_items.write_text("各党支部：\n特此通知。\n", encoding="utf-8")
    for path in (empty, no_items, tmp_path / "missing.txt"):
        result = run(path, "--json")
        assert result.returncode == 1
        assert result.stdout == b""
        assert result.stderr.decode("utf-8").strip()
