"""Skip a Sphinx run that could change nothing: what `make html` asks before it starts Sphinx.

A Sphinx build with nothing to do still costs over a second (Sphinx's start, the extensions'
imports, unpickling the environment, the conversion's check that no seed changed), more than the
whole check below. So, like make itself, the Makefile keeps a stamp per builder: a digest of
everything the build reads and of everything it wrote. When both digests match, nothing Sphinx
could do would change a byte, and it is not started.

What the build reads: every file of the project folder (the seeds, `docs/` with its editorial
data and hand-written pages, the package's code, templates and static files, `pyproject.toml`;
also tests and evaluation documents, which the build does not read: editing them costs one Sphinx
run, never a stale site), minus the pages the conversion writes (tools/generated.py), the build
folder, version control and caches; the installed distributions and their versions; Python's
version; the command line; and the environment variables the book reads. What it wrote: the path,
size and modification time of every file of the builder's output, of the doctrees and of the
generated pages, so a page deleted or edited by hand is rebuilt.

The input digest is taken *before* the build and kept until it succeeds: a seed edited while Sphinx
runs makes the next check fail. A conf.py or a `-D` option that moves the project, seeds or data
folder (`book_root`, `book_seeds_dir`, `book_data_dir`), or another conf.py (`-c`, `-C`),
switches the stamp off, since the files the build reads may then lie outside what is hashed here.
Only the standard library is imported: the check must cost little.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import sysconfig
from pathlib import Path

from .generated import BUILD_FOLDER, SOURCE_FOLDER, is_generated_page

NOT_INPUTS = {".git", ".venv", BUILD_FOLDER, "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache"}
ENVIRONMENT = ("READTHEDOCS", "SOURCE_DATE_EPOCH", "SPHINX")  # prefixes of the variables the build reads
FORCING = ("-E", "--fresh-env", "-a", "--write-all")  # Sphinx options that ask for a full build
CODE = Path(__file__).resolve().parent  # the package's code and templates, wherever it is installed from
SETTINGS_THAT_MOVE_INPUTS = ("book_root", "book_seeds_dir", "book_data_dir")
OPTIONS_THAT_MOVE_INPUTS = ("-c", "--conf-dir", "-C", "--isolated")  # another conf.py, or none


def _files(folder: Path, skip) -> list[Path]:
    """Every file under the folder, and every link to a folder (listed, never followed)."""
    found = []
    for parent, folders, names in os.walk(folder):
        here = Path(parent)
        folders[:] = sorted(name for name in folders if not skip(here / name, True))
        found += [here / name for name in folders if (here / name).is_symlink()]
        found += [here / name for name in sorted(names) if not skip(here / name, False)]
    return found


def _not_an_input(root: Path):
    docs = root / SOURCE_FOLDER

    def skip(path: Path, is_folder: bool) -> bool:
        name = path.name
        if name in NOT_INPUTS or name.endswith((".egg-info", ".pyc", ".tmp")):
            return True
        if path.is_relative_to(docs) and path != docs:
            relative = path.relative_to(docs).as_posix()
            return is_generated_page(relative + "/" if is_folder else relative)
        return False

    return skip


def inputs_digest(root: Path, command: list[str]) -> str:
    """A digest of what a build of `root` with `command` (builder and options) reads."""
    digest = hashlib.blake2b(digest_size=20)
    skip = _not_an_input(root)
    paths = _files(root, skip) + ([] if CODE.is_relative_to(root.resolve()) else _files(CODE, skip))
    for path in paths:
        # A link or a file with a second name is refused as a seed (tools/seeds.py): its kind
        # counts, not only its bytes, so that making a seed a link rebuilds the book.
        status = path.lstat()
        digest.update(f"{os.path.relpath(path, root)}\0{stat.S_IFMT(status.st_mode)}\0{status.st_nlink > 1}\0".encode())
        try:
            digest.update(path.read_bytes() if stat.S_ISREG(status.st_mode) else os.readlink(path).encode() if stat.S_ISLNK(status.st_mode) else b"")
        except OSError as error:  # unreadable: the build will say so; never skip it
            digest.update(repr(error).encode())
        digest.update(b"\0")
    site = Path(sysconfig.get_paths()["purelib"])
    installed = sorted(name for name in os.listdir(site) if name.endswith((".dist-info", ".pth"))) if site.is_dir() else []
    environment = sorted((key, value) for key, value in os.environ.items() if key.startswith(ENVIRONMENT))
    digest.update(json.dumps([sys.version, installed, environment, command]).encode())
    return digest.hexdigest()


def outputs_digest(root: Path, builder: str) -> str:
    """A digest of the names, sizes and times of what the build wrote."""
    digest = hashlib.blake2b(digest_size=20)
    build, docs = root / BUILD_FOLDER, root / SOURCE_FOLDER
    written = [build / builder, build / "doctrees"] + [docs / name for name in sorted(os.listdir(docs)) if is_generated_page(name + "/") or is_generated_page(name)]
    for top in written:
        paths = _files(top, lambda path, is_folder: False) if top.is_dir() else [top] if top.exists() else []
        for path in paths:
            status = path.stat()
            digest.update(f"{path.relative_to(root).as_posix()}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
        digest.update(f"{top.name} {len(paths)}\0".encode())
    return digest.hexdigest()


def stamp_path(root: Path, builder: str) -> Path:
    return root / BUILD_FOLDER / f".{builder}-uptodate.json"


def stamp_applies(root: Path) -> bool:
    """False when conf.py may point the build at files outside the project folder."""
    try:
        conf = (root / SOURCE_FOLDER / "conf.py").read_text(encoding="utf-8")
    except OSError:
        return False
    return not any(setting in conf for setting in SETTINGS_THAT_MOVE_INPUTS)


def moves_inputs(options: list[str]) -> bool:
    """Options that point the build at files this check does not hash: another conf.py, or a
    `-D book_root=...` (or seeds or data folder) given on the command line."""
    settings = [option for option in options if option.startswith(SETTINGS_THAT_MOVE_INPUTS) or option.startswith(tuple(f"-D{name}" for name in SETTINGS_THAT_MOVE_INPUTS))]
    return bool(settings) or any(option in OPTIONS_THAT_MOVE_INPUTS or option.startswith(("--conf-dir=", "-c")) for option in options)


def forces_a_build(options: list[str]) -> bool:
    """-E or -a (alone or among other one-letter flags, "-aE") asks Sphinx for a full build."""
    return any(option in FORCING or (option[:1] == "-" and option[1:2] != "-" and option[1:].isalpha() and option[1:2] not in "DAtjbcdw" and set(option[1:]) & {"a", "E"}) for option in options)


def check(root: Path, builder: str, options: list[str]) -> bool:
    """True when the last successful build read these inputs and its output is untouched; else
    remember the inputs for `record` and return False."""
    if not stamp_applies(root) or moves_inputs(options):
        return False
    if forces_a_build(options):
        stamp_path(root, builder).unlink(missing_ok=True)
        return False
    stamp = stamp_path(root, builder)
    inputs = inputs_digest(root, [builder, *options])
    try:
        kept = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    if kept.get("inputs") == inputs and kept.get("outputs") == outputs_digest(root, builder):
        return True
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"pending": inputs}), encoding="utf-8")  # no "inputs": a failed build stays stale
    return False


def record(root: Path, builder: str) -> None:
    """After a successful build: the inputs seen before it, the outputs as it left them."""
    stamp = stamp_path(root, builder)
    try:
        pending = json.loads(stamp.read_text(encoding="utf-8")).get("pending")
    except (OSError, ValueError):
        return
    if pending:
        stamp.write_text(json.dumps({"inputs": pending, "outputs": outputs_digest(root, builder)}), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """`python -m tools.uptodate check|record BUILDER [SPHINX OPTIONS...]`, from the project folder.
    `check` exits 0 when the build can be skipped (and says so), 1 when Sphinx must run."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2 or args[0] not in ("check", "record"):
        print("usage: python -m tools.uptodate check|record BUILDER [SPHINX OPTIONS...]", file=sys.stderr)
        return 2
    action, builder, options = args[0], args[1], args[2:]
    root = Path.cwd()
    if action == "record":
        record(root, builder)
        return 0
    if check(root, builder, options):
        print(f"The book is up to date: no seed, page, data file or code changed since the last {builder} build, and {BUILD_FOLDER}/{builder} is as it left it.")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
