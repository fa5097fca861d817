"""Email newsletters saved as `.eml` files (RFC 5322 messages, parsed with the standard library).

A newsletter is a digest, an article or plain prose wrapped in an envelope: headers (sender,
route, subject, date) above a blank line, then a body that may be split into MIME parts. The
envelope tells what the body does not: the Subject is the issue's title and the Date header the
day it was sent, so the body's undated paragraphs are of that day and a section's "MON 08.01"
takes its year from it. The body itself is read by the reader its content calls for.

The reader reads the text/plain part whose lines stand in the file as written (7bit, 8bit or
binary transfer encoding), so that every passage keeps the line numbers of the file. A body
encoded as quoted-printable or base64 is decoded and read, its passages cited by the line span of
the encoded part (the decoded lines are not the file's). Every other line (headers, MIME
boundaries, an HTML twin of the text, attachments) is accounted for as a removal.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from email.message import EmailMessage

from ..model import Block, Source

NAME = "email"
DEFAULT_KIND = "newsletter"
SUFFIXES = (".eml",)

_IDENTITY = ("", "7bit", "8bit", "binary")


def looks_like(lines: list[str]) -> bool:
    """A file named .eml is read as a message; one without headers is read as its body alone."""
    return True


_HEADER_LINE = re.compile(r"^[!-9;-~]+:")  # "Date:", "X-Mailer:": a field name, then a colon


def _header_end(lines: list[str]) -> int:
    """The index of the blank line closing the headers (len(lines) when there is none); -1 when
    the file does not open with a header, so that all of it is the body."""
    if not lines or not _HEADER_LINE.match(lines[0]):
        return -1
    return next((index for index, line in enumerate(lines) if not line.strip()), len(lines))


def _sent_on(message: EmailMessage) -> str:
    """The Date header as an ISO day, in the sender's own time zone (the day the issue bears)."""
    value = message.get("Date")
    if not value:
        return ""
    try:
        sent = email.utils.parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return ""
    return sent.date().isoformat() if sent is not None else ""


def _text_part(message: EmailMessage) -> EmailMessage | None:
    """The message's plain-text body: the first text/plain part that is not an attachment."""
    for part in message.walk():
        if part.get_content_type() == "text/plain" and part.get_content_disposition() != "attachment":
            return part
    return None


def _find_lines(lines: list[str], payload: list[str], start: int) -> int | None:
    """Where the payload's lines stand in the file, from `start` on (None when they do not)."""
    wanted = [line.rstrip() for line in payload]
    while wanted and not wanted[-1]:
        wanted.pop()
    if not wanted:
        return None
    for index in range(start, len(lines) - len(wanted) + 1):
        if lines[index].rstrip() == wanted[0] and [line.rstrip() for line in lines[index : index + len(wanted)]] == wanted:
            return index
    return None


def _payload_lines(part: EmailMessage) -> list[str]:
    raw = part.get_payload(decode=False)
    return str(raw).splitlines() if isinstance(raw, str) else []


def _decoded_lines(part: EmailMessage) -> list[str]:
    try:
        text = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken encoding
        data = part.get_payload(decode=True) or b""
        text = data.decode("utf-8", errors="replace")
    return str(text).splitlines()


# A thread's furniture: the header block of a message quoted below a reply (Outlook's
# "-----Original Message-----", "From:", "To:", "Subject:"; its "Sent:" line stays, as the
# dateline of the quoted message), a signature below "--", a phone's "Sent from my iPhone", a
# disclaimer, and the greetings and sign-offs of a line alone ("Hi all,", "P.", "Tomas").
_ORIGINAL_MESSAGE = re.compile(r"^\s*-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}\s*$", re.IGNORECASE)
_QUOTED_HEADER = re.compile(r"^\s*(?:From|To|Cc|Bcc|Subject|Reply-To|Importance)\s*:\s", re.IGNORECASE)
_DATE_HEADER = re.compile(r"^\s*(?:Sent|Date)\s*:\s", re.IGNORECASE)
_SIGNATURE_MARK = re.compile(r"^\s*--\s*$")
_SENT_FROM = re.compile(r"^\s*(?:Sent|Envoyé|Gesendet)\s+(?:from|with|via|de|von)\s+(?:my\s+)?\S.{0,40}$", re.IGNORECASE)
_DISCLAIMER = re.compile(r"^\s*(?:CONFIDENTIALITY|DISCLAIMER|PRIVILEGED|This (?:e-?mail|message) (?:and any|is intended|may contain)|Please consider the environment)", re.IGNORECASE)
_SALUTATION = re.compile(r"^\s*(?:(?:Hi|Hello|Dear|Hey)\b[^.!?]{0,40}|[A-Z][\w'’-]*(?:\s*,\s*[A-Z][\w'’-]*){0,3}\s*,|(?:Best|Regards|Thanks|Cheers|Kind regards|Best regards|Many thanks)\b[^.!?]{0,30}|[A-Z][\w'’-]{0,20}\.?|[A-Z]\.(?:\s?[A-Z]\.)?)\s*$")
_QUOTE_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?")


def thread_furniture(lines: list[str], start: int, stop: int) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The body's lines with a thread's furniture blanked and the quote marks of quoted messages
    taken off (so a quoted message reads as the messages above it), and what was taken: (first
    index, last index, reason). Between `start` and `stop` only (the body's lines)."""
    lines = list(lines)
    stop = min(stop, len(lines))
    taken: list[tuple[int, int, str]] = []
    quoted_from = None
    for index in range(start, stop + 1):
        marked = _QUOTE_MARKS.match(lines[index]) if index < stop else None
        if marked and quoted_from is None:
            quoted_from = index
        if not marked and quoted_from is not None:
            taken.append((quoted_from, index - 1, "email quoting: the “>” marks before a quoted message's lines"))
            quoted_from = None
        if marked:
            lines[index] = lines[index][marked.end() :]

    def blank(first: int, last: int, reason: str) -> None:
        taken.append((first, last, reason))
        for at in range(first, last + 1):
            lines[at] = ""

    index = start
    while index < stop:
        line = lines[index]
        if _ORIGINAL_MESSAGE.match(line) or (_QUOTED_HEADER.match(line) and line.lstrip().lower().startswith("from") and index + 1 < stop and (_QUOTED_HEADER.match(lines[index + 1]) or _DATE_HEADER.match(lines[index + 1]))):
            end = index
            while end + 1 < stop and (_QUOTED_HEADER.match(lines[end + 1]) or _DATE_HEADER.match(lines[end + 1]) or _ORIGINAL_MESSAGE.match(lines[end + 1])):
                end += 1
            for at in range(index, end + 1):
                if not _DATE_HEADER.match(lines[at]):
                    blank(at, at, "email thread: the header of a quoted message (its “Sent:” line dates it)")
            index = end + 1
            continue
        if _SIGNATURE_MARK.match(line) or _DISCLAIMER.match(line):
            end = index
            while end + 1 < stop and lines[end + 1].strip():
                end += 1
            blank(index, end, "email signature" if _SIGNATURE_MARK.match(line) else "email disclaimer")
            index = end + 1
            continue
        above_clear = index == start or not lines[index - 1].strip() or lines[index - 1].rstrip().endswith("wrote:")
        below_clear = index + 1 >= stop or not lines[index + 1].strip() or _SENT_FROM.match(lines[index + 1])
        if _SENT_FROM.match(line) or (line.strip() and above_clear and below_clear and _SALUTATION.match(line) and not _DATE_HEADER.match(line)):
            blank(index, index, "email greeting or sign-off")
        index += 1
    return lines, taken


def _read_body(file: str, lines: list[str], sent: str) -> Source:
    """The body read like any seed of its kind; a digest's yearless datelines take their year
    from the day the message was sent."""
    from . import choose_reader, digest

    reader = choose_reader(lines, "body.txt")
    source = digest.read(file, lines, reference=sent) if reader is digest else reader.read(file, lines)
    source.metadata["body_format"] = reader.NAME
    return source


def read(file: str, lines: list[str]) -> Source:
    end = _header_end(lines)
    message = email.message_from_string("\n".join(lines[: max(end, 0)]) + "\n\n" + "\n".join(lines[end + 1 :]), policy=email.policy.default)
    subject = " ".join(str(message.get("Subject", "")).split())
    sent = _sent_on(message)
    part = _text_part(message)
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower() if part is not None else ""
    body_at = None
    if part is not None and encoding in _IDENTITY:
        body_at = min(end + 1, len(lines)) if part is message else _find_lines(lines, _payload_lines(part), end + 1)
    if body_at is not None:
        body_lines = _payload_lines(part)
        while body_lines and not body_lines[-1].strip():
            body_lines.pop()
        visible = [""] * body_at + lines[body_at : body_at + len(body_lines)] + [""] * (len(lines) - body_at - len(body_lines))
        visible, taken = thread_furniture(visible, body_at, body_at + len(body_lines))
        source = _read_body(file, visible, sent)
        for first, last, reason in taken:
            text = "\n".join(lines[first : last + 1])
            if reason.startswith("email quoting"):
                text = "\n".join(_QUOTE_MARKS.match(line).group(0) for line in lines[first : last + 1] if _QUOTE_MARKS.match(line))
            source.remove(first + 1, last + 1, reason, text)
        span = None
    elif part is not None:
        decoded = _decoded_lines(part)
        source = _read_body(file, decoded, sent)
        span = (end + 2, len(lines))  # the encoded part: its decoded lines are not the file's
    else:
        source = Source(file=file, kind=DEFAULT_KIND, title="", line_count=len(lines), lines=lines, metadata={"body_format": "none"})
        source.problem(end + 1, "an email with no plain-text part (HTML only, or attachments): its body is not read", "warning")
        span = None
        body_at, body_lines = len(lines), []
    if span is not None:
        first, last = span
        for block in source.blocks:
            block.first_line, block.last_line = first, last
        source.removals = [type(removal)(first, last, removal.reason, removal.text) for removal in source.removals]
        source.problem(first, f"the body is {encoding}-encoded: its passages cite the encoded part (lines {first}–{last}), not a line of their own")
        kept = range(0)
    else:
        kept = range(body_at, body_at + len(body_lines))
    source.lines = lines
    source.line_count = len(lines)
    for index, line in enumerate(lines):  # the envelope, MIME furniture and other parts
        if index not in kept and (span is None or not span[0] - 1 <= index < span[1]):
            reason = "email header: the Subject is the title, the Date the issue's day" if index < end else "email envelope: MIME boundary, part headers or another part"
            source.remove(index + 1, index + 1, reason, line)
    if subject:
        for position, removal in enumerate(source.removals):  # the body's masthead: not the title now
            if removal.reason.startswith("title:"):
                source.removals[position] = type(removal)(removal.first_line, removal.last_line, "masthead: the email's Subject is the source's title", removal.text)
        source.title = subject
    published = source.metadata.get("published") or sent
    source.metadata = {**source.metadata, "published": published, "sent": sent, "from": str(message.get("From", "")), "subject": subject}
    for block in source.blocks:
        if not block.item_date and sent:
            block.item_date = sent  # the newsletter's own paragraphs are of the day it was sent
    source.kind = DEFAULT_KIND
    source.metadata["format"] = f"{NAME} ({source.metadata.pop('body_format')} body)"
    return source
