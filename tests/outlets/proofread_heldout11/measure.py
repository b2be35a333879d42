"""The proofreader measured on the eleventh held-out set beside this module (see README.md).

The measure is the development corpus's, unchanged, pointed at this directory
(``tests/outlets/heldout_measure.py``); everything it offers (``measure``, ``planted_errors``,
``sources``, ``CATEGORIES``, …) is importable from here.
"""

from pathlib import Path

from tests.outlets.heldout_measure import measure_for

globals().update(measure_for(__name__, Path(__file__).resolve().parent))
