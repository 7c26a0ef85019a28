# Two commands matter: `make serve` and `make test`. Everything else is a step
# they depend on, so a machine with nothing installed gets there on its own.
PY       ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
PYTHON   := $(BIN)/python
STAMP    := $(VENV)/.installed-stamp
NODE     := node_modules/.installed-stamp
CHROMIUM := /usr/bin/chromium
NGINX    := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup validate generate site serve test bench clean

setup: $(STAMP) $(NODE)

$(STAMP): requirements.txt pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Node and npm come with the machine; Pyodide and tablesort are pinned in package-lock.json.
$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests use Debian's Chromium, never a downloaded browser build.
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-wqy-microhei

# The browser tests and benchmarks are served by Debian's nginx with
# deploy/nginx.conf, as readers get the site (the Brotli module brings nginx).
# The tests start their own nginx; the system's service is not used.
$(NGINX):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends nginx libnginx-mod-http-brotli-static

validate: $(STAMP)
	$(PYTHON) -m generator validate

generate: $(STAMP)
	$(PYTHON) -m generator generate

site: setup
	$(PYTHON) -m generator build

serve: site
	$(PYTHON) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: setup $(CHROMIUM) $(NGINX)
	$(PYTHON) -m generator generate
	$(PYTHON) -m pytest

bench: setup $(CHROMIUM) $(NGINX)
	$(PYTHON) -m generator generate
	$(PYTHON) tests/bench/run.py

clean:
	rm -rf build site dist checker/data/rules.json checker/data/messages.json
