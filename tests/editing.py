"""What editors do between two builds, and the rule every rebuild keeps: the site it gives is the
site a clean build of the same inputs gives, byte for byte.

Shared by tests/test_editing.py (a small book, built in-process) and benchmarks/editing.py (the
real book, timed): each operation changes a project's seeds or editorial data as an editor would;
`site` and `differences` compare two builds of it, everything a reader or another site sees
included (pages, search index, static files and their checksums, exports, objects.inv), Sphinx's
own state left out (.buildinfo, doctrees, environment pickles).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.generated import is_generated_page

NOT_THE_SITE = {".buildinfo", ".buildinfo.bak", ".doctrees", "doctrees"}


@dataclass(frozen=True)
class Project:
    """A book's folders and the names the operations use in it."""

    srcdir: Path  # the Sphinx project (conf.py)
    seeds: Path
    data: Path
    new_seed: tuple[str, str]  # file name, text
    removed_seed: str
    renamed_seed: tuple[str, str]  # old and new file name
    edited_seed: tuple[str, str, str]  # file, text replaced, its replacement
    renamed_term: tuple[str, str]  # old and new name; the old one stays as an alias
    annotation: dict  # a new entry of annotations.yaml
    theme: tuple[str, str]  # slug, a word its lexicon gains


def no_change(project: Project) -> None:
    pass


def add_seed(project: Project) -> None:
    name, text = project.new_seed
    (project.seeds / name).write_text(text, encoding="utf-8")


def remove_seed(project: Project) -> None:
    (project.seeds / project.removed_seed).unlink()


def rename_seed(project: Project) -> None:
    """The file, and every entry of the editorial data that names it (as an editor would)."""
    old, new = project.renamed_seed
    (project.seeds / old).rename(project.seeds / new)
    for name in ("sources.yaml", "annotations.yaml"):
        path = project.data / name
        if path.exists():
            path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def edit_seed(project: Project) -> None:
    name, old, new = project.edited_seed
    path = project.seeds / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rewrite_yaml(path: Path, change: Callable[[dict], bool]) -> bool:
    """Load a data file, change it, write it back (comments are lost: fine for a copy)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not change(data):
        return False
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return True


def rename_term(project: Project) -> None:
    """Give a glossary entry a new name and keep the old one as an alias, wherever the entry is."""
    old, new = project.renamed_term

    def rename(data: dict) -> bool:
        for entry in data.get("entries") or []:
            if entry.get("term") == old:
                others = [alias for alias in entry.get("aliases") or [] if str(alias.get("text") if isinstance(alias, dict) else alias).casefold() != new.casefold()]
                entry["term"], entry["aliases"] = new, [old, *others]  # an alias promoted to the name leaves the aliases
                return True
        return False

    files = [project.data / "glossary.yaml", *sorted((project.data / "glossary").glob("*.yaml"))]
    assert any(_rewrite_yaml(path, rename) for path in files if path.exists()), f"no glossary entry {old!r}"


def add_annotation(project: Project) -> None:
    path = project.data / "annotations.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else "annotations:\n"
    entry = yaml.safe_dump([project.annotation], allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text.rstrip("\n") + "\n" + "".join(f"  {line}\n" for line in entry.splitlines()), encoding="utf-8")


def change_theme(project: Project) -> None:
    slug, word = project.theme

    def widen(data: dict) -> bool:
        theme = next(theme for theme in data["themes"] if theme["slug"] == slug)
        theme["lexicon"]["terms"] = [*theme["lexicon"].get("terms", []), word]
        return True

    _rewrite_yaml(project.data / "chapters.yaml", widen)


OPERATIONS: dict[str, Callable[[Project], None]] = {
    "no change": no_change,
    "add a seed": add_seed,
    "remove a seed": remove_seed,
    "rename a seed file": rename_seed,
    "edit one seed's text": edit_seed,
    "rename a glossary term (the old name an alias)": rename_term,
    "add an annotation": add_annotation,
    "change a theme's definition": change_theme,
}


def site(outdir: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, Sphinx's own build state left out."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and not NOT_THE_SITE & set(path.relative_to(outdir).parts)
    }


def differences(one: dict[str, bytes], other: dict[str, bytes]) -> list[str]:
    """The files that are in one site only, or differ."""
    return sorted(name for name in one.keys() | other.keys() if one.get(name) != other.get(name))


def copy_inputs(root: Path, folders: list[Path], where: Path) -> Path:
    """A copy of a project's inputs (the Sphinx project, seeds and data folders under root)
    without anything a build wrote: generated pages, _build. Returns the copy's root."""
    srcdir = folders[0]

    def built(folder: str, names: list[str]) -> list[str]:
        ignored = [name for name in names if name in ("_build", "__pycache__")]
        if Path(folder) == srcdir or srcdir in Path(folder).parents:
            prefix = Path(folder).relative_to(srcdir).as_posix()
            prefix = "" if prefix == "." else prefix + "/"
            ignored += [name for name in names if is_generated_page(prefix + name) or is_generated_page(f"{prefix}{name}/")]
        return ignored

    for folder in folders:
        if not any(other in folder.parents for other in folders):
            shutil.copytree(folder, where / folder.relative_to(root), ignore=built, dirs_exist_ok=True)
    return where


def restore(project: Path, snapshot: Path) -> Path:
    """The project folder as the snapshot of its first build left it (files' times included)."""
    shutil.rmtree(project)
    shutil.copytree(snapshot, project)
    return project
