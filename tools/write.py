"""Writing generated files: atomically, and only when their content changed.

An unchanged file keeps its modification time, so Sphinx does not re-read it: a rebuild with no
change rewrites nothing. A manifest lists what the last run wrote, with the SHA-256 of each file
(the format of `sha256sum`, so `sha256sum --check .generated-files` works too): files that are no
longer generated (a period renamed, a seed removed) are deleted instead of lingering as orphans,
and a generated file edited by hand is found before it is replaced.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

MANIFEST = ".generated-files"
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write through a temporary file and a rename; return True when the file changed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; published files are world-readable
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def checksum(content: str | bytes) -> str:
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def read_manifest(root: Path) -> dict[str, str]:
    """What the last run wrote under root: name -> SHA-256 ("" from a manifest of names only)."""
    try:
        lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    written = {}
    for line in filter(None, lines):
        digest, separator, name = line.partition("  ")
        written.update({name: digest} if separator and len(digest) == 64 else {line: ""})
    return written


def hand_edited(root: Path) -> list[str]:
    """Generated files that are there but no longer hold what the last run wrote."""
    edited = []
    for name, digest in sorted(read_manifest(root).items()):
        path = root / name
        inside = path.resolve().is_relative_to(root.resolve())
        if digest and inside and path.is_file() and not path.is_symlink() and checksum(path.read_bytes()) != digest:
            edited.append(name)
    return edited


def in_place(root: Path) -> bool:
    """Whether every file the last run wrote is there, as it was written (a manifest of names
    only, from an older version, cannot tell: the files are written again)."""
    written = read_manifest(root)
    return bool(written) and all(digest and (root / name).is_file() for name, digest in written.items()) and not hand_edited(root)


def write_tree(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write every file under root; delete files the previous run wrote that are gone now."""
    changed = [name for name, content in sorted(files.items()) if write_if_changed(root / name, content)]
    previous = set(read_manifest(root))
    for stale in sorted(previous - set(files)):
        target = (root / stale).resolve()
        if target.is_relative_to(root.resolve()) and target.is_file():
            target.unlink()
            changed.append(stale)
    write_if_changed(root / MANIFEST, "".join(f"{checksum(content)}  {name}\n" for name, content in sorted(files.items())))
    return changed
