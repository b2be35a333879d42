"""What production relies on: the load balancer's /healthz, the security headers, no default host
a request can forge, `check --deploy` clean with deploy/ideowork.env.example, and no server banner
from gunicorn with deploy/gunicorn.conf.py."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ideowork.core.models import AuditEvent

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_ENV = ROOT / "deploy" / "ideowork.env.example"


def example_env(tmp_path) -> dict:
    """The example production environment, with a dummy secret and scratch directories (and nothing
    of the test run's environment but the path)."""
    env = {"PATH": os.environ["PATH"], "LANG": "C.UTF-8"}
    for line in EXAMPLE_ENV.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    for name in ("VAR_DIR", "MEDIA_ROOT", "STATIC_ROOT", "BACKUP_DIR"):
        env[f"IDEOWORK_{name}"] = str(tmp_path / name.lower())
    env["IDEOWORK_SECRET_KEY"] = "ci-dummy-" + "x7Qp2LmZ9vT4kR8sW1nB6yH3jD5fG0cA" * 2
    key_file = tmp_path / "audit.key"
    key_file.write_text("ci-dummy-audit-key-" + "Qm3vX8pL2sT9" * 4 + "\n")
    env["IDEOWORK_AUDIT_KEY_FILE"] = str(key_file)
    return env


def test_the_example_production_environment_passes_the_deployment_check(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ideowork", "check", "--deploy", "--fail-level", "WARNING"],
                            env=example_env(tmp_path), cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deployment_check_refuses_a_missing_audit_key_file(tmp_path):
    env = {**example_env(tmp_path), "IDEOWORK_AUDIT_KEY_FILE": str(tmp_path / "absent.key")}
    result = subprocess.run([sys.executable, "-m", "ideowork", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0 and "ideowork.E002" in result.stdout + result.stderr


def settings_value(env: dict, expression: str) -> str:
    code = f"import django; django.setup(); from django.conf import settings; print({expression})"
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_the_default_hosts_do_not_include_testserver(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("IDEOWORK_")}
    env.update(DJANGO_SETTINGS_MODULE="ideowork.settings", IDEOWORK_VAR_DIR=str(tmp_path))
    assert settings_value(env, "settings.ALLOWED_HOSTS") == "['127.0.0.1', 'localhost']"
    assert settings_value(env, "(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS)") == "(False, 0)"


def test_the_example_environment_turns_https_on(tmp_path):
    value = settings_value(example_env(tmp_path), "(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS, "
                                                  "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
                                                  "settings.SECURE_PROXY_SSL_HEADER)")
    assert value == "(True, 31536000, True, True, ('HTTP_X_FORWARDED_PROTO', 'https'))"


def test_health_answers_without_login_audit_or_cookies(db, client):
    before = AuditEvent.objects.count()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"
    assert len(queries) <= 2  # the database check; no session, no user
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]
    assert AuditEvent.objects.count() == before
    assert client.post("/healthz").status_code == 405


def test_health_reports_an_unreachable_database_as_unavailable(db, client, monkeypatch):
    from django.db import connection

    def refuse():
        raise OSError("connection refused")

    with monkeypatch.context() as patched:  # undone before the test database is torn down
        patched.setattr(connection, "cursor", refuse)
        response = client.get("/healthz")
    assert response.status_code == 503 and response.content == b"unavailable\n"


def test_health_stays_ok_when_the_cache_is_down(db, client, settings):
    """Pages work without the cache, and Redis is shared: losing it must not empty the balancer."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_health_is_exempt_from_the_https_redirect(db, client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/login/").status_code == 301


def test_every_response_carries_the_permissions_policy(db, client, org, login):
    for response in (client.get("/login/"), client.get("/healthz"), login(org.cadre).get("/")):
        policy = response["Permissions-Policy"]
        assert "camera=()" in policy and "microphone=()" in policy and "geolocation=()" in policy


def test_behind_the_proxy_the_client_address_is_nginxs_x_real_ip(rf):
    from ideowork.core.middleware import ProxiedClientMiddleware

    seen = {}
    middleware = ProxiedClientMiddleware(lambda request: seen.setdefault("addr", request.META["REMOTE_ADDR"]))
    middleware(rf.get("/", HTTP_X_REAL_IP="10.8.1.23", REMOTE_ADDR="127.0.0.1"))
    assert seen["addr"] == "10.8.1.23"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn_server(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DJANGO_SETTINGS_MODULE="ideowork.settings", IDEOWORK_VAR_DIR=str(tmp_path))
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
                               "--bind", f"127.0.0.1:{port}", "--workers", "1", "ideowork.wsgi"],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/healthz"
    deadline = time.monotonic() + 120  # a guard against a server that never starts, not a wait
    try:
        while True:
            try:
                response = urllib.request.urlopen(url, timeout=30)
            except OSError:  # not listening yet, or its worker still starting (URLError, timeouts)
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
            else:
                yield response
                break
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_gunicorn_sends_no_server_banner(gunicorn_server):
    response = gunicorn_server
    assert response.status == 200
    assert response.headers.get("Server") is None
    assert response.headers.get("Permissions-Policy")
