# The two commands of the README: `make run` and `make test`. Everything else is a helper.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test install bench extension

$(BIN)/somecheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/somecheck

## Start the checker on 127.0.0.1:8765 with the bundled rules.
run: install
	$(BIN)/somecheck serve

## Install what the tests need (Python packages, Chromium and its driver, editor fixtures) and run them all.
test: install
	bash tests/e2e/setup.sh
	$(BIN)/python -m pytest -q

## Measure the checker as users meet it and print the table of targets (about a minute).
bench: install
	$(BIN)/python -m bench

## Bundle the extension's ES modules (extension/src -> extension/bundle, esbuild), then build
## dist/somecheck-chrome-<version>.zip and dist/somecheck-firefox-<version>.xpi (version from pyproject.toml).
extension:
	cd extension && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	bash .ci/package-extension.sh dist
