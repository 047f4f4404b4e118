# allvoices: two commands. `make demo` runs the whole loop locally; `make test` runs every check
# (`make unit` is the quick run without the slow fault tests).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NHSUK := bot/web/static/nhsuk/nhsuk.css
# Test processes: one per core, at most four (the suite waits on real processes and databases as much as it computes).
WORKERS ?= auto

.PHONY: demo test lint check-types unit install clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

# The NHS.UK frontend, compiled from the npm package into bot/web/static/nhsuk/ (not committed).
$(NHSUK): package.json package-lock.json bot/web/static/src/nhsuk.scss
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	else \
		echo "npm not found: the dashboard will work but look unstyled (install Node.js and npm)"; \
	fi

install: $(STAMP) $(NHSUK)

demo: $(STAMP) $(NHSUK)
	$(BIN)/allvoices db upgrade
	$(BIN)/allvoices demo-users
	ALLVOICES_SIMULATOR=on $(BIN)/allvoices demo

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check bot channels flows storage
	$(BIN)/mypy --strict
	$(BIN)/lint-imports --no-cache

# The quick run: everything but the slow fault tests (real gunicorn, killed processes, a frozen database).
unit: $(STAMP) $(NHSUK)
	$(BIN)/python -m pytest -n $(WORKERS) --maxprocesses=4 -m "not slow"

# Everything: lint, then the whole suite, slow fault tests included.
test: lint $(STAMP) $(NHSUK)
	$(BIN)/python -m pytest -n $(WORKERS) --maxprocesses=4

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache node_modules bot/web/static/nhsuk
