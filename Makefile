# The kit's one task runner. Every target creates .venv and installs the kit first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help install lab test lint book datasets benchmark clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(INSTALLED): pyproject.toml jupyter/overrides.json
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	mkdir -p $(VENV)/share/jupyter/lab/settings  # JupyterLab never asks to fetch news or updates
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

install: $(INSTALLED)  ## create .venv and install the kit with its extras

lab: install  ## open JupyterLab on the first lesson
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) course/00_welcome.ipynb

lint: install  ## ruff over the package, tests and notebooks
	$(BIN)/ruff check .

test: install lint  ## run every test: unit, schema, nbval over the lessons, browser (chromium)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)
	$(BIN)/pytest -n 2 --dist loadfile

book: install  ## build the site into book/_build/html (warnings are errors)
	$(BIN)/jupyter-book build book --warningiserror --nitpick --keep-going

datasets: install  ## regenerate datasets/*.csv from the fixed seed
	$(BIN)/smcourse data generate

benchmark: install  ## time each lesson headless and report peak memory
	$(BIN)/python benchmarks/lessons.py

clean:  ## remove built and generated files (not .venv)
	rm -rf book/_build .pytest_cache
