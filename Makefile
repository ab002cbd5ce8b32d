# The kit's one task runner. Every target creates .venv and installs the kit first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# npm packages the site serves (MathJax) and its browser tests inject (axe-core), kept in book/_vendor
VENDOR := book/_vendor/node_modules/.installed

.PHONY: help install lab test lint book chromium bubblewrap datasets benchmark clean

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

test: install lint book chromium bubblewrap  ## run every test: unit, schema, nbval, the site and JupyterLab in a browser
	$(BIN)/pytest -n 2 --dist loadfile

$(VENDOR):
	npm install --prefix book/_vendor --no-save --no-package-lock --no-audit --no-fund mathjax@3.2.2 axe-core@4.14.1
	touch $@

book: install $(VENDOR)  ## build the site into book/_build/html (warnings are errors; see book/_config.yml)
	$(BIN)/python book/build.py

chromium:  # the browser the site's tests drive (Debian's package, installed once when missing)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

bubblewrap:  # the sandbox grading runs learners' kernels in (Debian's package, installed once when missing)
	command -v bwrap >/dev/null || (apt-get update && apt-get install -y bubblewrap)

datasets: install  ## regenerate datasets/*.csv from the fixed seed
	$(BIN)/smcourse data generate

benchmark: install  ## time each lesson headless and report peak memory
	$(BIN)/python benchmarks/lessons.py

clean:  ## remove built and generated files (not .venv)
	rm -rf book/_build .pytest_cache
