# The kit's task runner for developers. Environments are made by kit.py (standard library only),
# the same code a learner runs with `python kit.py lab` where there is no make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# npm packages the site serves (MathJax; the widget manager and RequireJS, which draw the practice
# checks) and its browser tests inject (axe-core), kept in book/_vendor
VENDOR := book/_vendor/node_modules/@jupyter-widgets/html-manager/dist/embed-amd.js
# reveal.js, which the slide decks load from their own folder; a prefix of its own, so that the
# site's npm install never removes it
REVEAL := book/_vendor/slides/node_modules/.installed

.PHONY: help install lab check test lint book pack bundle chromium bubblewrap postgresql proxy datasets benchmark clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install:  ## create .venv and install the kit with every extra (kit.py install --role dev)
	$(PYTHON) kit.py install --role dev

lab:  ## open JupyterLab on the first lesson (what `python kit.py lab` does for learners)
	$(PYTHON) kit.py lab

bundle:  ## build dist/smcourse-learner.zip, the copy learners get (no solutions, tests or tools)
	$(PYTHON) kit.py bundle

lint: install  ## ruff over the package, tests and notebooks; the import contracts (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

check: lint $(REVEAL)  ## the fast tier: lint, unit, schema and claims tests (no lesson run, no site, no browser; reveal.js for the pack test)
	$(PYTHON) kit.py test -n 2 -m "not slow and not browser" tests --ignore tests/test_book_pages.py

test: install lint book chromium bubblewrap postgresql proxy  ## run every test: unit, schema, nbval, the site, JupyterLab and JupyterHub in a browser
	$(PYTHON) kit.py test -n 2 --dist loadfile

$(VENDOR):
	npm install --prefix book/_vendor --no-save --no-package-lock --no-audit --no-fund mathjax@3.2.2 axe-core@4.14.1 \
		@jupyter-widgets/html-manager@1.0.15 requirejs@2.3.8

book: install $(VENDOR) $(REVEAL)  ## build the site into book/_build/html (warnings are errors; see book/_config.yml), with the facilitator's pack it links
	$(BIN)/python book/build.py
	$(BIN)/smcourse pack build

$(REVEAL):
	npm install --prefix book/_vendor/slides --no-save --no-package-lock --no-audit --no-fund reveal.js@4.6.1
	touch $@

pack: install $(REVEAL)  ## rebuild only the facilitator's pack into the built site (book/_build/html/_pack): decks, cards, script
	$(BIN)/smcourse pack build

chromium:  # the browser the site's tests drive (Debian's package, installed once when missing)
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)

bubblewrap:  # the sandbox grading runs learners' kernels in (Debian's package, installed once when missing)
	command -v bwrap >/dev/null || (apt-get update && apt-get install -y bubblewrap)

postgresql:  # the database server the hub test's gradebook runs on (Debian's package, installed once when missing)
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update && apt-get install -y postgresql)

proxy:  # JupyterHub's proxy (configurable-http-proxy, from npm) for the hub test, kept in hub/node_modules
	test -x hub/node_modules/.bin/configurable-http-proxy || npm install --prefix hub --no-save --no-package-lock --no-audit --no-fund configurable-http-proxy@4.6.3

datasets: install  ## regenerate datasets/*.csv from the fixed seed
	$(BIN)/smcourse data generate

benchmark: install  ## time each lesson headless and report peak memory
	$(BIN)/python benchmarks/lessons.py

clean:  ## remove built and generated files (not .venv)
	rm -rf book/_build .pytest_cache dist
