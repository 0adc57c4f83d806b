# Quick start: `make run` (set up, migrate, demo data, serve) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist processes; each builds its own test database.
TEST_WORKERS ?= auto

.PHONY: install lock run test test-sqlite test-postgres lint format schema schema-release client-check bench clean

# requirements.lock pins every package CI and `make install` use; `make lock` rewrites it
# from pyproject.toml's ranges in a scratch environment.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ".[dev]"
	( echo "# Every package make install and CI use; rewritten by make lock, from pyproject.toml."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable --all | grep -v -E '^(pip|setuptools|wheel)==' ) > requirements.lock
	rm -rf .lock-venv

run: install
	$(BIN)/ledgerline migrate
	$(BIN)/ledgerline demo
	$(BIN)/ledgerline serve --host $(HOST) --port $(PORT)

# SQLite always; PostgreSQL as well when LEDGERLINE_TEST_DATABASE_URL is set.
test: install
	$(BIN)/pytest -n $(TEST_WORKERS)
	@if [ -n "$$LEDGERLINE_TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL =="; \
		LEDGERLINE_TEST_BACKEND=postgres $(BIN)/pytest -n $(TEST_WORKERS); \
	fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schema: install
	$(BIN)/python -m schema.export > schema/schema.graphql
	$(BIN)/python -m server.events.reference --write
	$(BIN)/python -m schema.error_reference --write

# Freezes the schema clients may rely on: tests/schema/test_breaking_changes.py compares
# schema/schema.graphql with it. Run it on purpose, at a release (docs/decisions/schema-evolution.md).
schema-release: schema
	cp schema/schema.graphql schema/released.graphql

# Node tooling, kept out of `make test` and `make run`: generates TypeScript types for the
# example client operations with the published scalar map (strictScalars), type-checks them,
# and lints the schema (docs/decisions/client-tooling.md).
CLIENT := docs/examples/client
client-check:
	cd $(CLIENT) && npm ci --no-audit --no-fund
	cd $(CLIENT) && npx graphql-codegen --config codegen.ts
	cd $(CLIENT) && npx tsc --noEmit -p tsconfig.json
	cd $(CLIENT) && npx graphql-schema-linter --config-directory . ../../../schema/schema.graphql

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis $(CLIENT)/node_modules $(CLIENT)/generated
