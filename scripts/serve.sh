#!/usr/bin/env bash
# Serve ideowork on 127.0.0.1:8000 with its task-queue consumer beside it; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
.venv/bin/ideowork run_huey --quiet &
consumer=$!
trap 'kill "$consumer" 2>/dev/null || true' EXIT INT TERM
echo "ideowork 正在运行：http://${HOST}:${PORT}  （Ctrl-C 停止）"
exec_status=0
.venv/bin/gunicorn ideowork.wsgi --bind "${HOST}:${PORT}" --workers 3 --threads 2 --access-logfile - --log-level warning || exec_status=$?
exit "$exec_status"
