"""The proofreader's measure for a held-out set: the development corpus's measure
(``tests/outlets/proofread_corpus/measure.py``), unchanged, loaded once more under the set's own
module name with its four paths pointed at the set's directory, so no two sets share state."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.outlets.proofread_corpus import measure as _development

__all__ = ["EXPORTS", "measure_for"]

# What a held-out set's ``measure.py`` offers, as the development corpus's module does.
EXPORTS = ("CATEGORIES", "COUNTED_SEVERITIES", "PlantedError", "FileResult", "sources", "document_day",
           "clean_files", "planted_files", "gold", "planted_errors", "measure_file", "measure")


def measure_for(module_name: str, directory: Path) -> dict:
    """The measure's names for the set in ``directory`` (``clean/``, ``planted/``, ``SOURCES.tsv``)."""
    name = f"{module_name}._development_measure"
    spec = importlib.util.spec_from_file_location(name, _development.__file__)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    module.HERE, module.CLEAN = directory, directory / "clean"
    module.PLANTED, module.SOURCES = directory / "planted", directory / "SOURCES.tsv"
    return {"HERE": module.HERE, "CLEAN": module.CLEAN, "PLANTED": module.PLANTED, "SOURCES": module.SOURCES,
            **{export: getattr(module, export) for export in EXPORTS}}
