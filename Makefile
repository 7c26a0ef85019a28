# Two commands matter: `make serve` and `make test`. Everything else is a step
# they depend on, so a machine with nothing installed gets there on its own.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
PYTHON  := $(BIN)/python
STAMP   := $(VENV)/.installed-stamp
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup venv validate generate site serve test bench browser-deps clean

setup: venv

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

validate: venv
	$(PYTHON) -m generator validate

generate: venv
	$(PYTHON) -m generator generate

site: venv
	$(PYTHON) -m generator build

serve: site
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000 --no-livereload

test: venv
	$(PYTHON) -m generator generate
	$(PYTHON) -m pytest

bench: venv
	$(PYTHON) -m generator generate
	$(PYTHON) tests/bench/run.py

clean:
	rm -rf build site dist checker/data/rules.json
