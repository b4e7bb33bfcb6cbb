# The two commands of the README: `make run` and `make test`. Everything else is a helper.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin

.PHONY: run test install bench extension

# The product alone: what `make run` needs.
$(BIN)/somecheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/python -m compileall -q checker rules >/dev/null
	touch $@

# The product with the test tools (pytest, selenium, ...).
$(VENV)/.test-extras: $(BIN)/somecheck
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/somecheck

## Start the checker on 127.0.0.1:8765 with the bundled rules.
run: install
	$(BIN)/somecheck serve

## Run every test suite this machine can run; say loudly which it could not (see tests/suites.py).
## With CI=true (Debian, root, network) it installs the browsers first and runs everything.
test: $(VENV)/.test-extras
	$(BIN)/python tests/suites.py -q

## Measure the checker as users meet it and print the table of targets (about a minute; the
## comparison with proselint needs the test extras). Bytecode is compiled first, as `pip install`
## does for users: an editable checkout (or PYTHONDONTWRITEBYTECODE) would compile it at every start.
bench: $(VENV)/.test-extras
	$(BIN)/python -m compileall -q checker rules >/dev/null
	$(BIN)/python -m bench

## Bundle the extension's ES modules (extension/src -> extension/bundle, esbuild), then build
## dist/somecheck-chrome-<version>.zip and dist/somecheck-firefox-<version>.xpi (version from pyproject.toml).
extension:
	cd extension && npm ci --no-audit --no-fund --loglevel=error && node build.mjs
	bash .ci/package-extension.sh dist
