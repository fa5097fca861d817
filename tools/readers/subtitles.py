"""Subtitles (`.srt` SubRip, `.vtt` WebVTT): what a documentary, an interview or a news video
says, cue by cue.

A cue is a number (optional in WebVTT), a line of time codes ("00:00:40,800 --> 00:00:46,300")
and the lines shown on screen. The numbers and time codes say when in the video, never when in
the world: they are accounted for as removals. What the cues say becomes passages: a cue whose
text does not close its sentence runs on into the next one, so that a sentence split over two
cues is one passage. Lines in square brackets are not speech: a caption that gives a date
("[ON SCREEN: Damascus · 10.V.2010]", "[ARCHIVE AUDIO, … 7.V.2010]") is the date of what is said
under it, as a dateline is a news item's (a caption alone in its cue, until the next caption; a
caption above speech, for its own cue); the others ("[MUSIC]", "[END OF EPISODE 1]") are sound
and stage directions. A first cue that is a short line with no sentence is the video's title.
"""

from __future__ import annotations

import re

from ..datefinder import find_dates
from ..model import Block, Source

NAME = "subtitles"
DEFAULT_KIND = "video transcript"
SUFFIXES = (".srt", ".vtt")

_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_BRACKETED = re.compile(r"^\s*\[(?P<inside>[^\[\]]{1,200})\]\s*$")
_CAPTION_LABEL = re.compile(r"^\s*(?:ON[\s-]SCREEN|CAPTION|SUPER|LOWER THIRD|TITLE|TEXT)\s*:\s*", re.IGNORECASE)
# Formatting inside a cue (SubRip's <i>, <b>, <font color=…>; WebVTT's <c.yellow>, <00:01.500>): not
# words. A WebVTT voice tag names the speaker: "<v Lavrov>We …" reads "Lavrov: We …".
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^<>]{1,60})>")
_TAG = re.compile(r"</?(?:b|i|u|c|v|lang|ruby|rt|font)(?:[.\s][^<>]{0,80})?>|<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "»", ")")
TITLE_WORDS = 15


def looks_like(lines: list[str]) -> bool:
    """At least two lines of time codes ("00:00:05,000 --> 00:00:10,800")."""
    return sum(1 for line in lines[:5000] if _TIMING.match(line)) >= 2


def _cues(lines: list[str]) -> list[tuple[int, int, int]]:
    """Each cue as (index of its timing line, index of its first text line, stop): its text runs
    to the first blank line. What stands between a cue and the next timing line is the next
    cue's number or identifier."""
    timings = [index for index, line in enumerate(lines) if _TIMING.match(line)]
    cues = []
    for position, timing in enumerate(timings):
        limit = timings[position + 1] if position + 1 < len(timings) else len(lines)
        stop = next((index for index in range(timing + 1, limit) if not lines[index].strip()), limit)
        cues.append((timing, timing + 1, stop))
    return cues


def _caption_date(inside: str) -> str | None:
    """The date a bracketed caption gives: its last date with a year ("archive film, 1971")."""
    dates = [date for _, date in find_dates(inside) if date.year is not None]
    return dates[-1].iso() if dates else None


def read(file: str, lines: list[str]) -> Source:
    source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines)
    cues = _cues(lines)
    before = cues[0][0] if cues else len(lines)
    for index in range(before):
        if lines[index].strip():
            source.remove(index + 1, index + 1, "file header" if index == 0 and lines[index].strip().startswith("WEBVTT") else "cue number", lines[index])
    open_block: Block | None = None
    for timing, first, stop in cues:
        source.remove(timing + 1, timing + 1, "time code: where in the video, not when", lines[timing])
        for index in range(stop, next((t for t, _, _ in cues if t > timing), len(lines))):
            if lines[index].strip():
                source.remove(index + 1, index + 1, "cue number" if _NUMBER.match(lines[index]) else "cue identifier", lines[index])
        spoken: list[tuple[int, str]] = []
        cue_date = None
        for index in range(first, stop):
            line = lines[index]
            if not line.strip():
                continue
            bracketed = _BRACKETED.match(line)
            if bracketed:
                inside = _CAPTION_LABEL.sub("", bracketed.group("inside"))
                date = _caption_date(inside)
                if date and not spoken and not any(lines[other].strip() and not _BRACKETED.match(lines[other]) for other in range(index + 1, stop)):
                    # a caption alone heads what follows, up to the next, as a chronology's heading does
                    source.blocks.append(Block("heading", " ".join(inside.split()), index + 1, index + 1, level=2))
                    open_block = None
                elif date:
                    cue_date = date
                    source.remove(index + 1, index + 1, "caption: gives the date of its cue", line)
                else:
                    source.remove(index + 1, index + 1, "sound or stage direction", line)
                continue
            tags = _TAG.findall(line)
            if tags:
                source.remove(index + 1, index + 1, "subtitle formatting tags", " ".join(tags))
                line = _TAG.sub("", _VOICE.sub(lambda voice: voice.group("name").strip() + ": ", line))
            if line.strip():
                spoken.append((index, " ".join(line.split())))
        if not spoken:
            open_block = None
            continue
        text = " ".join(words for _, words in spoken)
        if timing == cues[0][0] and len(text.split()) <= TITLE_WORDS and not text.endswith(_SENTENCE_END[:4]):
            source.title = text
            source.remove(spoken[0][0] + 1, spoken[-1][0] + 1, "title: used as the source's title", text)
            continue
        when = cue_date
        if open_block is not None and open_block.item_date == when:
            open_block.text += " " + text  # a sentence split over two cues
            open_block.last_line = spoken[-1][0] + 1
        else:
            open_block = Block("paragraph", text, spoken[0][0] + 1, spoken[-1][0] + 1, item_date=when)
            source.blocks.append(open_block)
        if open_block.text.endswith(_SENTENCE_END):
            open_block = None
    return source
