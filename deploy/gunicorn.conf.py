"""gunicorn settings for ideowork behind nginx (deploy/nginx/ideowork.conf).

systemd starts it as ``gunicorn -c /opt/ideowork/deploy/gunicorn.conf.py ideowork.wsgi``
(deploy/systemd/ideowork-web.service). Values can be overridden by GUNICORN_* variables below.
"""

import multiprocessing
import os

import gunicorn.http.wsgi

# Only nginx on this machine talks to gunicorn: a local port, never an outside address (the
# X-Real-IP and X-Forwarded-Proto headers are trusted because of that).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# Exports of a year's ledger and Word documents take seconds; nothing should take two minutes.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Requests bigger than nginx lets through are refused there; these guard gunicorn's own parser.
limit_request_line = 8190
limit_request_fields = 100
accesslog = "-"
errorlog = "-"
loglevel = "warning"
access_log_format = '%({x-real-ip}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms'
proc_name = "ideowork-web"


def _without_server_banner(default_headers):
    """gunicorn (27) writes ``Server: gunicorn`` on every response and has no setting to drop it;
    the response goes through nginx, which writes its own (``server_tokens off``), but a request
    that reaches gunicorn directly (a load balancer's health check) should not name it either."""

    def headers(self):
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    return headers


gunicorn.http.wsgi.Response.default_headers = _without_server_banner(gunicorn.http.wsgi.Response.default_headers)
