# quizsite: `make run` starts the site with demo data, `make test` runs the whole test suite.
# Both set up everything they need and can be run again (idempotent).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup venv browser lint format bench

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: venv
	DEBUG=1 $(PY) manage.py migrate --no-input -v 0
	DEBUG=1 $(PY) manage.py loaddata -v 0 fixtures/*.json
	DEBUG=1 $(PY) manage.py validate_facts
	DEBUG=1 $(PY) manage.py setup_demo

run: setup
	@echo ""
	@echo "  quizsite démarre sur http://$(HOST):$(PORT)/   (administration : http://$(HOST):$(PORT)/admin/)"
	@echo ""
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: venv browser lint
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest

bench: venv
	$(PY) bench/engine_generation.py
