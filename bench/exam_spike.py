"""Exam-start spike: many examinees start the same exam at once and save their answers at human pace.

    .venv/bin/python bench/exam_spike.py [--database both|sqlite|postgres] [--users 1000] [--questions 50]
        [--spread 10] [--pace 6 18] [--workers 3] [--threads 2]

Against the real server: the script builds a fresh database (SQLite in a temporary
IDEOWORK_VAR_DIR; PostgreSQL in a database it creates and drops on BENCH_POSTGRES_URL's server,
default postgres://postgres@127.0.0.1:5432/ideowork_exam_bench), starts its own gunicorn on a free
port (gthread workers, as scripts/serve.sh), and drives it with aiohttp.

Setup: one city office, ``--users`` cadres in 20 sections, a bank and a fixed ``--questions``-question
exam, published and open. Logins use Argon2, slow on purpose, so the users are signed in before the
spike: their sessions are written directly into the session store (what a successful login writes),
and a handful of users also sign in through the real login form first, to show that path works
(successful logins, so django-axes never locks anyone out).

Spike: every user starts within ``--spread`` seconds, like a browser: opens the exam page (gets the
CSRF token), posts 开始答题, loads the paper, then saves every answer with a JSON POST carrying the
session cookie and the X-CSRFToken header, waiting a random ``--pace`` seconds between answers, and
finally hands in. Afterwards every answer the server acknowledged is looked up in the database.

Prints one JSON line per database, then one JSON line at the end with the worse of the two
(latencies) and the sums (errors, lost answers):
{"users": …, "p50_ms": …, "p95_ms": …, "p99_ms": …, "errors": …, "lost_answers": …, "databases": {…}}
p50/p95/p99 are of the answer saves only; the start and submit requests are reported apart, and
``after_starts`` gives the saves sent once every examinee had their paper (the steady state after
the spike).
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Bench-Exam-2026!"
REAL_LOGINS = 5


# --- the Django side: setup and verification, in a child process ---------------------------------

def _django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()


def child_setup(users: int, questions: int) -> dict:
    _django()
    from datetime import timedelta
    from decimal import Decimal

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.core.management import call_command
    from django.utils import timezone

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.middleware import LAST_SEEN_KEY
    from ideowork.core.models import OrgUnit, User
    from ideowork.learning.actions.exams import do_add_exam_question, do_publish_exam, do_save_exam
    from ideowork.learning.actions.questions import do_create_question

    # The migrated apps first: the learning app (no migrations yet) refers to their tables.
    call_command("migrate", verbosity=0)
    call_command("migrate", run_syncdb=True, verbosity=0)
    city = OrgUnit.objects.create(name="压测市委编办", kind=OrgKind.ORGAN)
    sections = [OrgUnit.objects.create(name=f"第{i + 1}科", parent=city, kind=OrgKind.SECTION) for i in range(20)]
    hashed = make_password(PASSWORD)  # one Argon2 hash shared by every bench user
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
    # Sessions as a successful login leaves them (auth keys and the idle-timeout stamp).
    cookies = {}
    stamp = int(time.time())
    rows = []
    for user in User.objects.filter(role=Role.CADRE).order_by("username")[REAL_LOGINS:]:
        store = SessionStore()
        store.create()  # obtains a unique key
        data = {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(), LAST_SEEN_KEY: stamp}
        rows.append(Session(session_key=store.session_key, session_data=store.encode(data),
                            expire_date=now + timedelta(seconds=settings.SESSION_COOKIE_AGE)))
        cookies[user.username] = store.session_key
    Session.objects.bulk_update(rows, ["session_data", "expire_date"])
    to_login = list(User.objects.filter(role=Role.CADRE).order_by("username")
                    .values_list("username", flat=True)[:REAL_LOGINS])
    return {"exam": exam.pk, "cookies": cookies, "to_login": to_login,
            "session_cookie": settings.SESSION_COOKIE_NAME, "answer_keys": {}}


def child_verify(expected_file: str) -> dict:
    _django()
    from ideowork.learning.models import Answer, Attempt

    expected = json.loads(Path(expected_file).read_text())
    stored = {(a, q): r for a, q, r in Answer.objects.values_list("attempt_id", "question_id", "response")}
    lost = 0
    for attempt_id, question_id, response in expected:
        got = stored.get((attempt_id, question_id), "<missing>")
        if isinstance(response, list) and isinstance(got, list):
            same = [str(x).strip() for x in got] == [str(x).strip() for x in response] or sorted(got) == sorted(response)
        else:
            same = got == response
        if not same:
            lost += 1
    return {"answers_in_db": len(stored), "lost_answers": lost,
            "attempts": Attempt.objects.count(), "submitted": Attempt.objects.exclude(status="in_progress").count()}


def run_child(mode: str, env: dict, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, *args], env=env, capture_output=True,
                         text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.stderr.write(out.stdout[-4000:] + out.stderr[-4000:])
        raise SystemExit(f"bench child {mode} failed")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- the load generator ---------------------------------------------------------------------------

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANSWER_URL_RE = re.compile(r'data-answer-url="([^"]+)"')
QUESTION_RE = re.compile(r'data-question="(\d+)" data-kind="(\w+)"')


def parse_paper(html: str) -> list[dict]:
    """Each question of the paper with what a person could answer (option values, blank count)."""
    paper = []
    for block in html.split('<li class="card exam-q"')[1:]:
        m = QUESTION_RE.search(block)
        qid, kind = int(m.group(1)), m.group(2)
        values = re.findall(rf'name="q{qid}" value="([^"]*)"', block)
        paper.append({"id": qid, "kind": kind, "values": values})
    return paper


def human_answer(q: dict, rng: random.Random):
    """A response as the page's script would send it, and its stored form."""
    if q["kind"] == "single":
        v = rng.choice(q["values"])
        return v, v
    if q["kind"] == "multiple":
        v = sorted(rng.sample(q["values"], rng.randint(1, len(q["values"]))))
        return v, v
    if q["kind"] == "judge":
        v = rng.random() < 0.5
        return v, v
    if q["kind"] == "blank":
        v = [rng.choice(["答案", "要点", "内容"]) + str(rng.randint(1, 60)) for _ in q["values"]]
        return v, v
    v = "作答内容" * rng.randint(1, 20)
    return v, v


class Stats:
    def __init__(self):
        self.saves: list[float] = []
        self.save_sent: list[float] = []  # when each acknowledged save was sent (perf_counter)
        self.starts_done: list[float] = []
        self.starts: list[float] = []
        self.submits: list[float] = []
        self.errors = 0
        self.error_samples: list[str] = []
        self.acknowledged: list[tuple[int, int, object]] = []

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(what[:300])


async def real_login(base: str, username: str, http_session) -> None:  # noqa: D401
    """Sign in through the login form like a browser (CSRF from the form, session cookie kept)."""
    async with http_session.get(f"{base}/login/") as r:
        html = await r.text()
    token = CSRF_RE.search(html).group(1)
    async with http_session.post(f"{base}/login/", data={"csrfmiddlewaretoken": token, "username": username,
                                                         "password": PASSWORD}, allow_redirects=False) as r:
        if r.status != 302:
            raise RuntimeError(f"login of {username} failed: HTTP {r.status}")


async def examinee(base: str, exam: int, jar, args, stats: Stats, rng: random.Random) -> None:
    import aiohttp

    timeout = aiohttp.ClientTimeout(total=args.timeout)
    # Idle connections are dropped by the client before gunicorn's keep-alive (5 s here) ends them, so a
    # request never goes out on a connection the server is closing (a reset, not the app's doing).
    connector = aiohttp.TCPConnector(keepalive_timeout=3)
    async with aiohttp.ClientSession(cookie_jar=jar, timeout=timeout, connector=connector) as http:
        await asyncio.sleep(rng.uniform(0, args.spread))
        try:
            t0 = time.perf_counter()
            async with http.get(f"{base}/learning/exams/{exam}/") as r:
                html = await r.text()
                if r.status != 200:
                    return stats.error(f"exam page HTTP {r.status}")
            token = CSRF_RE.search(html).group(1)
            async with http.post(f"{base}/learning/exams/{exam}/start/", data={"csrfmiddlewaretoken": token}) as r:
                html = await r.text()
                if r.status != 200 or "data-answer-url" not in html:
                    return stats.error(f"start HTTP {r.status} {r.url}")
            stats.starts.append((time.perf_counter() - t0) * 1000)
            stats.starts_done.append(time.perf_counter())
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            return stats.error(f"start {type(exc).__name__}: {exc}")
        answer_url = base + ANSWER_URL_RE.search(html).group(1)
        attempt_id = int(answer_url.rstrip("/").split("/")[-2])
        token = CSRF_RE.search(html).group(1)
        headers = {"X-CSRFToken": token, "Content-Type": "application/json"}
        for q in parse_paper(html):
            await asyncio.sleep(rng.uniform(*args.pace))
            sent, stored = human_answer(q, rng)
            body = json.dumps({"question": q["id"], "response": sent})
            t0 = time.perf_counter()
            try:
                async with http.post(answer_url, data=body, headers=headers) as r:
                    data = await r.json(content_type=None)
                    elapsed = (time.perf_counter() - t0) * 1000
                    if r.status == 200 and data.get("ok"):
                        stats.saves.append(elapsed)
                        stats.save_sent.append(t0)
                        stats.acknowledged.append((attempt_id, q["id"], stored))
                    else:
                        stats.error(f"save HTTP {r.status} {data}")
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
                stats.error(f"save {type(exc).__name__}: {exc}")
        t0 = time.perf_counter()
        try:
            async with http.post(answer_url.replace("/answer/", "/submit/"),
                                 data={"csrfmiddlewaretoken": token}) as r:
                await r.read()
                if r.status != 200 or "/result/" not in str(r.url):
                    stats.error(f"submit HTTP {r.status} {r.url}")
                else:
                    stats.submits.append((time.perf_counter() - t0) * 1000)
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            stats.error(f"submit {type(exc).__name__}: {exc}")


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1)], 1)


async def warm_up(base: str, setup: dict, args) -> list:
    """Before the spike: every worker serves a page once, and some users sign in through the form."""
    import aiohttp
    from yarl import URL

    async with aiohttp.ClientSession() as http:
        for _ in range(args.workers * args.threads * 2):
            async with http.get(f"{base}/login/") as r:
                await r.read()
    jars = []
    for username in setup["to_login"]:
        jar = aiohttp.CookieJar(unsafe=True)  # cookies for 127.0.0.1
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            await real_login(base, username, http)
        jars.append(jar)
    for key in setup["cookies"].values():
        jar = aiohttp.CookieJar(unsafe=True)
        jar.update_cookies({setup["session_cookie"]: key}, response_url=URL(base))
        jars.append(jar)
    return jars


async def drive(base: str, setup: dict, args) -> Stats:
    stats = Stats()
    rng = random.Random(args.seed)
    jars = await warm_up(base, setup, args)
    await asyncio.gather(*(examinee(base, setup["exam"], jar, args, stats, random.Random(rng.random()))
                           for jar in jars))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=50)
    parser.add_argument("--spread", type=float, default=10.0, help="seconds over which the users start")
    parser.add_argument("--pace", type=float, nargs=2, default=(6.0, 18.0), metavar=("MIN", "MAX"),
                        help="seconds a person takes per answer (uniform between MIN and MAX; the default, "
                             "12 s on average, is a brisk examinee: 50 questions in 10 minutes)")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds a request may take before it counts as an error (a browser waits minutes)")
    args = parser.parse_args()
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = {database: run_one(args, database) for database in databases}
    for summary in results.values():
        print(json.dumps(summary, ensure_ascii=False))
    worst = {"users": args.users}
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        worst[key] = max(r[key] for r in results.values())
    for key in ("errors", "lost_answers"):
        worst[key] = sum(r[key] for r in results.values())
    worst["databases"] = {db: {k: r[k] for k in ("p50_ms", "p95_ms", "p99_ms", "errors", "lost_answers",
                                                 "start_p95_ms", "submit_p95_ms")} for db, r in results.items()}
    worst["pace_s"] = list(args.pace)
    print(json.dumps(worst, ensure_ascii=False))


def run_one(args, database: str) -> dict:
    tmp = tempfile.TemporaryDirectory(prefix="exam_spike_")
    env = {**os.environ, "IDEOWORK_VAR_DIR": tmp.name, "IDEOWORK_DEBUG": "0"}
    env.pop("DATABASE_URL", None)
    pg_admin = None
    if database == "postgres":
        url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/ideowork_exam_bench")
        name, pg_admin = url.rsplit("/", 1)[-1], url.rsplit("/", 1)[0] + "/postgres"
        subprocess.run(["psql", pg_admin, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
        subprocess.run(["psql", pg_admin, "-qc", f"CREATE DATABASE {name}"], check=True)
        env["DATABASE_URL"] = url
    server = None
    try:
        t0 = time.perf_counter()
        setup = run_child("setup", env, str(args.users), str(args.questions))
        setup_s = time.perf_counter() - t0
        port = free_port()
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "ideowork.wsgi", "--bind", f"127.0.0.1:{port}", "--workers",
             str(args.workers), "--threads", str(args.threads), "--worker-class", "gthread", "--log-level",
             "warning", "--timeout", "60", "--backlog", "2048", "--keep-alive", "5"],
            env=env, cwd=ROOT, start_new_session=True)
        wait_for(port, server)
        t1 = time.perf_counter()
        stats = asyncio.run(drive(f"http://127.0.0.1:{port}", setup, args))
        run_s = time.perf_counter() - t1
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    expected = Path(tmp.name) / "expected.json"
    expected.write_text(json.dumps(stats.acknowledged, ensure_ascii=False))
    check = run_child("verify", env, str(expected))
    if pg_admin:
        subprocess.run(["psql", pg_admin, "-qc", f"DROP DATABASE IF EXISTS {env['DATABASE_URL'].rsplit('/', 1)[-1]}"],
                       check=False)
    tmp.cleanup()
    if stats.error_samples:
        sys.stderr.write("errors (first ones):\n  " + "\n  ".join(stats.error_samples) + "\n")
    last_start = max(stats.starts_done, default=0)
    steady = [ms for ms, sent in zip(stats.saves, stats.save_sent) if sent > last_start]
    summary = {
        "users": args.users, "p50_ms": percentile(stats.saves, 50), "p95_ms": percentile(stats.saves, 95),
        "p99_ms": percentile(stats.saves, 99), "errors": stats.errors, "lost_answers": check["lost_answers"],
        "database": database, "saves": len(stats.saves), "answers_in_db": check["answers_in_db"],
        "submitted": check["submitted"], "start_p95_ms": percentile(stats.starts, 95),
        "start_max_ms": round(max(stats.starts), 1) if stats.starts else None,
        "submit_p95_ms": percentile(stats.submits, 95),
        "after_starts": {"saves": len(steady), "p50_ms": percentile(steady, 50), "p95_ms": percentile(steady, 95),
                         "p99_ms": percentile(steady, 99)}, "run_s": round(run_s, 1), "setup_s": round(setup_s, 1),
        "workers": f"{args.workers}x{args.threads} gthread", "pace_s": list(args.pace),
        "sessions": f"{REAL_LOGINS} real logins, the rest written to the session store",
    }
    return summary


if __name__ == "__main__":
    if "--child" in sys.argv:
        mode, rest = sys.argv[sys.argv.index("--child") + 1], sys.argv[sys.argv.index("--child") + 2:]
        result = child_setup(int(rest[0]), int(rest[1])) if mode == "setup" else child_verify(rest[0])
        print(json.dumps(result, ensure_ascii=False))
    else:
        main()
