# ideowork — the two commands of the README, and the benchmarks.
#   make run    install everything, migrate SQLite under var/, load the demo, serve on 127.0.0.1:8000
#   make test   install what tests need (Chromium included) and run the whole suite
#   make bench  run the benchmarks in bench/
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
IDEOWORK := $(VENV)/bin/ideowork
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
PYTEST_ARGS ?=

.PHONY: run test bench install install-test browser fonts serve demo clean

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check -r requirements.lock
	$(PIP) install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(PIP) install --quiet --disable-pip-version-check -r requirements-test.lock
	touch $@

install: $(VENV)/.installed node_modules/.installed

install-test: install $(VENV)/.installed-test browser

# Debian's Chromium drives the browser tests; Noto CJK renders the Chinese pages.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# Noto CJK also writes the Chinese on the briefings' chart images (opinion/charts.py); without it the
# charts are drawn with figures and dates only, so a machine that cannot install it still runs.
fonts:
	@if [ ! -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then \
		($(SUDO) apt-get update -qq && \
		 DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq fonts-noto-cjk >/dev/null) || \
		echo "未能安装 fonts-noto-cjk：简报图表将不带中文图例和坐标轴名称。"; \
	fi

demo: install fonts
	$(IDEOWORK) migrate --noinput -v0
	$(IDEOWORK) demo

run: demo
	scripts/serve.sh

test: install-test
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

bench: install $(VENV)/.installed-test
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf var/ staticfiles/
