# `make run` and `make test` do all the set-up on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := data/workspaces/demo.db
PORT ?= 8501

.PHONY: run test lint setup demo bench clean

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed (set PYTHON=...)"; exit 2; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

setup: $(STAMP)

$(DEMO): | $(STAMP)
	-$(BIN)/python -m journey demo --workspace demo

demo: $(STAMP)
	$(BIN)/python -m journey demo --workspace demo --force

run: $(STAMP) $(DEMO)
	$(BIN)/python -m journey_ui.serve --server.port $(PORT)

# pytest exits 5 when it collected no tests: that is not a failure of the code. Then the
# linter (ruff.toml) and the layer contract (.importlinter: everything imports downward).
test: $(STAMP)
	$(BIN)/python -m pytest -q tests; status=$$?; [ $$status -eq 5 ] && status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/lint-imports --no-cache || status=1; \
	exit $$status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python bench/import_bench.py

clean:
	rm -rf $(VENV) .pytest_cache
