"""What one examinee's requests cost the server on exam morning, step by step: CPU time and SQL
statements of each request, so that tuning aims at the step that costs most.

    .venv/bin/python bench/exam_requests.py [--database both|sqlite|postgres] [--users 60] [--questions 50]
                                            [--profile var/exam_requests [--profile-steps login_post,…]]

For each database (``bench/runner.py``'s ``run_databases``) a child process builds the same data as
``bench/exam_spike.py`` (Argon2 passwords as settings hash them, a fixed exam with shuffled
questions and options) and walks ``--users`` examinees one after another through the test client,
as the browser does: the login form, the login POST, the exam page, 开始答题 (the POST, which answers
with the paper), every answer saved as JSON, and the hand-in (POST and result page).

CPU is this process's time (``time.process_time``): on SQLite it includes the database's work, on
PostgreSQL it leaves the server's own time out. Contention is not measured here (one request at a
time); ``bench/exam_spike.py`` measures the crowd. Prints one line per step, then one JSON object on
its last line: {"databases": {vendor: {step: {"cpu_p50_ms", "cpu_p95_ms", "wall_p50_ms", "queries"}}},
"cpu_ms_per_examinee": {vendor: …}}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner import run_databases  # noqa: E402

ARGS_ENV = "EXAM_REQUESTS_ARGS"
STEPS = ("login_form", "login_post", "exam_page", "start_post", "save", "submit_post", "result")
# Exam morning's first minute: everyone signs in and starts at once (issue 11); the rest is spread out.
FIRST_MINUTE = ("login_form", "login_post", "exam_page", "start_post")


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return round(values[min(int(len(values) * share), len(values) - 1)], 2)


def child(args) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.exam_spike import ANSWER_URL_RE, CSRF_RE, PASSWORD, PAPER_RE, human_answer, setup_data

    import random

    data = setup_data(args.users, args.questions)
    exam_path = f"/learning/exams/{data['exam']}/"
    cpu = {step: [] for step in STEPS}
    wall = {step: [] for step in STEPS}
    queries = {step: [] for step in STEPS}
    rng = random.Random(7)

    import cProfile

    profiles = {step: cProfile.Profile() for step in STEPS} if args.profile else {}
    profiled = set(args.profile_steps.split(",")) if args.profile_steps else set(STEPS)

    def timed(step: str, call):
        with CaptureQueriesContext(connection) as captured:
            profile = profiles.get(step) if step in profiled and warm else None
            if profile is not None:
                profile.enable()
            w0, c0 = time.perf_counter(), time.process_time()
            response = call()
            cpu[step].append((time.process_time() - c0) * 1000)
            wall[step].append((time.perf_counter() - w0) * 1000)
            if profile is not None:
                profile.disable()
        queries[step].append(len(captured.captured_queries))
        return response

    handler = None
    warm = False  # the first examinee pays the process's one-off costs (imports, templates, regexes): not profiled
    for username in data["usernames"]:
        client = Client(enforce_csrf_checks=True, REMOTE_ADDR="127.0.0.1", HTTP_HOST="127.0.0.1")
        # One handler for everyone, as one server process has: a new handler loads the middleware
        # again (WhiteNoise scans the static files), which no request pays in production.
        handler = client.handler = handler or client.handler
        html = timed("login_form", lambda: client.get(f"/login/?next={exam_path}")).content.decode()
        token = CSRF_RE.search(html).group(1)
        response = timed("login_post", lambda: client.post("/login/", {
            "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD, "next": exam_path}))
        assert response.status_code == 302, response.status_code
        html = timed("exam_page", lambda: client.get(exam_path)).content.decode()
        token = CSRF_RE.search(html).group(1)
        response = timed("start_post", lambda: client.post(f"{exam_path}start/", {"csrfmiddlewaretoken": token}))
        assert response.status_code == 200, response.status_code
        html = response.content.decode()
        paper = json.loads(PAPER_RE.search(html).group(1))["questions"]
        answer_url = ANSWER_URL_RE.search(html).group(1)
        token = CSRF_RE.search(html).group(1)
        for q in paper:
            body = json.dumps({"question": q["id"], "response": human_answer(q, rng)})
            response = timed("save", lambda: client.post(answer_url, body, content_type="application/json",
                                                          HTTP_X_CSRFTOKEN=token))
            assert response.status_code == 200 and response.json().get("ok"), response.content[:200]
        response = timed("submit_post", lambda: client.post(answer_url.replace("/answer/", "/submit/"),
                                                             {"csrfmiddlewaretoken": token}))
        assert response.status_code == 302, response.status_code
        timed("result", lambda: client.get(response["Location"]))
        warm = True
    for step, profile in profiles.items():
        if step in profiled:
            profile.dump_stats(f"{args.profile}.{connection.vendor}.{step}.prof")

    steps = {step: {"n": len(cpu[step]), "cpu_p50_ms": _percentile(cpu[step], 0.5),
                    "cpu_p95_ms": _percentile(cpu[step], 0.95), "wall_p50_ms": _percentile(wall[step], 0.5),
                    "queries": _percentile(queries[step], 0.5)} for step in STEPS}
    per_examinee = sum(sum(cpu[step]) for step in STEPS) / len(data["usernames"])
    first_minute = sum(sum(cpu[step]) for step in FIRST_MINUTE) / len(data["usernames"])
    return {"database": connection.vendor, "users": args.users, "questions": args.questions, "steps": steps,
            "cpu_ms_per_examinee": round(per_examinee, 1), "first_minute_cpu_ms": round(first_minute, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("both", "sqlite", "postgres"), default="both")
    parser.add_argument("--users", type=int, default=60)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--profile", default="", help="write cProfile figures to PREFIX.<vendor>.<step>.prof")
    parser.add_argument("--profile-steps", default="",
                        help="profile only these steps (comma-separated, e.g. " + ",".join(FIRST_MINUTE) + ")")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        saved = json.loads(os.environ[ARGS_ENV])
        args.users, args.questions, args.profile = saved["users"], saved["questions"], saved["profile"]
        args.profile_steps = saved["profile_steps"]
        print(json.dumps(child(args), ensure_ascii=False))
        return
    os.environ[ARGS_ENV] = json.dumps({"users": args.users, "questions": args.questions,
                                       "profile": os.path.abspath(args.profile) if args.profile else "",
                                       "profile_steps": args.profile_steps})
    if args.database != "both":
        os.environ["BENCH_DATABASES"] = "postgres" if args.database == "postgres" else "sqlite"
    results = run_databases(__file__, "ideowork_exam_requests_bench")
    for vendor, result in results.items():
        for step, figures in result["steps"].items():
            print(f"{vendor} {step}: cpu p50 {figures['cpu_p50_ms']} ms, p95 {figures['cpu_p95_ms']} ms, "
                  f"{figures['queries']:.0f} statements")
        print(f"{vendor} first minute (login form, login, exam page, 开始答题): {result['first_minute_cpu_ms']} ms of CPU per examinee")
    print(json.dumps({"databases": {v: r["steps"] for v, r in results.items()},
                      "cpu_ms_per_examinee": {v: r["cpu_ms_per_examinee"] for v, r in results.items()},
                      "first_minute_cpu_ms": {v: r["first_minute_cpu_ms"] for v, r in results.items()}},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
