# `make lab` opens the lessons; `make test` runs every test. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
LAB_ARGS ?=

.PHONY: lab test lint clean

lab: $(READY)
	$(BIN)/jupyter lab $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY)
	$(BIN)/python -m pytest
	$(BIN)/ruff check lib tests conftest.py

lint: $(READY)
	$(BIN)/ruff check lib tests conftest.py

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf $(VENV) build .pytest_cache
