# The two commands a new user needs: `make run` (server with demo content) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint serve bench backup restore fuzz audit install install-dev clean

$(PY):
	@python=$$(sh scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(PY) pyproject.toml
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: export DJANGO_DEBUG ?= true
run: export WEBHOOK_ALLOW_LOOPBACK ?= true
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_superuser
	PORT=$(PORT) sh scripts/serve-dev

test: install-dev
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

# Production-style serving: gunicorn, DEBUG off (DJANGO_SECRET_KEY etc. from the
# environment), static files by whitenoise; WEB_CONCURRENCY sets the worker count.
serve: install
	DJANGO_DEBUG=false $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --noinput -v0
	DJANGO_DEBUG=false $(VENV)/bin/gunicorn project.wsgi --bind 127.0.0.1:$(PORT)  # + gunicorn.conf.py

$(VENV)/.installed-bench: $(VENV)/.installed-dev
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	@touch $@

# The real server under wrk on generated content; see bench/README.md.
bench: $(VENV)/.installed-bench
	$(PY) bench/run.py $(BENCH_ARGS)

# Backups of the configured database (DATABASE_URL): pg_dump/pg_restore on PostgreSQL,
# dumpdata/loaddata with natural keys on SQLite. `make restore BACKUP=backups/….dump`.
backup: install
	$(PY) manage.py backup $(BACKUP)

restore: install
	@test -n "$(BACKUP)" || { echo "Usage: make restore BACKUP=path/to/backup"; exit 2; }
	$(PY) manage.py restore $(BACKUP)

# Schemathesis against the real server (gunicorn, DEBUG off, demo content): every phase
# and check. FUZZ_EXAMPLES per operation (default 100), FUZZ_MAX_TIME in seconds.
fuzz: install-dev
	sh scripts/fuzz

# Known vulnerabilities in the installed (pinned) dependencies, from PyPI's advisory data;
# --strict: a dependency that cannot be audited fails the run.
audit: install-dev
	$(VENV)/bin/python -m pip freeze --exclude-editable > .venv/audit-requirements.txt
	$(VENV)/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off \
		-r .venv/audit-requirements.txt

lint: install-dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) db.sqlite3
