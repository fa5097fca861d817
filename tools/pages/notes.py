"""The register of editorial notes: every annotation, contested claims first, each under a heading
of its own (anchor "note-<id>") with all the passages it joins."""

from __future__ import annotations

from .. import myst
from ..annotations import KINDS
from .common import PageContext, distinct_labels


def notes_page(context: PageContext) -> str:
    out = [myst.label("contested-claims"), "# Contested claims and editorial notes", ""]
    out.append(
        "The sources disagree on facts that matter: who fired, who was hit, how many died. Where "
        "they do, the book attaches a note to every passage that carries one of the competing "
        "accounts. The notes are the editors' own; the passages are the sources' words."
    )
    out += ["", myst.directive("only", "In this edition each note is printed in full beside the first passage it concerns; this register gives its page and the pages of all its passages.", "latex")]
    out.append("")
    for kind, label in KINDS.items():
        chosen = [a for a in context.book.annotations if a.kind == kind]
        if not chosen:
            continue
        out += [f"## {'Contested claims' if kind == 'contested' else f'{label} notes'}", ""]
        for annotation in chosen:
            title = f"{context.note_label[annotation.id]}: {myst.text(annotation.title)}"
            out += [myst.label(f"note-{annotation.id}"), f"### {title}", ""]
            web = [myst.text(annotation.note), ""]
            labels = distinct_labels([context.by_id[pid] for pid in annotation.passages], context.ref_label)
            for pid in annotation.passages:
                kind_label = context.views[context.by_id[pid].source].kind_label
                web.append(f"- [{myst.text(labels[pid])}](#{pid}) ({myst.text(kind_label)})")
            out += [myst.directive("only", "\n".join(web), "html"), "", myst.directive("only", print_entry(context, annotation), "latex"), ""]
    return "\n".join(out)


def print_entry(context: PageContext, annotation) -> str:
    """In print the note is given in full once, beside its first passage: here, its pages."""
    concerned = sorted((context.by_id[pid] for pid in annotation.passages if pid in context.by_id), key=context.reading_order)
    if annotation.id not in context.note_home:
        return myst.text(annotation.note)  # it concerns no passage: this is its only place
    pages = " ".join(passage.id for passage in concerned)
    return f"Printed in full {{pages}}`note-text-{annotation.id}`; the passages it concerns: {{pages}}`{pages}`."


def pages(context: PageContext) -> dict[str, str]:
    return {"contested-claims.md": notes_page(context)}
