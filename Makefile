# Set-up and everyday commands. `make demo` and `make test` create or reuse .venv/ and
# install the project from its own files; nothing else needs to be on the machine but python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SEED := seeds/pompeo-lavrov-bounties

.PHONY: demo test lint bench dictionaries clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## Run the main job on the seed article and show that it matches the expected file.
demo: $(STAMP)
	$(BIN)/normalizer clean $(SEED).input.txt -o $(VENV)/seed.output.txt
	diff -u $(SEED).expected.txt $(VENV)/seed.output.txt && echo "seed: output matches $(SEED).expected.txt"
	$(BIN)/normalizer check --format brief $(SEED).input.txt || true

## Run the whole test suite (lint included; the project's own README and docs must check clean).
test: $(STAMP)
	$(BIN)/ruff check normalizer service tests bench dictionaries
	$(BIN)/normalizer test seeds
	$(BIN)/normalizer check --strict --format brief README.md docs/
	$(BIN)/python -m pytest -n 2 tests

lint: $(STAMP)
	$(BIN)/ruff check normalizer service tests bench dictionaries

## Rebuild the data files in dictionaries/ from their pinned sources.
dictionaries: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/python dictionaries/build.py

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/speed.py --docs
	$(BIN)/python bench/quality.py --docs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
