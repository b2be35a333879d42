"""What the tests of the opinion console commands (``match_scheme``, ``opinion_analyze``) share: an items
file (JSON Lines), the command run in the test's process, and in a fresh process without a database."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

__all__ = ["write_items", "items_file", "bad_line_file", "broken_encoding_file", "output", "refused", "console"]

REPO = Path(__file__).resolve().parents[2]


def write_items(tmp_path, lines) -> Path:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def items_file(tmp_path, items, *extra_lines) -> Path:
    return write_items(tmp_path, [json.dumps(item, ensure_ascii=False) for item in items] + list(extra_lines))


def bad_line_file(tmp_path, good: dict, bad_line: str) -> Path:
    """A good line, the bad one (line 2), and the good one again."""
    good_line = json.dumps(good, ensure_ascii=False)
    return write_items(tmp_path, [good_line, bad_line, good_line])


def broken_encoding_file(tmp_path, good: dict) -> Path:
    """A UTF-8 first line, and a second in GBK."""
    path = tmp_path / "items.jsonl"
    path.write_bytes(json.dumps(good).encode() + b"\n" + '{"id": "g", "text": "暴雨"}'.encode("gbk") + b"\n")
    return path


def output(command: str, *args) -> str:
    """What ``command`` printed, run to success."""
    out = StringIO()
    call_command(command, *map(str, args), stdout=out)
    return out.getvalue()


def refused(command: str, *args) -> tuple[int, str, str]:
    """(exit code, output, errors) of a run of ``command`` that exits."""
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command(command, *map(str, args), stdout=out, stderr=err)
    return stopped.value.code, out.getvalue(), err.getvalue()


def console(tmp_path, *args) -> subprocess.CompletedProcess:
    """``python -m ideowork ARGS`` in a fresh process, on an empty database, with an ASCII console."""
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}", PYTHONIOENCODING="ascii")
    return subprocess.run([sys.executable, "-m", "ideowork", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, timeout=300)
