"""What the benchmarks share: a child process per database, a PostgreSQL database made for the
run, and timing requests through the test client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["run_child", "postgres_url", "postgres_database", "time_requests"]


# Benchmarks drive the stack with Django's test client, whose host is "testserver"; the settings'
# default hosts leave it out (tests/core/test_deployment.py), so a benchmark's process allows it.
BENCH_HOSTS = "testserver,127.0.0.1,localhost"


def run_child(script: str, env_extra: dict, drop: tuple = ("DATABASE_URL",), args: tuple = ()) -> dict:
    """Run ``script --child ARGS`` with the environment changed; its last line is its JSON result."""
    env = {**{k: v for k, v in os.environ.items() if k not in drop}, **env_extra}
    env.setdefault("IDEOWORK_ALLOWED_HOSTS", BENCH_HOSTS)
    out = subprocess.run([sys.executable, script, "--child", *args], env=env, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"benchmark child failed ({env_extra})")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(json.dumps(result, ensure_ascii=False))
    return result


def postgres_url(default_name: str) -> str:
    """The database a PostgreSQL run creates and drops — never the one DATABASE_URL names:
    BENCH_POSTGRES_URL, else DATABASE_URL's with ``_bench`` after the name, else a local default."""
    if os.environ.get("BENCH_POSTGRES_URL"):
        return os.environ["BENCH_POSTGRES_URL"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return os.environ["DATABASE_URL"].split("?", 1)[0] + "_bench"
    return f"postgres://postgres@127.0.0.1:5432/{default_name}"


@contextmanager
def postgres_database(url: str):
    """A fresh, empty database at ``url`` for the run, dropped afterwards."""
    name = url.rsplit("/", 1)[-1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin_url, "-qc", f"CREATE DATABASE {name}"], check=True)
    try:
        yield url
    finally:
        subprocess.run(["psql", admin_url, "-qc", f"DROP DATABASE IF EXISTS {name}"], check=False)


def time_requests(client, url: str, requests: int, before=None) -> dict:
    """p50 and p95 in ms of ``requests`` GETs of ``url`` (``before()`` runs untimed before each):
    wall-clock time, and the CPU time of this process (``cpu_``), which other work on a shared
    machine inflates far less (it leaves out a PostgreSQL server's own time)."""
    samples, cpu = [], []
    for _ in range(requests):
        if before:
            before()
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(url)
        samples.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200, response.status_code
    return {**_percentiles(samples), **{f"cpu_{k}": v for k, v in _percentiles(cpu).items()}}


def _percentiles(samples: list[float]) -> dict:
    samples = sorted(samples)
    return {"p50": round(samples[len(samples) // 2], 1), "p95": round(samples[int(len(samples) * 0.95) - 1], 1)}


def setup_django() -> None:
    """Set Django up in a benchmark's child process: the project's settings, the checkout importable."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("IDEOWORK_ALLOWED_HOSTS", BENCH_HOSTS)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()


def child_or_main(child, main) -> None:
    """A benchmark script's entry: ``--child`` runs ``child()`` and prints its result as the last line
    (what ``run_child`` reads); otherwise ``main()`` starts the children."""
    if "--child" in sys.argv:
        print(json.dumps(child(), ensure_ascii=False))
    else:
        main()


def status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status (VmRSS, VmHWM …) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux 4.0+); False if the kernel refuses."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def run_databases(script: str, postgres_name: str, args: tuple = ()) -> dict:
    """Run ``script --child ARGS`` once per database named in ``BENCH_DATABASES`` (both by default): SQLite
    in a scratch directory, PostgreSQL in a database made and dropped for the run. {vendor: result}."""
    import tempfile

    databases = os.environ.get("BENCH_DATABASES", "sqlite,postgres").split(",")
    results = {}
    if "sqlite" in databases:
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = run_child(script, {"IDEOWORK_VAR_DIR": tmp}, drop=("DATABASE_URL", "REDIS_URL"),
                                          args=args)
    if "postgres" in databases:
        with postgres_database(postgres_url(postgres_name)) as url, tempfile.TemporaryDirectory() as tmp:
            results["postgres"] = run_child(script, {"IDEOWORK_VAR_DIR": tmp, "DATABASE_URL": url}, args=args)
    return results
