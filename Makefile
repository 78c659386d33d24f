# Two commands on a fresh machine: `make demo` and `make test` (both set up .venv first).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := out/demo.duckdb

.PHONY: demo test setup clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; run: make PYTHON=python3 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/whodid code samples/stories.jsonl --db $(DEMO_DB) --table
	@echo "Events stored in $(DEMO_DB) (DuckDB; re-running replaces, never duplicates)."

# pytest exits 5 when it collects no tests: that is a failure here, not a pass.
test: $(STAMP)
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; exit $$rc

clean:
	rm -rf $(VENV) out .pytest_cache
