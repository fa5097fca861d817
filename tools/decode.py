"""Turn a seed's bytes into lines of text, reporting everything that was not plain UTF-8.

Fallback decoding (documented in the book's "How this book is made" page): bytes that are not valid
UTF-8 are decoded one by one as Windows-1252 (Latin-1 for the five bytes cp1252 leaves undefined),
and each replaced byte is reported with its line. A file that looks binary (a NUL byte, or mostly
control bytes) is skipped and reported.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass, field

from .model import Problem

BOM = codecs.BOM_UTF8


@dataclass
class DecodedText:
    file: str
    lines: list[str]
    problems: list[Problem] = field(default_factory=list)
    binary: bool = False


def _fallback_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return bytes([byte]).decode("latin-1")


def _fallback_name(byte: int) -> str:
    try:
        bytes([byte]).decode("cp1252")
        return "Windows-1252"
    except UnicodeDecodeError:
        return "Latin-1"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of C0 control bytes mean this is not a text document."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.10


def _decode_utf8_with_fallback(data: bytes) -> tuple[str, list[tuple[int, int]]]:
    """Decode UTF-8; return the text and (character offset, byte) for each byte replaced."""
    pieces: list[str] = []
    replaced_at: list[tuple[int, int]] = []
    length = 0
    position = 0
    while position < len(data):
        try:
            text = data[position:].decode("utf-8")
            pieces.append(text)
            length += len(text)
            break
        except UnicodeDecodeError as error:
            good = data[position : position + error.start].decode("utf-8")
            pieces.append(good)
            length += len(good)
            for bad in data[position + error.start : position + error.end]:
                pieces.append(_fallback_char(bad))
                replaced_at.append((length, bad))
                length += 1
            position += error.end
    return "".join(pieces), replaced_at


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or a lone CR, as editors' tools count lines."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = normalised.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def decode_seed(file: str, data: bytes) -> DecodedText:
    """Decode a seed's bytes into lines; report a BOM, odd line endings and replaced bytes."""
    problems: list[Problem] = []
    if looks_binary(data):
        return DecodedText(file, [], [Problem(file, 1, "binary file (NUL or control bytes): skipped")], True)
    if data.startswith(BOM):
        data = data[len(BOM) :]
        problems.append(Problem(file, 1, "UTF-8 byte-order mark removed"))
    text, replaced_at = _decode_utf8_with_fallback(data)
    if replaced_at:
        line_starts = [0] + [match.end() for match in re.finditer(r"\r\n|\r|\n", text)]
        for offset, byte in replaced_at:
            line = bisect.bisect_right(line_starts, offset)
            column = offset - line_starts[line - 1] + 1
            problems.append(
                Problem(file, line, f"invalid UTF-8 byte 0x{byte:02X} at column {column} decoded as {_fallback_name(byte)} {text[offset]!r}")
            )
    for ending, name in (("\r\n", "CRLF"), ("\r(?!\n)", "CR")):
        first = re.search(ending, text)
        if first:  # reported once, at the first line that ends so
            line = 1 + len(re.findall(r"\r\n|\r|\n", text[: first.start()]))
            problems.append(Problem(file, line, f"{name} line endings read as line breaks"))
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        problems.append(Problem(file, 1, "empty file: no text to read"))
    return DecodedText(file, lines, problems)
