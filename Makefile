# Samverkansytan: `make run` starts the demo, `make test` runs every test. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV_ENV := DEBUG=1
# PYTHONDONTWRITEBYTECODE (set on some machines, CI's among them) would make each of the suite's
# processes (test workers, the commands and servers tests start) compile the platform's modules
# and rewrite the tests' asserts again: the tests write the compiled files once and reuse them.
TEST_ENV := SAMVERKAN_TESTING=1 DJANGO_ALLOW_ASYNC_UNSAFE=true PYTHONDONTWRITEBYTECODE=
PYTEST_ARGS ?= -n auto


.PHONY: system-libs
.PHONY: help run dev worker local-env static install install-test chromium test test-fast test-sqlite test-postgres lint format messages demo superuser clean bench bench-matching
.PHONY: wrk load bench-register profile-pages

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/bin/activate:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv is missing; installing it from Debian's packages"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }

# WeasyPrint (minutes as PDF) needs Pango and HarfBuzz from Debian.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system-libs:
	@ldconfig -p | grep -q libpangoft2 && ldconfig -p | grep -q libharfbuzz-subset || { \
	  echo "Installing the PDF libraries from Debian's packages"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(PDF_LIBS); }

# uv installs the same packages as pip from the same index (PyPI), in seconds instead of a minute:
# it is itself installed with pip, into the virtual environment. PIP=pip uses pip alone.
PIP ?= uv
ifeq ($(PIP),uv)
PIP_INSTALL = $(PY) -m pip install -q --disable-pip-version-check uv && $(VENV)/bin/uv pip install -q --python $(PY)
else
PIP_INSTALL = $(PY) -m pip install -q --disable-pip-version-check
endif

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml | system-libs
	$(PIP_INSTALL) -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP_INSTALL) -e '.[test]'
	@touch $@

install: $(VENV)/.installed ## create the virtual environment and install the platform

install-test: $(VENV)/.installed-test chromium ## install the test dependencies and Chromium

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium: ## install Debian's Chromium for the browser tests, when it is missing
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

demo: install ## migrate the SQLite database and load the Malmöandan demo data (idempotent)
	$(DEV_ENV) $(PY) -m samverkan migrate --noinput
	$(DEV_ENV) $(PY) -m samverkan load_demo

# var/local.env: the demo's secret (made once, mode 0600), SITE_URL for PORT, plain HTTP on
# 127.0.0.1 and the outbox for e-mail; settings.py reads it when no variable says otherwise.
LOCAL_ENV := var/local.env
local-env: $(VENV)/.installed
	@$(PY) -m samverkan.local_env $(LOCAL_ENV) --port $(PORT)

# collectstatic (hashing and compressing takes a while) again only when a static file changed.
STATIC_STAMP := var/static/.collected
$(STATIC_STAMP): $(VENV)/.installed $(shell find samverkan -path '*/static/*' -type f 2>/dev/null)
	@echo "Collecting the static files into var/static (the first time takes a minute)"
	@$(PY) -m samverkan collectstatic --noinput --verbosity 0
	@touch $@

static: local-env $(STATIC_STAMP)

# The worker (e-mail, periodic jobs) runs beside the web server in the background and stops with
# it: the trap ends it when the server exits or Ctrl+C stops the recipe. Production runs the
# worker as a service of its own (README).
WORKER = $(PY) -m samverkan run_worker
with_worker = $(1) $(WORKER) & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; $(2)

# make run serves through gunicorn, as production does: one process with threads, so that the page
# cache it keeps in memory sees every write (production shares it between processes via REDIS_URL).
run: demo local-env static ## the demo as production serves it (DEBUG off) on http://127.0.0.1:8000 (PORT overrides), with its worker
	@echo "Samverkansytan: http://127.0.0.1:$(PORT)/  e-mail: http://127.0.0.1:$(PORT)/utkorg/  (demo users: see README)"
	@$(call with_worker,,$(PY) -m gunicorn samverkan.wsgi --preload --bind 127.0.0.1:$(PORT) --workers 1 --threads 8 --access-logfile -)

dev: demo local-env ## for developers: DEBUG=1, reloads on code changes, same port and outbox as run, with its worker
	@echo "Samverkansytan (DEBUG): http://127.0.0.1:$(PORT)/  e-mail: http://127.0.0.1:$(PORT)/utkorg/"
	@$(call with_worker,$(DEV_ENV),$(DEV_ENV) $(PY) -m samverkan runserver 127.0.0.1:$(PORT))

worker: install ## the background worker alone (e-mail with retries, periodic jobs), as production runs it
	$(WORKER)

# pytest's exit code 5 means that no test ran: that is a failure here.
define run_pytest
	$(1) $(PY) -m pytest $(PYTEST_ARGS) $(2); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc
endef

test: install-test ## run the whole suite on SQLite, and on PostgreSQL when DATABASE_URL is set
	@$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres AFTER_SQLITE=1; \
	 else echo "DATABASE_URL is not set: PostgreSQL run skipped (.ci/run sets it)"; fi

test-fast: $(VENV)/.installed-test ## the inner loop: SQLite only, without the browser tests, in parallel
	@$(call run_pytest,env -u DATABASE_URL $(TEST_ENV),-m "not browser")

test-sqlite: $(VENV)/.installed-test
	@echo "== tests on SQLite =="
	@$(call run_pytest,env -u DATABASE_URL $(TEST_ENV),)

# After the SQLite half (make test), the tests that read no test database, and the browser tests
# (what Chromium is sent and shows is the same on both databases), are not run again;
# `make test-postgres` on its own runs every test.
test-postgres: $(VENV)/.installed-test
	@echo "== tests on PostgreSQL ($$DATABASE_URL) =="
	@$(call run_pytest,$(TEST_ENV),$(if $(AFTER_SQLITE),-m "not database_independent and not browser"))

lint: $(VENV)/.installed-test ## ruff, formatting and missing migrations
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(TEST_ENV) $(PY) -m samverkan makemigrations --check --dry-run

format: $(VENV)/.installed-test ## fix what ruff can fix
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

messages: ## update the Swedish catalogue and compile it (needs gettext)
	cd samverkan && $(DEV_ENV) ../$(PY) -m samverkan makemessages -l sv --no-obsolete --ignore='.venv/*'
	cd samverkan && $(DEV_ENV) ../$(PY) -m samverkan compilemessages -l sv

superuser: install ## create an administrator account
	$(DEV_ENV) $(PY) -m samverkan createsuperuser

clean: ## remove the virtual environment, the local database and var/ (but not var/backups)
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm
	@[ ! -d var ] || find var -mindepth 1 -maxdepth 1 ! -name backups -exec rm -rf {} +

BENCH_SCALE ?= 10
BENCH_JSON ?= var/bench.json
LOAD_USERS ?= 200
LOAD_DURATION ?= 300

wrk: ## install Debian's wrk (the HTTP load generator of make bench), when it is missing
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }

bench: $(VENV)/.installed wrk ## key pages under gunicorn vs. a minimal view, anonymous cached / ombud / coordinator / caches off: req/s, p50, p95 (BENCH_SCALE, BENCH_JSON, BENCH_PAGES, BENCH_COLUMNS; BENCH_DATABASE_URL, default samverkan_bench)
	$(PY) benchmarks/web.py --scale $(BENCH_SCALE) --json $(BENCH_JSON)

# Twice: as production is configured, then with every cache off (settings.CACHES_OFF).
profile-pages: $(VENV)/.installed ## where each key page's time goes, per visitor, in-process: median, queries, SQL time, slowest query (DATABASE_URL, PROFILE_ROUNDS, PROFILE_PAGES)
	$(PY) benchmarks/profile_pages.py
	CACHES_OFF=1 $(PY) benchmarks/profile_pages.py

$(VENV)/.installed-bench: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[bench]'
	@touch $@

load: $(VENV)/.installed-bench ## LOAD_USERS simulated people for LOAD_DURATION s: errors, latency, worker memory (BENCH_DATABASE_URL, default samverkan_bench)
	$(PY) benchmarks/load.py --scale $(BENCH_SCALE) --users $(LOAD_USERS) --duration $(LOAD_DURATION)

bench-register: $(VENV)/.installed-test ## the register's pages in-process (BENCH_SCALE associations, BENCH_ROUNDS; DATABASE_URL for PostgreSQL)
	$(PY) benchmarks/register.py

bench-matching: $(VENV)/.installed-test ## the matcher: top-10 time over 100 000 postings, precision on the labelled pairs (DATABASE_URL for PostgreSQL)
	$(PY) benchmarks/matching.py

.PHONY: bench-report
bench-report: $(VENV)/.installed ## the annual report: compile + PDF/spreadsheet/HTML times at scale (BENCH_DATABASE_URL, default samverkan_bench)
	$(PY) benchmarks/annual_report.py

.PHONY: scale-data
SCALE ?= 10
scale-data: install ## fill DATABASE_URL with city-scale data (SCALE=1 is Malmö today; default 10): migrate, demo, generate
	$(DEV_ENV) $(PY) -m samverkan migrate --noinput
	$(DEV_ENV) $(PY) -m samverkan load_demo
	$(DEV_ENV) $(PY) -m samverkan generate_scale_data --scale $(SCALE) --replace

.PHONY: backup restore
BACKUP_DIR ?= var/backups
backup: install ## back up the database (DATABASE_URL) and the uploaded files into BACKUP_DIR (default var/backups)
	BACKUP_DIR=$(BACKUP_DIR) $(DEV_ENV) $(PY) -m samverkan backup --media

restore: install ## replace the database with BACKUP=<file> (and the uploaded files with MEDIA=<archive>); asks first
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/samverkan-<stamp>.dump [MEDIA=var/backups/samverkan-<stamp>.media.tar.gz]"; exit 2; }
	$(DEV_ENV) $(PY) -m samverkan restore "$(BACKUP)" $(if $(MEDIA),--media "$(MEDIA)")
