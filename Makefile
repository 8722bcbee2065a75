# Brücke — `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# gunicorn processes and threads per process. Threads of one process share a
# core (Python's global lock), so on 2 cores three single-threaded processes
# answered the mixed load of `make bench` faster and with a lower p95 than
# 2 processes x 4 threads (docs/benchmarks.md). scripts/benchload.py uses the same.
WORKERS ?= 3
THREADS ?= 1
# `make run` serves in production mode over plain HTTP on this machine; the
# secret lives in var/ and is created once.
RUN_ENV := SECRET_KEY_FILE=var/secret_key HTTPS=0
export DJANGO_SETTINGS_MODULE := bruecke.settings

.PHONY: help install install-dev pdf-deps migrate demo run dev test lint typecheck pytest browser-deps messages translations clean

help:
	@echo "make run    install, migrate, load the demo and serve on http://$(HOST):$(PORT)"
	@echo "make test   install test tools and run ruff, mypy and every test (browser tests included)"
	@echo "make dev    auto-reloading development server (DEBUG=1)"
	@echo "make messages   extract translatable strings into bruecke/locale/*/LC_MESSAGES/django.po"
	@echo "make bench  measure the budgets of PRODUCT.md into docs/benchmarks.md (BENCH_SCALES=city skips state)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.main: requirements/main.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements/main.lock
	@rm -f $(VENV)/.dev
	@touch $@

$(VENV)/.dev: requirements/dev.lock | $(PY)
	$(PY) -m pip install --quiet --require-hashes -r requirements/dev.lock
	@touch $@ $(VENV)/.main

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

install: $(VENV)/.main var/secret_key translations pdf-deps

install-dev: $(VENV)/.dev var/secret_key translations pdf-deps

# WeasyPrint (PDF exports of reports) needs Pango from the system.
pdf-deps:
	@if ! /sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Pango for PDF exports ..."; \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
		else \
			echo "PDF exports need Pango: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
		fi; \
	fi

translations: $(VENV)/.main
	@$(PY) scripts/compile-translations

migrate: install
	$(RUN_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(PY) manage.py seed --scale demo --if-empty

run: demo
	@$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v 0
	@echo "Brücke is serving on http://$(HOST):$(PORT)/ (staff login: http://$(HOST):$(PORT)/anmelden/)"
	$(RUN_ENV) $(VENV)/bin/gunicorn bruecke.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --threads $(THREADS) \
		--timeout 120 --access-logfile - --logger-class bruecke.lib.gunicorn_logger.MaskingLogger --forwarded-allow-ips 127.0.0.1

dev: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed --scale demo --if-empty
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

browser-deps:
	@if ! command -v chromium >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian's chromium for the browser tests ..."; \
			apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core; \
		else \
			echo "The browser tests need Debian's chromium at /usr/bin/chromium."; \
			echo "Please run: sudo apt-get install chromium fonts-dejavu-core"; exit 1; \
		fi; \
	fi

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.dev
	SECRET_KEY_FILE=var/secret_key $(VENV)/bin/mypy bruecke

pytest: install-dev browser-deps
	SECRET_KEY_FILE=var/secret_key $(VENV)/bin/pytest -n 2 $(PYTEST_ARGS)

test: install-dev browser-deps lint typecheck pytest

LOCALES := en ar tr uk ro bg pl

messages: $(VENV)/.dev
	cd bruecke && SECRET_KEY_FILE=../var/secret_key ../$(PY) ../manage.py makemessages $(addprefix -l ,$(LOCALES)) \
		--no-obsolete --no-location --ignore 'static/*'

# Builds var/bench/{city,state}.sqlite3 once (long for state), then measures.
bench: install
	$(PY) scripts/bench

clean:
	rm -rf $(VENV) var/static
