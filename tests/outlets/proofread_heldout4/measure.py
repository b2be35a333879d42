"""The proofreader measured on the fourth held-out set beside this module (see README.md).

The measure is the one of ``tests/outlets/proofread_corpus/measure.py``, unchanged: that module is loaded a
second time under its own name and its four paths are pointed at this directory, so the development
corpus's module and this one never share state. Everything it offers (``measure``, ``planted_errors``,
``sources``, ``CATEGORIES``, …) is re-exported here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.outlets.proofread_corpus import measure as _development

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"
PLANTED = HERE / "planted"
SOURCES = HERE / "SOURCES.tsv"


def _measure_module_for_this_directory():
    name = f"{__name__}._development_measure"
    spec = importlib.util.spec_from_file_location(name, _development.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    module.HERE, module.CLEAN, module.PLANTED, module.SOURCES = HERE, CLEAN, PLANTED, SOURCES
    return module


_here = _measure_module_for_this_directory()

CATEGORIES = _here.CATEGORIES
COUNTED_SEVERITIES = _here.COUNTED_SEVERITIES
PlantedError = _here.PlantedError
FileResult = _here.FileResult
sources = _here.sources
document_day = _here.document_day
clean_files = _here.clean_files
planted_files = _here.planted_files
gold = _here.gold
planted_errors = _here.planted_errors
measure_file = _here.measure_file
measure = _here.measure
