# quizsite: `make run` starts the site with demo data, `make test` runs the whole test suite
# (on SQLite, then on a throw-away PostgreSQL server with a throw-away Redis, then the
# two-server check), `make prod` starts the production stack.
# Both set up everything they need and can be run again (idempotent).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# make test draws every example each property test asks for (a plain `pytest` draws a tenth,
# .ci/run replays a fixed set): tests/hypothesis_profiles.py.
HYPOTHESIS_PROFILE ?= thorough
export HYPOTHESIS_PROFILE

.PHONY: run test test-sqlite test-postgres prod setup venv browser postgresql redis xmllint lint format bench two-servers

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup: venv messages
	DEBUG=1 $(PY) manage.py migrate --no-input -v 0
	DEBUG=1 $(PY) manage.py loaddata -v 0 fixtures/*.json
	DEBUG=1 $(PY) manage.py validate_facts
	DEBUG=1 $(PY) manage.py setup_demo --passwords published
	DEBUG=1 $(PY) manage.py housekeeping --schedule

# The site and, beside it, the background worker that reads teachers' texts (django-tasks'
# database worker); stopping the site (Ctrl+C) stops the worker too.
run: setup
	@echo ""
	@echo "  quizsite démarre sur http://$(HOST):$(PORT)/   (administration : http://$(HOST):$(PORT)/admin/)"
	@echo "  lecture des textes en arrière-plan : manage.py db_worker (démarré avec le site)"
	@echo ""
	@DEBUG=1 $(PY) manage.py db_worker --interval 1 --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

# The English catalogue (locale/en) compiled with GNU gettext's msgfmt, installed if missing.
.PHONY: messages
messages: venv
	@command -v msgfmt >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null)
	DEBUG=1 $(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=staticfiles

# Debian's Chromium drives the browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

# Debian's PostgreSQL server for the second test run (.ci/with-postgres starts its own cluster).
postgresql:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

# Debian's Redis server for the PostgreSQL run and the two-server check (.ci/with-redis starts
# its own throw-away server).
redis:
	@command -v redis-server >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The audit suite (tests/audit): axe-core is vendored; the Nu HTML Checker (32 MB) is fetched
# once from npm and run with Debian's Java. Tests never download anything.
VNU_VERSION := 26.9.27
VNU_JAR := tests/audit/vendor/vnu.jar

.PHONY: audit-deps
audit-deps: $(VNU_JAR)
	@command -v java >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null)

$(VNU_JAR):
	@command -v npm >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null)
	tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent vnu-jar@$(VNU_VERSION) >/dev/null && tar xzf vnu-jar-$(VNU_VERSION).tgz) && cp $$tmp/package/build/dist/vnu.jar $@; status=$$?; rm -rf $$tmp; exit $$status

# xmllint checks exported Moodle XML offline (tests/exports).
xmllint:
	@command -v xmllint >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null)

test: venv browser audit-deps postgresql redis xmllint lint messages
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=1 LTI_ENABLED=1 $(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory two-servers

test-sqlite: venv
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL -u REDIS_URL $(VENV)/bin/pytest

test-postgres: venv postgresql redis
	@echo "== test suite on PostgreSQL + Redis =="
	.ci/with-postgres .ci/with-redis $(VENV)/bin/pytest

# Two gunicorn servers on two ports sharing one PostgreSQL, one Redis and one task worker:
# students switch server mid-attempt, throttling counts across both (bench/two_servers.py).
two-servers: venv postgresql redis
	@echo "== two app servers, one PostgreSQL, one Redis, one worker =="
	$(PY) bench/two_servers.py

# The production stack, locally: DEBUG off, hashed and compressed static files served by
# whitenoise, gunicorn (gunicorn.conf.py), a fresh SECRET_KEY unless one is set.
prod: venv messages
	@set -e; \
	export DEBUG=0 HOST=$(HOST) PORT=$(PORT); \
	export ALLOWED_HOSTS="$${ALLOWED_HOSTS:-$(HOST),localhost}"; \
	export SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')}"; \
	$(PY) manage.py collectstatic --no-input -v 0; \
	$(PY) manage.py migrate --no-input -v 0; \
	$(PY) manage.py loaddata -v 0 fixtures/*.json; \
	$(PY) manage.py setup_demo --passwords random; \
	$(PY) manage.py housekeeping --schedule; \
	echo ""; \
	echo "  quizsite (production : gunicorn, DEBUG désactivé) sur http://$(HOST):$(PORT)/   (santé : /healthz)"; \
	echo "  lecture des textes en arrière-plan : manage.py db_worker (démarré avec le site)"; \
	echo ""; \
	$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn --config gunicorn.conf.py

bench: venv
	$(PY) bench/engine_generation.py

# Reading teachers' texts: speed and memory (in process and a real worker), quality against the
# annotated texts, seed fixture reproducibility (docs/extraction.md, docs/benchmarks.md).
.PHONY: bench-extraction
bench-extraction: venv
	$(PY) bench/extraction_speed.py
	$(PY) bench/extraction_quality.py --all --markdown
	$(PY) bench/extraction_seed.py

# Load benchmark (docs/benchmarks.md): gunicorn + wrk on 127.0.0.1, SQLite then PostgreSQL
# (throw-away cluster), each page's req/s compared with a trivial view. About 5 minutes.
.PHONY: bench-load bench-faults
bench-load: venv postgresql
	@command -v wrk >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	$(PY) bench/load/run.py

# Fault test: PostgreSQL restarted three times under a student's traffic (clean 503s, no
# answer lost or saved twice).
bench-faults: venv postgresql
	$(PY) bench/faults/pg_restart.py
