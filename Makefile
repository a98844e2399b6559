# Quick start: `make site` (or `make serve`) and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
RUNTIME := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed

.PHONY: site serve generate check test lint typecheck golden quality clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): pyproject.toml constraints.txt | $(BIN)/python
	$(PIP) -c constraints.txt -e .
	touch $@

$(TESTDEPS): $(RUNTIME)
	$(PIP) -c constraints.txt -e '.[test]'
	touch $@

site: $(RUNTIME)            ## generate, build site/ (strict) and verify it
	$(BIN)/explainer build

serve: $(RUNTIME)           ## live preview at http://127.0.0.1:8000
	$(BIN)/explainer serve

generate: $(RUNTIME)        ## write docs/ only
	$(BIN)/explainer generate

check: $(RUNTIME)           ## report every problem in content/
	$(BIN)/explainer check

lint: $(TESTDEPS)
	$(BIN)/ruff check generator tests bench

typecheck: $(TESTDEPS)
	$(BIN)/mypy

test: lint typecheck        ## lint, types, then the test suite
	$(BIN)/pytest

golden: $(RUNTIME)          ## regenerate the golden pages of the small test corpus
	$(BIN)/python -m tests.golden

quality: $(RUNTIME)         ## score extraction against bench/quality/gold.yml; writes QUALITY.md
	$(BIN)/python bench/quality/score.py --write QUALITY.md

clean:
	rm -rf docs site .explainer-build-* .docs.old .site.old .explainer.lock .mypy_cache .ruff_cache .pytest_cache
