# Russia in Syria: an annotated reference.
#   make html      build the HTML book into _build/html (creates .venv on first use)
#   make test      run the whole test suite
#   make latexpdf  build the PDF into _build/latex (needs the TeX packages: make pdf-deps)
#   make evaluate  measure the book against the hand labels in evaluation/ (EVALUATEOPTS="--set tune --details")
#   make livehtml  serve the book on http://127.0.0.1:8000 and rebuild it when a seed, data or code changes
#   make clean     remove builds and generated pages (the list is in tools/generated.py)
# Any other Sphinx builder name (linkcheck, epub, text, ...) passes through to sphinx-build -M.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going
EVALUATEOPTS ?=
BENCHMARKOPTS ?=
LIVEOPTS ?= --port 8000
STAMP := $(VENV)/.installed
LIVE_STAMP := $(VENV)/.installed-live

# TeX (lualatex), xindy, and the package of every font the PDF loads
# (tools/sphinx_ext/latex/preamble.py, FONT_PACKAGES); poppler-utils for the PDF tests. .readthedocs.yaml's build.apt_packages is the
# same list without poppler-utils (tests/test_readthedocs.py checks both).
PDF_PACKAGES := latexmk texlive-luatex texlive-xetex texlive-latex-extra texlive-fonts-recommended \
	texlive-lang-cyrillic texlive-lang-arabic fonts-noto-core fonts-noto-mono fonts-noto-color-emoji \
	fonts-freefont-otf fonts-droid-fallback fonts-nanum poppler-utils xindy

.PHONY: html test clean latexpdf pdf-deps install benchmark check evaluate livehtml help print-pdf-packages
.DEFAULT_GOAL := html

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# sphinx-autobuild (the "live" extra) on top of the test install.
$(LIVE_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,live]'
	touch $(LIVE_STAMP)

# Sphinx starts only when something it reads or wrote changed since its last successful build
# (tools/uptodate.py): a no-change `make html` is a check of under a second.
html: $(STAMP)
	@$(BIN)/python -m tools.uptodate check html $(SPHINXOPTS) || \
		{ $(BIN)/sphinx-build -M html docs _build $(SPHINXOPTS) && $(BIN)/python -m tools.uptodate record html; }

latexpdf: $(STAMP)
	$(BIN)/sphinx-build -M latexpdf docs _build $(SPHINXOPTS)

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/syria-book check --strict

evaluate: $(STAMP)
	$(BIN)/syria-book evaluate $(EVALUATEOPTS)

# The editor's loop: rebuild on any change to the seeds, the editorial data or the pipeline's code,
# never on the pages the build itself writes (nor on its temporary files and Python's caches).
livehtml: $(LIVE_STAMP)
	$(BIN)/sphinx-autobuild docs _build/html -d _build/doctrees $(SPHINXOPTS) $(LIVEOPTS) \
		--watch seeds --watch docs/data --watch tools \
		$(addprefix --ignore ,$(shell $(PYTHON) -m tools.generated --list)) \
		--re-ignore '__pycache__|\.tmp$$|\.pyc$$'

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCHMARKOPTS)

pdf-deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(PDF_PACKAGES)

clean:
	$(PYTHON) -m tools.generated

help:
	@sed -n '2,9p' Makefile

# Make must not try to "build" its own inputs through the catch-all below.
Makefile pyproject.toml: ;

# Pass any other target to Sphinx's make mode (epub, text, linkcheck, ...).
%: $(STAMP)
	$(BIN)/sphinx-build -M $@ docs _build $(SPHINXOPTS)

print-pdf-packages:
	@echo $(PDF_PACKAGES)
