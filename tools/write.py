"""Writing generated files: atomically, and only when their content changed.

An unchanged file keeps its modification time, so Sphinx does not re-read it: a rebuild with no
change rewrites nothing. A manifest lists what the last run wrote, so files that are no longer
generated (a period renamed, a seed removed) are deleted instead of lingering as orphans.
"""

from __future__ import annotations

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


def write_tree(root: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write every file under root; delete files the previous run wrote that are gone now."""
    changed = [name for name, content in sorted(files.items()) if write_if_changed(root / name, content)]
    manifest = root / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split("\n")) if manifest.exists() else set()
    for stale in sorted(previous - set(files) - {""}):
        target = (root / stale).resolve()
        if target.is_relative_to(root.resolve()) and target.is_file():
            target.unlink()
            changed.append(stale)
    write_if_changed(manifest, "\n".join(sorted(files)) + "\n")
    return changed
