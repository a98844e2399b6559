# Quick start: `make site` (or `make serve`) and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check
RUNTIME := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed

.PHONY: site serve generate check test lint typecheck golden quality bench clean

# A .venv copied from another folder (`cp -a` of the project) would run that folder's code and
# templates: notice it by the interpreter its scripts name, and make a fresh one here.
VENV_OWNER := $(shell sed -n '1s/^\#!//p' $(BIN)/explainer 2>/dev/null)
ifneq ($(VENV_OWNER),)
ifneq ($(VENV_OWNER),$(CURDIR)/$(BIN)/python)
$(info .venv was made for $(VENV_OWNER); making a fresh one in $(CURDIR))
$(shell rm -rf $(VENV))
endif
endif

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

bench: $(RUNTIME)           ## check every stage grows linearly (1,000 -> 4,000 invented articles), then time generate and build at 250 to 10,000 articles; writes BENCH.md
	$(BIN)/python bench/scaling.py --sizes 1000,4000
	$(BIN)/python bench/bench.py --write BENCH.md

clean:
	rm -rf docs site .explainer-build-* .docs.old .site.old .explainer.lock .mypy_cache .ruff_cache .pytest_cache
