"""Proofreader quality on the held-out development corpus (tests/outlets/proofread_corpus/).

    .venv/bin/python bench/proofread_quality.py
    .venv/bin/python bench/proofread_quality.py --corpus tests/outlets/proofread_heldout2

``--corpus DIR`` measures another set laid out the same way, with the ``measure`` of its own
``DIR/measure.py`` (e.g. the second held-out set, which is never tuned to).

Runs ``Proofreader(shipped_rules()).check(text, date=…)`` on every planted-error text and every clean
real text, with each document's own date. A planted error is found when a finding of severity error or
warning overlaps its wrong span; a finding on a planted text that overlaps no planted error, and every
finding on a clean text, is a false alarm. Precision counts the planted texts' false alarms only; the
clean texts' findings are reported on their own.

Prints one line per file, then one JSON object on its last line:
{"planted_errors", "found", "recall", "precision", "by_category": {cat: {"planted", "found", "recall"}},
 "clean_texts", "clean_findings", "clean_chars", …}
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # runs standalone, without installing the package
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")

import django  # noqa: E402

django.setup()

from ideowork.outlets.proofreading import Proofreader, shipped_rules  # noqa: E402
from tests.outlets.proofread_corpus.measure import measure  # noqa: E402


def measure_of(corpus: Path):
    """The ``measure`` function of ``corpus/measure.py`` (imported as a package module when it is one)."""
    corpus = corpus.resolve()
    try:
        dotted = ".".join(corpus.relative_to(ROOT).parts) + ".measure"
    except ValueError:
        dotted = None
    if dotted and (corpus / "__init__.py").exists():
        return importlib.import_module(dotted).measure
    spec = importlib.util.spec_from_file_location("corpus_measure", corpus / "measure.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.measure


def main() -> None:
    """The planted errors are a held-out set: per file only counts and the categories missed are
    printed, never the wrong spans themselves (whoever tunes the rules must not learn them here)."""
    parser = argparse.ArgumentParser(description="Proofreader quality on a planted-error corpus.")
    parser.add_argument("--corpus", type=Path, help="another corpus directory with its own measure.py")
    args = parser.parse_args()
    run = measure_of(args.corpus) if args.corpus else measure
    results, summary = run(Proofreader(shipped_rules()))
    for r in results:
        if r.kind == "planted":
            missed = sorted({e.category for e in r.planted if e not in r.found})
            line = f"{r.name}: {len(r.found)}/{len(r.planted)} found, {len(r.false_alarms)} false alarms"
            if missed:
                line += "; missed in " + " ".join(missed)
        else:
            line = f"{r.name}: {len(r.false_alarms)} findings"
        if r.false_alarms:
            line += "; alarms " + " ".join(f"{text}({rule})" for _, _, text, rule in r.false_alarms)
        print(line)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
