"""Zip-bomb benchmark: how fast, and with how little memory, a .docx that expands to 200 MB is refused.

    .venv/bin/python bench/zip_bomb.py [--mb 200]

Three files of a few hundred kilobytes, each expanding to ``--mb`` megabytes:

- honest: a .docx whose document.xml is its real XML followed by 200 MB of blanks, sizes declared
  truthfully (refused from the zip's central directory before anything is expanded);
- lying: the same bytes, but the central directory and local header declare only the real XML and its
  CRC (refused while its parts are expanded a chunk at a time and counted, at the 50 MB limit);
- overlapping: 200 directory entries that all point at the bytes of one 1 MB part (refused from the
  directory by the declared total, and by the overlap when the total is under the limit).

Each goes through the two upload paths users reach: the online proofreading page's
(``outlets.proofreading.extract_text``, what the view calls on an upload) and the plan import page's
(``core.uploads.read_upload(…, allowed=plans.forms.imports.IMPORT_KINDS)``, what ``ImportForm.clean``
calls), with the settings' limits. Per file and path: ``ms`` (wall time of the refusal, best of
``--rounds``), ``cpu_ms``, ``rss_mb`` (the rise of the process's peak resident set over its size
before the call, VmHWM reset just before it) and ``traced_mb`` (tracemalloc's peak of Python
allocations in a separate, traced run). For comparison, ``unchecked`` is what reading the lying file's
main part with Python's zipfile alone costs (what happened before the expansion was counted). Prints one
line per case, then one JSON object on its last line:
{"max_ms": …, "max_rss_mb": …, "max_traced_mb": …, "cases": {…}, "unchecked": {…}, "refused": true, "mb": 200}
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # runs standalone, without installing the package
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from ideowork.core.uploads import read_upload  # noqa: E402
from ideowork.outlets.proofreading.text import extract_text  # noqa: E402
from ideowork.plans.forms.imports import IMPORT_KINDS  # noqa: E402
from bench.runner import reset_peak_rss, status_mb  # noqa: E402
from tests.core.bombs import expanding_word, overlapping_word  # noqa: E402

MB = 1024 * 1024
PATHS = {
    "proofreading": extract_text,
    "plan_import": lambda upload: read_upload(upload, allowed=IMPORT_KINDS),
}


def _refuse(read, name: str, data: bytes) -> str:
    """Run one upload path on the file; the refusal's message (a file that is read fails the bench)."""
    try:
        read(SimpleUploadedFile(name, data))
    except ValidationError as exc:
        return exc.messages[0]
    raise SystemExit(f"{name} was read, not refused")


def _unchecked(upload) -> None:
    """Python's zipfile reading the main part, as the reader did before it counted the expansion."""
    with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
        size = len(archive.read("word/document.xml"))
    raise ValidationError(f"read {size} bytes")


def measure(read, name: str, data: bytes, rounds: int) -> dict:
    timings, cpu, rss = [], [], []
    for _ in range(rounds):
        gc.collect()
        before = status_mb("VmRSS")
        reset = reset_peak_rss()
        start, start_cpu = time.perf_counter(), time.process_time()
        message = _refuse(read, name, data)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        rss.append(status_mb("VmHWM") - before if reset else float("nan"))
    gc.collect()
    tracemalloc.start()
    _refuse(read, name, data)
    traced = tracemalloc.get_traced_memory()[1] / MB
    tracemalloc.stop()
    return {"ms": round(min(timings), 1), "cpu_ms": round(min(cpu), 1), "rss_mb": round(max(rss), 1),
            "traced_mb": round(traced, 1), "message": message}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=int, default=200, help="what each file expands to, in MB")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    size = args.mb * MB
    files = {
        "honest": expanding_word(size),
        "lying": expanding_word(size, lie=True),
        "overlapping": overlapping_word(args.mb, b"\x00" * MB),
    }
    gc.collect()
    cases = {}
    for variant, data in files.items():
        for path, read in PATHS.items():
            result = measure(read, f"{variant}.docx", data, args.rounds)
            result["file_kb"] = round(len(data) / 1024)
            cases[f"{variant}/{path}"] = result
            print(f"{variant:12} {path:13} {result['file_kb']:4} KB  {result['ms']:7.1f} ms  "
                  f"rss +{result['rss_mb']:.1f} MB  traced {result['traced_mb']:.1f} MB  {result['message']}")
    unchecked = measure(_unchecked, "lying.docx", files["lying"], 1)
    print(f"{'lying':12} {'unchecked':13} {unchecked['ms']:7.1f} ms  rss +{unchecked['rss_mb']:.1f} MB  "
          f"traced {unchecked['traced_mb']:.1f} MB  ({unchecked['message']}, for comparison)")
    summary = {
        "max_ms": max(c["ms"] for c in cases.values()),
        "max_rss_mb": max(c["rss_mb"] for c in cases.values()),
        "max_traced_mb": max(c["traced_mb"] for c in cases.values()),
        "refused": True, "mb": args.mb,
        "cases": {k: {key: v for key, v in c.items() if key != "message"} for k, c in cases.items()},
        "unchecked": {key: v for key, v in unchecked.items() if key != "message"},
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
