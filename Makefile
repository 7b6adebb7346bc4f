# `make lab` opens the lessons; `make test` runs every test. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
LAB_ARGS ?=
# JupyterLab refuses to run as root unless told (containers often run as root)
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--allow-root,)

# uv installs the lock much faster than pip. It is used from PATH, or else installed into
# the venv from PyPI; if neither works, pip installs the same lock. USE_UV=0 forces pip.
USE_UV ?= 1
UV_VERSION ?= 0.13.9
FIND_UV = command -v uv || { { test -x $(BIN)/uv || { echo "installing uv into $(BIN) from PyPI" >&2; \
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"; }; } && echo $(BIN)/uv; }

.PHONY: lab app test test-browser bench bench-setup handouts lint notebooks lock clean axe

lab: $(READY)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
		--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb $(ROOT_ARGS) $(LAB_ARGS)

# The explorers on one page, with no code to see: Voila, on this machine only (127.0.0.1)
APP_PORT ?= 8866
app: $(READY)
	$(BIN)/voila app/explorer.ipynb --Voila.ip=127.0.0.1 --port=$(APP_PORT) $(APP_ARGS)

test: $(READY)
	$(BIN)/python -m pytest
	$(BIN)/ruff check lib tests benchmarks conftest.py

# The lessons in a real browser: JupyterLab driven by Playwright with Debian's chromium.
# Screenshots go to build/screenshots/. The accessibility checks need axe-core (make axe).
test-browser: $(READY) axe
	$(BIN)/python -m pytest tests/browser -p no:nbval -o addopts="-p no:cacheprovider"

# axe-core, the accessibility checker the browser tests inject into each page: npm ci
# installs the version pinned in package-lock.json into node_modules/. Without node the
# accessibility tests are skipped and say why.
axe: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the accessibility tests will be skipped (apt-get install npm)"; fi

# Every lesson as a standalone HTML page, charts included, for use without a network:
# build/handouts/student/ (answers hidden) and build/handouts/teacher/ (answers shown),
# each with one plotly.min.js beside its pages
handouts: $(READY)
	NEWSCLAIMS_WORK=$$(mktemp -d) $(BIN)/python -m newsclaims handouts build/handouts

# Benchmarks: writes benchmarks/RESULTS.md
bench: $(READY)
	$(BIN)/python benchmarks/run.py

# Set-up time from a fresh clone (make lab serving, make test), uv's cache cold and warm:
# writes its section of benchmarks/RESULTS.md. Needs only python3, git and make.
bench-setup:
	$(PYTHON) benchmarks/setup_time.py

# Re-run every notebook in place, so that the committed outputs are fresh
notebooks: $(READY)
	NEWSCLAIMS_WORK=$$(mktemp -d) $(BIN)/jupyter nbconvert --to notebook --execute --inplace notebooks/*.ipynb notebooks/teacher/*.ipynb

lint: $(READY)
	$(BIN)/ruff check lib tests benchmarks conftest.py

$(READY): requirements.txt pyproject.toml etc/lab-overrides.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@uv=; if [ "$(USE_UV)" = 1 ]; then \
		uv=$$($(FIND_UV)) || echo "uv is not on PATH and could not be installed: pip installs the lock instead"; \
	fi; \
	if [ -n "$$uv" ]; then \
		echo "$$uv pip install --python $(BIN)/python -r requirements.txt"; \
		$$uv pip install --python $(BIN)/python -r requirements.txt && exit 0; \
		echo "uv could not install the lock: pip installs it instead"; \
	fi; \
	echo "$(BIN)/python -m pip install -r requirements.txt"; \
	$(BIN)/python -m pip install --quiet --upgrade pip && $(BIN)/python -m pip install --quiet -r requirements.txt
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp etc/lab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

# Compile requirements.in (the packages chosen, with the reasons) into requirements.txt (every
# package, transitive ones too, pinned exactly, for Linux, macOS and Windows), and end the lock
# by installing this library from lib/, editable.
lock:
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	uv=$$($(FIND_UV)) && $$uv pip compile requirements.in -o requirements.txt --python-version 3.11 --universal \
		--no-emit-package newsclaims --custom-compile-command "make lock"
	printf '%s\n' "" "# The newsclaims library itself, from lib/ (editable, so notebooks import it from anywhere)" "-e ." \
		>> requirements.txt

clean:
	rm -rf $(VENV) build .pytest_cache node_modules
