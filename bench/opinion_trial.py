"""The scheme page's live test (试运行): one expression tested against the latest 200 items a user sees.

    /work/main/.venv/bin/python bench/opinion_trial.py [--rounds 30]

A throwaway SQLite test database gets the test organisation and 200 items of 200–2,000 characters
(the opinion match set's retold news items, repeated and cut, 3% in traditional characters); the
staff member's live test (``trial.run_trial``: compile the scheme as typed, read the items, match
them, explain the first match) and the whole request the page's script sends (POST
``opinion:scheme_trial`` through the test client, rendering included) are timed, wall clock, after
one warm-up (the per-process normalisation table is built once, about a second, before the first).

Last line: {"trial_p50_ms": …, "trial_p95_ms": …, "request_p50_ms": …, "request_p95_ms": …, "items": 200}
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

from bench.runner import BENCH_HOSTS  # noqa: E402

os.environ.setdefault("IDEOWORK_ALLOWED_HOSTS", BENCH_HOSTS)

FIELDS = {"region_words": "庐江县\n郭河镇\n巢湖\n安徽", "subject_words": "群众\n干部\n志愿者\n\"防汛救灾指挥部\"",
          "event_words": "转移\n安置\n暴雨\n撤离\n洪水", "exclude_words": "演练\n广告",
          "expression": "(转移~30 群众|安置~30 群众)+-(招聘|\"COVID-19\")"}


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    import opencc

    from ideowork.opinion.trial import TRIAL_ITEMS, run_trial
    from tests.factories import build_org
    from tests.opinion.factories import make_item, make_source

    rng = random.Random(13)
    org = build_org()
    source = make_source(org.city, "市融媒体中心")
    lines = [json.loads(line) for line in (ROOT / "tests/opinion/matchset/items.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    s2t = opencc.OpenCC("s2t")
    for n in range(TRIAL_ITEMS):
        base = rng.choice(lines)
        text = (base["text"] * 8)[:rng.randint(200, 2000)]
        title = f"{base['title']}（{n}）"
        if rng.random() < 0.03:
            title, text = s2t.convert(title), s2t.convert(text)
        make_item(source, title, text)

    run_trial(org.staff, FIELDS)  # warm-up: the normalisation table
    trial_ms = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        trial = run_trial(org.staff, FIELDS)
        trial_ms.append((time.perf_counter() - start) * 1000)
    assert trial.ok and trial.tested == TRIAL_ITEMS, trial.errors

    client = Client()
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("opinion:scheme_trial")
    request_ms = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        response = client.post(url, FIELDS)
        request_ms.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    print(json.dumps({"trial_p50_ms": round(statistics.median(trial_ms), 1), "trial_p95_ms": round(p95(trial_ms), 1),
                      "request_p50_ms": round(statistics.median(request_ms), 1),
                      "request_p95_ms": round(p95(request_ms), 1), "items": trial.tested,
                      "matched": trial.matched_count}, ensure_ascii=False))


if __name__ == "__main__":
    main()
