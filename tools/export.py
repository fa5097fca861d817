"""The corpus export: machine-readable files offered as downloads beside the book."""

from __future__ import annotations

import json

from .model import Passage


def passage_record(passage: Passage, url: str, extra: dict | None = None) -> dict:
    record = {
        "id": passage.id,
        "source": passage.source,
        "lines": [passage.first_line, passage.last_line],
        "text": passage.text,
        "date": passage.date,
        "date_basis": passage.date_basis or None,
        "period": passage.period,
        "themes": list(passage.themes),
        "terms": list(passage.terms),
        "section": list(passage.section),
        "byline": passage.byline,
        "url": url,
    }
    record.update(extra or {})
    return record


def jsonl(records: list[dict]) -> str:
    """One JSON object per line, keys in a fixed order, non-ASCII kept readable."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def json_document(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"
