# Russia in Syria: an annotated reference.
#   make html      build the HTML book into _build/html (creates .venv on first use)
#   make test      run the whole test suite
#   make latexpdf  build the PDF into _build/latex (needs the TeX packages: make pdf-deps)
#   make evaluate  measure the book against the hand labels in evaluation/ (EVALUATEOPTS="--set tune --details")
#   make clean     remove builds and generated pages
# Any other Sphinx builder name (linkcheck, epub, text, ...) passes through to sphinx-build -M.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPHINXOPTS ?= -W --keep-going
EVALUATEOPTS ?=
STAMP := $(VENV)/.installed

# TeX (lualatex), xindy, and the package of every font docs/latex_config.py loads (its
# FONT_PACKAGES); poppler-utils for the PDF tests. .readthedocs.yaml's build.apt_packages is the
# same list without poppler-utils (tests/test_readthedocs.py checks both).
PDF_PACKAGES := latexmk texlive-luatex texlive-xetex texlive-latex-extra texlive-fonts-recommended \
	texlive-lang-cyrillic texlive-lang-arabic fonts-noto-core fonts-noto-mono fonts-noto-color-emoji \
	fonts-freefont-otf fonts-droid-fallback fonts-nanum poppler-utils xindy

.PHONY: html test clean latexpdf pdf-deps install benchmark check evaluate help print-pdf-packages
.DEFAULT_GOAL := html

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

html: $(STAMP)
	$(BIN)/sphinx-build -M html docs _build $(SPHINXOPTS)

latexpdf: $(STAMP)
	$(BIN)/sphinx-build -M latexpdf docs _build $(SPHINXOPTS)

test: $(STAMP)
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/syria-book check --strict

evaluate: $(STAMP)
	$(BIN)/syria-book evaluate $(EVALUATEOPTS)

benchmark: $(STAMP)
	$(BIN)/python benchmarks/run.py

pdf-deps:
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(PDF_PACKAGES)

clean:
	rm -rf _build docs/periods docs/themes docs/sources docs/_generated docs/glossary.md \
		docs/contested-claims.md docs/conversion-report.md docs/.generated-files

help:
	@sed -n '2,8p' Makefile

# Make must not try to "build" its own inputs through the catch-all below.
Makefile pyproject.toml: ;

# Pass any other target to Sphinx's make mode (epub, text, linkcheck, ...).
%: $(STAMP)
	$(BIN)/sphinx-build -M $@ docs _build $(SPHINXOPTS)

print-pdf-packages:
	@echo $(PDF_PACKAGES)
