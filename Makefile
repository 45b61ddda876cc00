# Samverkansytan: `make run` starts the demo, `make test` runs every test. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV_ENV := DEBUG=1
TEST_ENV := SAMVERKAN_TESTING=1 DJANGO_ALLOW_ASYNC_UNSAFE=true
PYTEST_ARGS ?= -n auto


.PHONY: system-libs
.PHONY: help run install install-test chromium test test-sqlite test-postgres lint format messages demo superuser clean bench bench-matching

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

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml | system-libs
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

install: $(VENV)/.installed ## create the virtual environment and install the platform

install-test: $(VENV)/.installed-test chromium ## install the test dependencies and Chromium

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
chromium: ## install Debian's Chromium for the browser tests, when it is missing
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

demo: install ## migrate the SQLite database and load the Malmöandan demo data (idempotent)
	$(DEV_ENV) $(PY) -m samverkan migrate --noinput
	$(DEV_ENV) $(PY) -m samverkan load_demo

run: demo ## install, load the demo data and serve on http://127.0.0.1:8000 (PORT overrides)
	@echo "Samverkansytan: http://127.0.0.1:$(PORT)/  (demo users: see README)"
	$(DEV_ENV) $(PY) -m samverkan runserver 127.0.0.1:$(PORT)

# pytest's exit code 5 means that no test ran: that is a failure here.
define run_pytest
	$(1) $(PY) -m pytest $(PYTEST_ARGS) $(2); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc
endef

test: install-test ## run the whole suite on SQLite, and on PostgreSQL when DATABASE_URL is set
	@$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	 else echo "DATABASE_URL is not set: PostgreSQL run skipped (.ci/run sets it)"; fi

test-sqlite: $(VENV)/.installed-test
	@echo "== tests on SQLite =="
	@$(call run_pytest,env -u DATABASE_URL $(TEST_ENV),)

test-postgres: $(VENV)/.installed-test
	@echo "== tests on PostgreSQL ($$DATABASE_URL) =="
	@$(call run_pytest,$(TEST_ENV),)

lint: $(VENV)/.installed-test ## ruff, formatting and missing migrations
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(TEST_ENV) $(PY) -m samverkan makemigrations --check --dry-run

format: $(VENV)/.installed-test ## fix what ruff can fix
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

messages: ## update the Swedish catalogue and compile it (needs gettext)
	cd samverkan && $(DEV_ENV) ../$(PY) -m samverkan makemessages -l sv --no-obsolete --ignore='.venv/*'
	cd samverkan && $(DEV_ENV) ../$(PY) -m samverkan compilemessages -l sv

superuser: install ## create an administrator account
	$(DEV_ENV) $(PY) -m samverkan createsuperuser

clean: ## remove the virtual environment and the local database
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm var

bench: $(VENV)/.installed-test ## benchmark the register's pages (BENCH_SCALE, BENCH_ROUNDS; DATABASE_URL for PostgreSQL)
	$(PY) benchmarks/register.py

bench-matching: $(VENV)/.installed-test ## the matcher: top-10 time over 100 000 postings, precision on the labelled pairs (DATABASE_URL for PostgreSQL)
	$(PY) benchmarks/matching.py
