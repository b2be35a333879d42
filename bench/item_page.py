"""Item page benchmark: a plan item's page (its text, targets, assignment, and the ledger's panel:
progress per period and the timeline with evidence) as the city's head, on the generated city of
``bench/pages.py`` (300 units, 5,000 users, 200,000 activities), on SQLite and on PostgreSQL.

Prints one JSON object on its last line:
{"p95_ms_sqlite": …, "p95_ms_postgres": …, "after_write_p95_ms_sqlite": …, "queries_small": …, …}
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import main  # noqa: E402

if __name__ == "__main__":
    main(__file__, ["item"])
