"""Finding and reading seed files: regular files directly inside seeds/, never through a link.

Seeds come from users and pull requests, so the folder is untrusted. A symbolic link (to a file, a
folder or nowhere), a hard link, a device, a FIFO or a socket would let a seed publish a file from
outside the project, or hang or crash the build: each is refused and reported with its name and
the reason. Files are opened with O_NOFOLLOW relative to the folder's own descriptor and checked
with fstat on the open descriptor, so a file swapped for a link between listing and reading is
refused too. Any read error (permission, I/O, a file that vanished) is a reported problem, never
a traceback.

File names are untrusted text as well: a name whose bytes are not UTF-8 is shown with those bytes
escaped (`bad\\xffname.txt`), the form used everywhere the book names the file.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .model import Problem

SEED_SUFFIXES = (".txt", ".md", ".xml", ".rss", ".atom", ".eml", ".csv", ".tsv", ".srt", ".vtt", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml")  # text, Markdown, news feeds saved from a site, emails, table exports, subtitles, JSON exports, saved web pages
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}  # control, format, separator and unassigned characters
MAX_SEED_BYTES = 64 * 1024 * 1024  # far beyond any document; stops a runaway file early
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class SeedReadError(OSError):
    """A seed that cannot be read safely; the message says why, for the editor."""


def display_name(os_name: str) -> str:
    """The file name as the book shows it: bytes that are not UTF-8 written as \\xNN, line
    breaks and other control or invisible characters as \\uNNNN (a name can never start a line
    of its own in a report or on the console), and a backslash as two, so that two different
    names never show alike."""
    shown = []
    for char in os.fsdecode(os.fsencode(os_name)):
        code = ord(char)
        if char == "\\":
            shown.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in _HIDDEN:
            shown.append(f"\\u{code:04x}")
        else:
            shown.append(char)
    return "".join(shown)


@dataclass(frozen=True)
class SeedFile:
    name: str  # the name the book shows and cites (display_name of os_name)
    os_name: str  # the name the operating system gives, for opening it


@dataclass
class SeedListing:
    files: list[SeedFile]
    refused: list[Problem]


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _open_folder(folder: Path) -> int:
    """The seeds folder's descriptor; the folder itself must not be a link either."""
    return os.open(folder, _DIR_FLAGS)


def list_seeds(folder: Path) -> SeedListing:
    """Every readable seed directly in the folder, in name order, and what was refused and why.

    Hidden files are not seeds; a hidden .txt or .md is reported, since it looks like one.
    Files with other suffixes are reported as not read, as a notice.
    """
    files: list[SeedFile] = []
    refused: list[Problem] = []
    if not os.path.lexists(folder):
        return SeedListing(files, refused)
    try:
        descriptor = _open_folder(folder)
    except OSError as error:
        reason = "is a symbolic link: not followed" if os.path.islink(folder) else f"cannot be opened ({error.strerror or error})"
        return SeedListing(files, [Problem(folder.name or str(folder), 0, f"the seeds folder {reason}", severity="warning")])
    try:
        with os.scandir(descriptor) as entries:
            found = sorted(entries, key=lambda entry: os.fsencode(entry.name))
        for entry in found:
            name = display_name(entry.name)
            seedlike = name.lower().endswith(SEED_SUFFIXES)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                refused.append(Problem(name, 0, f"cannot be examined ({error.strerror or error}): not read", severity="warning"))
                continue
            if stat.S_ISLNK(info.st_mode):
                target = _link_target(descriptor, entry.name)
                refused.append(Problem(name, 0, f"a symbolic link{target}: not followed; put the document itself in seeds/", severity="warning"))
            elif not stat.S_ISREG(info.st_mode):
                if not entry.name.startswith("."):
                    refused.append(Problem(name, 0, f"{_kind(info.st_mode)}, not a document: not read", severity="warning"))
            elif entry.name.startswith("."):
                if seedlike:
                    refused.append(Problem(name, 0, "a hidden file: not read (remove the leading dot to include it)", severity="warning"))
            elif not seedlike:
                refused.append(Problem(name, 0, "not a .txt, .md, .eml, feed (.xml, .rss, .atom), table (.csv, .tsv), subtitle (.srt, .vtt), JSON (.json, .jsonl, .ndjson) or web page (.html, .htm, .xhtml) file: not read"))
            elif info.st_nlink > 1:
                refused.append(
                    Problem(name, 0, f"a hard link (the file has {info.st_nlink} names): not read; copy the document into seeds/", severity="warning")
                )
            else:
                files.append(SeedFile(name, entry.name))
    finally:
        os.close(descriptor)
    return SeedListing(files, refused)


def _link_target(descriptor: int, os_name: str) -> str:
    try:
        return f" to {display_name(os.readlink(os_name, dir_fd=descriptor))}"
    except OSError:
        return ""


def read_regular_file(path: Path) -> bytes:
    """An editorial data file's bytes, by the seeds' rule: a regular file, never through a link."""
    return read_seed_bytes(path.parent, SeedFile(display_name(path.name), path.name), listed=False)


def read_seed_bytes(folder: Path, seed: SeedFile, listed: bool = True) -> bytes:
    """The seed's bytes, read without following any link; SeedReadError says why it can't be."""
    try:
        folder_descriptor = _open_folder(folder)
    except OSError as error:
        raise SeedReadError(f"the seeds folder cannot be opened ({error.strerror or error})") from error
    try:
        try:
            descriptor = os.open(seed.os_name, _READ_FLAGS, dir_fd=folder_descriptor)
        except OSError as error:
            if os.path.islink(folder / seed.os_name):
                why = "became a symbolic link while the book was built" if listed else "is a symbolic link"
                raise SeedReadError(f"{why}: not followed") from error
            raise SeedReadError(f"cannot be read ({error.strerror or error})") from error
    finally:
        os.close(folder_descriptor)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise SeedReadError(f"{_kind(info.st_mode)}, not a document: not read")
        if info.st_nlink > 1:
            raise SeedReadError(f"a hard link (the file has {info.st_nlink} names): not read")
        if info.st_size > MAX_SEED_BYTES:
            raise SeedReadError(f"{info.st_size} bytes, over the limit of {MAX_SEED_BYTES}: not read")
        chunks, total = [], 0
        while True:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_SEED_BYTES:
                raise SeedReadError(f"grew past the limit of {MAX_SEED_BYTES} bytes while read: not read")
            chunks.append(chunk)
        return b"".join(chunks)
    except SeedReadError:
        raise
    except OSError as error:
        raise SeedReadError(f"cannot be read ({error.strerror or error})") from error
    finally:
        os.close(descriptor)
