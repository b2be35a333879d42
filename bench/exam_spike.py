"""Exam morning at full scale: 1,000 examinees sign in within a minute, start the same exam, answer at
human pace and hand in; nothing may be lost.

    .venv/bin/python bench/exam_spike.py [--database both|sqlite|postgres] [--users 1000] [--questions 50]
        [--spread 60] [--pace 6 18] [--quick]

Against the real server, on this machine: for each database (``bench/runner.py``'s ``run_databases``:
SQLite in a scratch directory; PostgreSQL in a database made and dropped for the run, with the cache
on Redis — REDIS_URL, else BENCH_REDIS_URL, default redis://127.0.0.1:6379/14 — as a PostgreSQL
deployment runs) a child process builds the data, starts gunicorn with ``deploy/gunicorn.conf.py``
(its gthread workers × threads, on a free port) and drives it with aiohttp from the same two cores.

Setup: one city office, ``--users`` cadres in 20 sections (Argon2 passwords as settings hash them),
a bank and a fixed ``--questions``-question exam (questions and options shuffled per person).

Every examinee, arriving at a random moment within ``--spread`` seconds, behaves like a browser:

- signs in through the real login form (GET /login/?next=<the exam> for the CSRF token, POST the
  credentials; django-axes and the lockout rules as configured). About 3% mistype the password once
  first. Every request comes from 127.0.0.1: the whole organ behind one gateway address;
- opens the exam and posts 开始答题, which answers with the paper (start = those two requests);
- saves every answer with a JSON POST, waiting a random ``--pace`` seconds between answers; one in
  twenty sends one answer twice at once (a double tap), one in fifty reloads the paper once
  mid-exam (a lost connection regained) and checks that it shows every answer saved so far;
- hands in; one in twenty taps 交卷 twice at once. Both taps must end on the result page.

Afterwards the database is checked: every answer the server acknowledged stored as sent, one
attempt per person, each submitted exactly once (one submission audit event, score equal to the sum
of its answers' scores, exam points awarded at most once), and no username locked out.

Each database's result is one JSON line; the LAST line is the worse of the two:
{"users", "login_p95_ms", "start_p95_ms", "p95_ms" (answer saves), "submit_p95_ms", "errors",
 "lost_answers", …, "databases": {…}}. Timings are wall-clock from the load generator.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner import run_databases  # noqa: E402

PASSWORD = "Bench-Exam-2026!"
ARGS_ENV = "EXAM_SPIKE_ARGS"

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWER_URL_RE = re.compile(r'data-answer-url="([^"]+)"')
TAKE_URL_RE = re.compile(r'data-take-url="([^"]+)"')
PAPER_RE = re.compile(r'<script id="paper-data" type="application/json">(.*?)</script>', re.S)


# --- the Django side: setup and verification -------------------------------------------------------

def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()


def setup_data(users: int, questions: int) -> dict:
    from datetime import timedelta
    from decimal import Decimal

    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.utils import timezone

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User
    from ideowork.learning.actions.exams import do_add_exam_question, do_publish_exam, do_save_exam
    from ideowork.learning.actions.questions import do_create_question

    # The migrated apps first: the learning app (no migrations yet) refers to their tables.
    call_command("migrate", verbosity=0)
    call_command("migrate", run_syncdb=True, verbosity=0)
    city = OrgUnit.objects.create(name="压测市委编办", kind=OrgKind.ORGAN)
    sections = [OrgUnit.objects.create(name=f"第{i + 1}科", parent=city, kind=OrgKind.SECTION) for i in range(20)]
    hashed = make_password(PASSWORD)  # one hash (settings' hasher and parameters) shared by every bench user
    admin = User.objects.create(username="bench_admin", display_name="压测管理员", role=Role.STAFF, org_unit=city,
                                password=hashed)
    User.objects.bulk_create(User(username=f"examinee{i:04d}", display_name=f"考生{i:04d}", role=Role.CADRE,
                                  org_unit=sections[i % len(sections)], password=hashed) for i in range(users))
    kinds = ["single", "single", "multiple", "judge", "blank"]
    bank = []
    for n in range(questions):
        kind = kinds[n % len(kinds)]
        options = [f"第{n + 1}题的选项{k}" for k in "ABCD"] if kind in ("single", "multiple") else []
        answer = {"single": "B", "multiple": "AC", "judge": "对", "blank": f"答案{n + 1}|要点{n + 1}"}[kind]
        stem = f"第{n + 1}题：理论学习压测题干（  ）与（  ）。" if kind == "blank" else f"第{n + 1}题：理论学习压测题干。"
        bank.append(do_create_question(admin, org_unit=city, kind=kind, stem=stem, option_texts=options, answer=answer,
                                       category_name="压测", difficulty=3, explanation=f"解析{n + 1}"))
    now = timezone.now()
    exam = do_save_exam(admin, org_unit=city, title="压测考试", description="", mode="fixed",
                        opens_at=now - timedelta(minutes=5), closes_at=now + timedelta(hours=3),
                        time_limit_minutes=120, max_attempts=1, grade_policy="highest", pass_score=Decimal(60),
                        shuffle_questions=True, shuffle_options=True, show_answers="after_submit")
    for q in bank:
        do_add_exam_question(admin, exam, q, Decimal(2))
    do_publish_exam(admin, exam)
    names = list(User.objects.filter(role=Role.CADRE).order_by("username").values_list("username", flat=True))
    return {"exam": exam.pk, "usernames": names}


def verify(exam_id: int, acknowledged: list, handed_in: list) -> dict:
    from django.conf import settings
    from django.db import close_old_connections
    from django.db.models import Count, Sum
    from axes.models import AccessAttempt

    from ideowork.core.models import AuditEvent
    from ideowork.learning.models import Answer, Attempt, AttemptStatus, PointsEntry

    close_old_connections()
    stored = {(a, q): r for a, q, r in Answer.objects.filter(attempt__exam_id=exam_id)
              .values_list("attempt_id", "question_id", "response")}
    lost = 0
    for attempt_id, question_id, response in acknowledged:
        got = stored.get((attempt_id, question_id), "<missing>")
        if isinstance(response, list) and isinstance(got, list):
            same = [str(x).strip() for x in got] == [str(x).strip() for x in response] or sorted(got) == sorted(response)
        else:
            same = got == response
        lost += not same
    attempts = list(Attempt.objects.filter(exam_id=exam_id).values_list("pk", "user_id", "status", "score"))
    per_user = {}
    for _, user_id, _, _ in attempts:
        per_user[user_id] = per_user.get(user_id, 0) + 1
    submits = dict(AuditEvent.objects.filter(event_type="learning.exam.submit_attempt", subject_id__in=[
        str(a[0]) for a in attempts]).values_list("subject_id").annotate(n=Count("pk")).values_list("subject_id", "n"))
    sums = dict(Answer.objects.filter(attempt__exam_id=exam_id).values_list("attempt_id")
                .annotate(s=Sum("score")).values_list("attempt_id", "s"))
    wrong_score = sum(1 for pk, _, status, score in attempts
                      if status == AttemptStatus.GRADED and (score or 0) != (sums.get(pk) or 0))
    points = PointsEntry.objects.filter(ref=f"exam:{exam_id}").values("user_id").annotate(n=Count("pk"))
    locked = AccessAttempt.objects.values("username").annotate(f=Sum("failures_since_start")).filter(
        f__gte=settings.AXES_FAILURE_LIMIT).count()
    return {
        "answers_in_db": len(stored), "lost_answers": lost, "attempts": len(attempts),
        "people_with_two_attempts": sum(1 for n in per_user.values() if n > 1),
        "handed_in_but_open": sum(1 for a in attempts if a[2] == AttemptStatus.IN_PROGRESS and a[0] in set(handed_in)),
        "not_submitted": sum(1 for a in attempts if a[2] == AttemptStatus.IN_PROGRESS),
        "submitted_twice": sum(1 for a in attempts if submits.get(str(a[0]), 0) > 1),
        "submitted_never": sum(1 for a in attempts if submits.get(str(a[0]), 0) == 0 and a[0] in set(handed_in)),
        "score_not_sum_of_answers": wrong_score, "exam_points_twice": sum(1 for p in points if p["n"] > 1),
        "locked_out": locked, "failed_login_rows": AccessAttempt.objects.count(),
    }


# --- the load generator ------------------------------------------------------------------------------

def human_answer(q: dict, rng: random.Random):
    """A response as the page's script sends it (and as it is stored)."""
    values = [o["value"] for o in q["options"]]
    if q["kind"] == "single":
        return rng.choice(values)
    if q["kind"] == "multiple":
        return sorted(rng.sample(values, rng.randint(1, len(values))))
    if q["kind"] == "judge":
        return rng.random() < 0.5
    if q["kind"] == "blank":
        return [rng.choice(["答案", "要点", "内容"]) + str(rng.randint(1, 60)) for _ in range(max(q["blanks"], 1))]
    return "作答内容" * rng.randint(1, 20)


def same_response(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(str(x).strip() for x in a) == sorted(str(x).strip() for x in b)
    return a == b


class Stats:
    def __init__(self):
        self.logins: list[float] = []
        self.starts: list[float] = []
        self.saves: list[float] = []
        self.submits: list[float] = []
        self.reloads: list[float] = []
        self.errors = 0
        self.error_samples: list[str] = []
        self.acknowledged: dict[tuple[int, int], object] = {}
        self.handed_in: list[int] = []  # attempts whose hand-in ended on the result page
        self.counts = {"mistyped": 0, "double_saves": 0, "reloads": 0, "double_submits": 0, "reload_mismatches": 0,
                       "save_retries": 0}

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 12:
            self.error_samples.append(what[:300])


class Failed(Exception):
    pass


async def fetch(http, method: str, url: str, **kw) -> tuple[int, str, str]:
    async with http.request(method, url, **kw) as r:
        return r.status, await r.text(), str(r.url)


async def sign_in(http, base: str, username: str, exam_path: str, mistype: bool, stats: Stats, rng) -> None:
    async def attempt(password: str) -> tuple[int, str, float]:
        t0 = time.perf_counter()
        status, html, _ = await fetch(http, "GET", f"{base}/login/?next={exam_path}")
        if status != 200:
            raise Failed(f"login form HTTP {status}")
        token = CSRF_RE.search(html).group(1)
        status, html, _ = await fetch(http, "POST", f"{base}/login/", allow_redirects=False, data={
            "csrfmiddlewaretoken": token, "username": username, "password": password, "next": exam_path})
        return status, html, (time.perf_counter() - t0) * 1000

    if mistype:
        stats.counts["mistyped"] += 1
        status, html, _ = await attempt(PASSWORD[:-1] + "?")
        if status != 200 or "用户名或密码错误" not in html:
            raise Failed(f"mistyped password of {username}: HTTP {status}, not the form's error")
        await asyncio.sleep(rng.uniform(2, 5))  # reads the message, types again
    status, _, ms = await attempt(PASSWORD)
    if status != 302:
        raise Failed(f"login of {username}: HTTP {status}" + (" (locked out)" if status == 429 else ""))
    stats.logins.append(ms)


async def examinee(base: str, exam: int, username: str, args, stats: Stats, rng: random.Random) -> None:
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=args.timeout)
    # Idle connections are dropped by the client before gunicorn's keep-alive (5 s) ends them, so a
    # request never goes out on a connection the server is closing (a reset, not the app's doing).
    connector = aiohttp.TCPConnector(keepalive_timeout=3)
    jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
    exam_path = f"/learning/exams/{exam}/"
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout, connector=connector) as http:
        await asyncio.sleep(rng.uniform(0, args.spread))
        phase = "login"
        try:
            await sign_in(http, base, username, exam_path, rng.random() < 0.03, stats, rng)
            phase = "start"
            t0 = time.perf_counter()
            status, html, _ = await fetch(http, "GET", base + exam_path)
            if status != 200 or 'data-testid="start"' not in html:
                raise Failed(f"exam page HTTP {status}")
            token = CSRF_RE.search(html).group(1)
            status, html, url = await fetch(http, "POST", f"{base}{exam_path}start/", data={"csrfmiddlewaretoken": token})
            paper_match = PAPER_RE.search(html)
            if status != 200 or paper_match is None:
                raise Failed(f"start HTTP {status} {url}")
            stats.starts.append((time.perf_counter() - t0) * 1000)
            take_url = base + TAKE_URL_RE.search(html).group(1)  # where the page's script puts the browser
            paper = json.loads(paper_match.group(1))["questions"]
            answer_url = base + ANSWER_URL_RE.search(html).group(1)
            attempt_id = int(answer_url.rstrip("/").split("/")[-2])
            token = CSRF_RE.search(html).group(1)
            headers = {"X-CSRFToken": token, "Content-Type": "application/json"}
            double_at = rng.randrange(len(paper)) if rng.random() < 0.05 else -1
            reload_at = rng.randrange(1, len(paper)) if rng.random() < 0.02 and len(paper) > 1 else -1
            mine: dict[int, object] = {}
            phase = "answers"
            for n, q in enumerate(paper):
                await asyncio.sleep(rng.uniform(*args.pace))
                if n == reload_at:
                    await reload_paper(http, take_url, mine, stats)
                sent = human_answer(q, rng)
                body = json.dumps({"question": q["id"], "response": sent})
                copies = 2 if n == double_at else 1
                stats.counts["double_saves"] += copies - 1
                t0 = time.perf_counter()
                replies = await asyncio.gather(*(save_once(http, answer_url, body, headers, stats) for _ in range(copies)),
                                               return_exceptions=True)
                for reply in replies:
                    if isinstance(reply, BaseException):
                        stats.error(f"save {type(reply).__name__}: {reply}")
                    elif reply[0] == 200 and reply[1].get("ok"):
                        stats.saves.append(reply[2])
                        stats.acknowledged[(attempt_id, q["id"])] = sent
                        mine[q["id"]] = sent
                    else:
                        stats.error(f"save HTTP {reply[0]} {reply[1]}")
            phase = "submit"
            copies = 2 if rng.random() < 0.05 else 1
            stats.counts["double_submits"] += copies - 1
            t0 = time.perf_counter()
            replies = await asyncio.gather(*(fetch(http, "POST", answer_url.replace("/answer/", "/submit/"),
                                                   data={"csrfmiddlewaretoken": token}) for _ in range(copies)),
                                           return_exceptions=True)
            elapsed = (time.perf_counter() - t0) * 1000
            for reply in replies:
                if isinstance(reply, BaseException):
                    stats.error(f"submit {type(reply).__name__}: {reply}")
                elif reply[0] != 200 or "/result/" not in reply[2] or 'data-testid="score"' not in reply[1]:
                    stats.error(f"submit HTTP {reply[0]} {reply[2]}")
            stats.submits.append(elapsed)
            stats.handed_in.append(attempt_id)
        except Failed as exc:
            stats.error(f"{phase}: {exc}")
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError, AttributeError) as exc:
            stats.error(f"{phase} {type(exc).__name__}: {exc}")


async def save_once(http, url: str, body: str, headers: dict, stats: Stats) -> tuple[int, dict, float]:
    """One answer saved as the page's script saves it: a connection lost on the way is tried again
    (exam.js keeps the answer and sends it again), the time taken counting from the first try."""
    import aiohttp

    t0 = time.perf_counter()
    for tries in range(3):
        try:
            async with http.post(url, data=body, headers=headers) as r:
                data = await r.json(content_type=None)
                return r.status, data, (time.perf_counter() - t0) * 1000
        except (aiohttp.ClientOSError, aiohttp.ServerDisconnectedError):
            if tries == 2:
                raise
            stats.counts["save_retries"] += 1
            await asyncio.sleep(1)


async def reload_paper(http, take_url: str, mine: dict, stats: Stats) -> None:
    """The connection came back: the paper again, with every answer saved so far."""
    stats.counts["reloads"] += 1
    t0 = time.perf_counter()
    status, html, _ = await fetch(http, "GET", take_url)
    stats.reloads.append((time.perf_counter() - t0) * 1000)
    match = PAPER_RE.search(html)
    if status != 200 or match is None:
        raise Failed(f"reload HTTP {status}")
    shown = {q["id"]: q["response"] for q in json.loads(match.group(1))["questions"]}
    if any(not same_response(shown.get(qid), response) for qid, response in mine.items()):
        stats.counts["reload_mismatches"] += 1
        stats.error("reloaded paper does not show an answer saved before")


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)], 1)


def spread_of(values: list[float]) -> dict:
    return {"n": len(values), "p50_ms": percentile(values, 50), "p95_ms": percentile(values, 95),
            "p99_ms": percentile(values, 99), "max_ms": round(max(values), 1) if values else None}


async def drive(base: str, setup: dict, args) -> Stats:
    import aiohttp

    stats = Stats()
    rng = random.Random(args.seed)
    async with aiohttp.ClientSession() as http:  # every worker up before the clock starts
        for _ in range(20):
            async with http.get(f"{base}/login/") as r:
                await r.read()
    await asyncio.gather(*(examinee(base, setup["exam"], name, args, stats, random.Random(rng.random()))
                           for name in setup["usernames"]))
    return stats


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, proc, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def child() -> dict:
    """One database: build, serve with deploy/gunicorn.conf.py, drive, verify."""
    args = argparse.Namespace(**json.loads(os.environ[ARGS_ENV]))
    _django()
    from django.conf import settings
    from django.db import connections

    t0 = time.perf_counter()
    setup = setup_data(args.users, args.questions)
    setup_s = time.perf_counter() - t0
    connections.close_all()
    port = free_port()
    # The server's own log (errors, tracebacks) is kept after the run, one file per database.
    log = Path(os.environ.get("BENCH_LOG_DIR", "/tmp")) / f"exam_spike_gunicorn_{connections['default'].vendor}.log"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with open(log, "w") as out:
        server = subprocess.Popen([str(gunicorn), "-c", str(ROOT / "deploy/gunicorn.conf.py"), "ideowork.wsgi"],
                                  env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=out, start_new_session=True)
    try:
        wait_for(port, server)
        load_before = load_average()
        t1, own0, served0 = time.perf_counter(), time.process_time(), os.times()
        stats = asyncio.run(drive(f"http://127.0.0.1:{port}", setup, args))
        run_s, generator_cpu = time.perf_counter() - t1, time.process_time() - own0
        load_after = load_average()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    # gunicorn's CPU (master and workers, reaped): what the run cost the server, whatever else ran.
    served1 = os.times()
    server_cpu = (served1.children_user + served1.children_system) - (served0.children_user + served0.children_system)
    check = verify(setup["exam"], [(a, q, r) for (a, q), r in stats.acknowledged.items()], stats.handed_in)
    if stats.error_samples:
        sys.stderr.write("errors (first ones):\n  " + "\n  ".join(stats.error_samples) + "\n")
    # A request that failed is one error; so is every broken promise found in the database (an
    # examinee who failed to sign in or start has no attempt: counted once, as the request error).
    errors = stats.errors + sum(check[k] for k in ("people_with_two_attempts", "handed_in_but_open", "submitted_twice",
                                                   "submitted_never", "score_not_sum_of_answers",
                                                   "exam_points_twice", "locked_out"))
    from ideowork.core.hashers import IdeoworkArgon2PasswordHasher as H

    return {
        "database": connections["default"].vendor, "users": args.users,
        "login_p95_ms": percentile(stats.logins, 95), "start_p95_ms": percentile(stats.starts, 95),
        "p95_ms": percentile(stats.saves, 95), "submit_p95_ms": percentile(stats.submits, 95),
        "errors": errors, "lost_answers": check["lost_answers"],
        "login": spread_of(stats.logins), "start": spread_of(stats.starts), "save": spread_of(stats.saves),
        "submit": spread_of(stats.submits), "reload": spread_of(stats.reloads),
        "request_errors": stats.errors, "error_samples": stats.error_samples[:5], "behaviour": stats.counts,
        "check": check, "run_s": round(run_s, 1), "setup_s": round(setup_s, 1),
        "load_before": load_before, "load_after": load_after, "server_cpu_s": round(server_cpu, 1),
        "server_cpu_ms_per_examinee": round(server_cpu * 1000 / args.users, 1),
        "load_generator_cpu_s": round(generator_cpu, 1),
        "server": "gunicorn -c deploy/gunicorn.conf.py (%s workers x %s threads)" % _workers(),
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        "argon2": f"m={H.memory_cost} KiB t={H.time_cost} p={H.parallelism}",
        "spread_s": args.spread, "pace_s": list(args.pace), "questions": args.questions,
    }


def _workers() -> tuple:
    namespace: dict = {}
    source = (ROOT / "deploy/gunicorn.conf.py").read_text()
    exec(compile(source, "gunicorn.conf.py", "exec"), namespace)  # the values gunicorn reads
    return namespace["workers"], namespace["threads"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--spread", type=float, default=60.0, help="seconds over which the users arrive")
    parser.add_argument("--pace", type=float, nargs=2, default=(6.0, 18.0), metavar=("MIN", "MAX"),
                        help="seconds a person takes per answer (uniform; the default, 12 s on average, is a "
                             "brisk examinee: 50 questions in 10 minutes)")
    parser.add_argument("--quick", action="store_true",
                        help="a short run: 60 users, 10 questions, arriving within 10 s, 1-3 s per answer")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds a request may take before it counts as an error (a browser waits minutes)")
    args = parser.parse_args()
    if args.quick:
        args.users, args.questions, args.spread, args.pace = 60, 10, 10.0, (1.0, 3.0)
    os.environ[ARGS_ENV] = json.dumps(vars(args))
    os.environ["IDEOWORK_DEBUG"] = "0"
    os.environ["BENCH_DATABASES"] = "sqlite,postgres" if args.database == "both" else args.database
    if not os.environ.get("REDIS_URL"):
        # Only the PostgreSQL child keeps it (run_databases): the production-like run, cache on Redis.
        os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    results = run_databases(__file__, "ideowork_exam_bench")
    worst: dict = {"users": args.users}
    for key in ("login_p95_ms", "start_p95_ms", "p95_ms", "submit_p95_ms"):
        worst[key] = max((r[key] or 0) for r in results.values())
    for key in ("errors", "lost_answers"):
        worst[key] = sum(r[key] for r in results.values())
    worst["databases"] = {db: {k: r[k] for k in ("login", "start", "save", "submit", "errors", "lost_answers",
                                                 "load_before", "load_after", "server_cpu_s", "run_s")}
                         for db, r in results.items()}
    worst["pace_s"] = list(args.pace)
    worst["spread_s"] = args.spread
    print(json.dumps(worst, ensure_ascii=False))


if __name__ == "__main__":
    if "--child" in sys.argv:
        print(json.dumps(child(), ensure_ascii=False))
    else:
        main()
