"""Read the Docs: its configuration agrees with the project, and its own build steps succeed here.

The build replays the commands Read the Docs runs for .readthedocs.yaml (see tests/pdfbuild.py),
in a temporary copy of the project with the real seeds; tests/test_pdf.py checks the PDF it makes.
"""

import re
import subprocess
import tomllib

import pytest

from conftest import ROOT
from pdfbuild import FONT_PACKAGES, JOBNAME, read_the_docs_build, read_the_docs_config


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines) -> dict[str, str]:
    found = {}
    for line in lines:
        name, _, version = line.partition("==")
        assert version and not re.search(r"[<>~!=;\s]", version), f"not an exact pin: {line!r}"
        found[normalized(name)] = version
    return found


def test_docs_requirements_pin_exactly_what_pyproject_pins():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [
        line.strip()
        for line in (ROOT / "docs" / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    project_lines = [line for line in lines if line in {".", "-e ."}]
    assert len(project_lines) == 1, "docs/requirements.txt must install the project itself ('.' or '-e .')"
    assert pins([line for line in lines if line not in project_lines]) == pins(project["dependencies"])


def test_readthedocs_config_builds_html_and_pdf_from_docs_conf():
    config = read_the_docs_config()
    assert config["version"] == 2
    assert config["build"]["os"] == "ubuntu-24.04"
    assert str(config["build"]["tools"]["python"]) == "3.11"
    assert config["sphinx"]["configuration"] == "docs/conf.py" and (ROOT / "docs" / "conf.py").is_file()
    assert config["formats"] == ["pdf"]
    assert config["python"]["install"] == [{"requirements": "docs/requirements.txt"}]


def test_readthedocs_installs_the_same_system_packages_as_make_pdf_deps():
    make = subprocess.run(["make", "-s", "print-pdf-packages"], cwd=ROOT, capture_output=True, text=True, check=True)
    makefile_packages = set(make.stdout.split())
    apt_packages = set(read_the_docs_config()["build"]["apt_packages"])
    assert apt_packages == makefile_packages - {"poppler-utils"}  # poppler-utils: only the tests use it
    assert set(FONT_PACKAGES.values()) <= apt_packages, "a font the PDF loads is not installed"
    assert {"latexmk", "texlive-luatex", "xindy"} <= apt_packages


@pytest.fixture(scope="session")
def read_the_docs(tmp_path_factory):
    return read_the_docs_build(tmp_path_factory)


def explain(step) -> str:
    return f"$ {' '.join(step.command)}  (in {step.cwd}, {step.seconds:.0f} s)\n{step.output[-4000:]}"


@pytest.mark.pdf
def test_the_html_step_succeeds_with_warnings_as_errors(read_the_docs):
    step = read_the_docs.steps["html"]
    assert {"-W", "--keep-going"} <= set(step.command)
    assert step.returncode == 0, explain(step)
    assert (read_the_docs.output / "html" / "index.html").is_file()


@pytest.mark.pdf
def test_the_pdf_steps_succeed_and_the_other_pdfs_are_its_figures(read_the_docs):
    latex = read_the_docs.steps["latex"]
    assert latex.returncode == 0, explain(latex)
    assert [path.name for path in read_the_docs.pdf_dir.glob("*.tex")] == [f"{JOBNAME}.tex"]
    assert "latexmk" in read_the_docs.steps, "the LaTeX step wrote no .tex file"
    latexmk = read_the_docs.steps["latexmk"]
    # Read the Docs forgives latexmk's exit code when a PDF was written; we do not.
    assert latexmk.returncode == 0, explain(latexmk)
    # Read the Docs keeps the PDF named after the job and deletes the rest of the folder
    # (PdfBuilder._post_build); every other PDF there must be a figure the book includes.
    assert read_the_docs.pdf.stat().st_size > 100_000
    tex = (read_the_docs.pdf_dir / f"{JOBNAME}.tex").read_text(encoding="utf-8")
    included = set(re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{([^}]+)\}\.pdf\}", tex))
    others = {path.stem for path in read_the_docs.pdf_dir.glob("*.pdf")} - {JOBNAME}
    assert others <= included, sorted(others - included)
