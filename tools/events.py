"""Events: the passages that tell the same happening, gathered into one line of the chronology.

Readers look before they read: a chronology lists events, not passages. Four passages of three
sources telling of the first Russian air strikes are one event citing all four. Undated passages
are never events; every dated passage tells at least one.

How passages are gathered, in order:

1. Key events, the editors' own (docs/data/events.yaml): an event with a title and a date claims
   every dated passage whose date can fall within its days (a month or a year contains the day)
   and that names one of its glossary entries or matches one of its patterns. A passage may tell
   two key events (the Federation Council's vote and, an hour later, the first strikes).
2. Every other dated passage is an event, joined with the passages that tell the same one:
   - the paragraphs of one news brief (a digest's dated item) dated by the brief alone, or to the
     day of its first paragraph, continue that paragraph's story;
   - passages that name the same specific event of the glossary (a battle, a shoot-down: an event
     entry few passages mention) dated within a day of each other, or one's month or year holding
     the other's date;
   - passages of different sources that corroborate each other (corroborate.py), dated to the
     same day, that share a name rare in the book.
   Two passages of one day that share nothing specific stay two events.

Titles are in event_titles.py; the grouping rules here never read a title.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .editorial import EditorialError, load_yaml
from .glossary import Glossary
from .model import Book, PartialDate, Passage, parse_iso, valid_iso

DATA_FILE = "events.yaml"  # in docs/data
RARE_TERM_SHARE = 0.03  # as in corroborate.py: a name in at most 3 % of passages is specific
SPECIFIC_EVENT_SHARE = 0.01  # an event entry in at most 1 % of passages names one happening, not a war
DAYS_APART = 1  # sources a day apart tell one event ("early Tuesday" Moscow time, Monday in the West)
ACTOR_CATEGORIES = ("person", "organisation", "armed-group", "force", "community")
PLACE_CATEGORIES = ("place", "facility")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class KeyEvent:
    """An event the editors name: its title, date and how its passages are recognised."""

    id: str
    title: str
    date: str  # ISO: the day (or month) the event happened
    days: int = 0  # how far either side of it a source's date may fall
    entries: tuple[str, ...] = ()  # glossary entries a passage telling it names
    patterns: tuple[re.Pattern, ...] = ()  # how ordinary prose tells it
    basis: tuple[str, ...] = ()  # what the title and date rest on

    def span(self) -> tuple[dt.date, dt.date]:
        date = parse_iso(self.date)
        margin = dt.timedelta(days=self.days)
        return date.first_day() - margin, date.last_day() + margin

    def tells(self, passage: Passage, terms: set[str]) -> bool:
        """Whether the passage's date can fall within the event's days and it names the event."""
        start, end = self.span()
        date = passage.when
        if date is None or date.first_day() > end or date.last_day() < start:
            return False
        return bool(terms & set(self.entries)) or any(pattern.search(passage.text) for pattern in self.patterns)


@dataclass
class Event:
    """One happening as the book's sources tell it."""

    id: str  # public anchor: "event-<key id>" or "event-<date>-<first passage's hash>"
    date: str  # ISO, at the precision its sources agree on
    passages: list[str]  # ids, earliest date first, then in book order
    sources: list[str]  # seed files, in the order of the passages
    title: str = ""
    title_basis: str = ""  # "the editors", "the glossary entry", "the first sentence of its earliest passage"
    period: str = ""
    themes: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # glossary entries, in order of first mention
    actors: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)  # event entries of the glossary it tells of
    contested: list[str] = field(default_factory=list)  # contested notes on its passages (annotation ids)
    key: KeyEvent | None = None

    @property
    def when(self) -> PartialDate:
        return parse_iso(self.date)

    @property
    def single_source(self) -> bool:
        return len(self.sources) == 1


def _key_event(raw, where: str, glossary: Glossary) -> KeyEvent:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise EditorialError(f"{where}: missing 'id'")
    where = f"{where.rsplit(':', 1)[0]}: event '{raw['id']}'"
    if not _ID.fullmatch(str(raw["id"])):
        raise EditorialError(f"{where}: the id must be lower-case letters, digits and hyphens (it is a public anchor)")
    for key in ("title", "date", "basis"):
        if not raw.get(key):
            raise EditorialError(f"{where}: missing '{key}'")
    if not valid_iso(str(raw["date"])):
        raise EditorialError(f"{where}: '{raw['date']}' is not a date (YYYY-MM-DD or YYYY-MM)")
    named = []
    for name in (str(name) for name in raw.get("entries") or []):
        try:
            named.append(glossary.named(name).term)  # an alias names its entry (a renamed entry's old name)
        except KeyError:
            raise EditorialError(f"{where}: glossary entry '{name}' does not exist (no entry has this name or alias)") from None
    entries = tuple(named)
    patterns = []
    for pattern in raw.get("patterns") or []:
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as error:
            raise EditorialError(f"{where}: bad pattern {pattern!r}: {error}") from error
    if not entries and not patterns:
        raise EditorialError(f"{where}: needs 'entries' or 'patterns' (how its passages are recognised)")
    days = raw.get("days", 0)
    if not isinstance(days, int) or days < 0:
        raise EditorialError(f"{where}: 'days' must be a whole number of days, 0 or more")
    basis = raw["basis"] if isinstance(raw["basis"], list) else [raw["basis"]]
    return KeyEvent(str(raw["id"]), " ".join(str(raw["title"]).split()), str(raw["date"]), days, entries, tuple(patterns), tuple(map(str, basis)))


def load_key_events(path: Path, glossary: Glossary) -> list[KeyEvent]:
    """The editors' key events, validated against the glossary; none when the file is absent."""
    if not path.exists():
        return []
    found, seen = [], set()
    for index, raw in enumerate(load_yaml(path).get("events") or []):
        event = _key_event(raw, f"{path}: events[{index}]", glossary)
        if event.id in seen:
            raise EditorialError(f"{path}: event '{event.id}': id used twice")
        seen.add(event.id)
        found.append(event)
    return found


class _Groups:
    """Union-find over passage ids: the passages of one event end up under one root."""

    def __init__(self, ids: list[str]) -> None:
        self.parent = {pid: pid for pid in ids}

    def root(self, pid: str) -> str:
        while self.parent[pid] != pid:
            self.parent[pid] = self.parent[self.parent[pid]]
            pid = self.parent[pid]
        return pid

    def join(self, first: str, second: str) -> None:
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def brief_leads(book: Book) -> dict[str, str]:
    """Passage id -> the first paragraph of its news brief, for the paragraphs that continue it.

    A source of several dated items (a digest) is a run of briefs, each telling one story; a
    paragraph dated by its brief alone, or to its first paragraph's day, continues that story.
    A single article, however long, is not a brief: its paragraphs tell many events.
    """
    leads: dict[str, str] = {}
    for source in book.sources:
        passages = book.passages_of(source.file)
        if len({p.item_date for p in passages if p.item_date}) < 2:
            continue
        lead = None
        for passage in passages:
            if lead is None or passage.item_date != lead.item_date:
                lead = passage
                continue
            if passage.date and passage.date in (passage.item_date, lead.date):
                leads[passage.id] = lead.id
    return leads


def compatible(first: PartialDate, second: PartialDate) -> bool:
    """Whether two sources' dates can be one event's: days at most DAYS_APART apart, or one's
    month or year holding the other's date."""
    if first.day is not None and second.day is not None:
        return abs((first.first_day() - second.first_day()).days) <= DAYS_APART
    return first.contains(second) or second.contains(first)


def _named(book: Book) -> dict[str, set[str]]:
    """Passage id -> every glossary entry it names or tells of."""
    return {pid: {mention.entry.term for mention in mentions} for pid, mentions in book.mentions.items()}


def _same_event_pairs(book: Book, dated: list[Passage], named: dict[str, set[str]]):
    """Pairs of passages that tell the same event by a shared specific event entry or by
    corroboration on one day with a rare shared name."""
    counts = Counter(term for p in book.passages for term in named.get(p.id, ()))
    events = {entry.term for entry in book.glossary.entries if entry.category == "event"}
    specific_limit = max(3, int(SPECIFIC_EVENT_SHARE * len(book.passages)))
    rare_limit = max(2, int(RARE_TERM_SHARE * len(book.passages)))
    by_entry: dict[str, list[Passage]] = defaultdict(list)
    for passage in dated:
        for term in named.get(passage.id, ()):
            if term in events and counts[term] <= specific_limit:
                by_entry[term].append(passage)
    for group in by_entry.values():
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                if compatible(first.when, second.when):
                    yield first.id, second.id
    by_id = {passage.id: passage for passage in dated}
    for passage in dated:
        for other_id in book.also_reported.get(passage.id, []):
            other = by_id.get(other_id)
            if other is None or other.date != passage.date or passage.when.day is None:
                continue
            shared = named.get(passage.id, set()) & named.get(other.id, set())
            if any(counts[term] <= rare_limit for term in shared):
                yield passage.id, other.id


def event_date(passages: list[Passage]) -> str:
    """The most precise date its passages give, the one most of them give, the earliest on a tie."""
    best = max(len(p.date) for p in passages)
    dates = Counter(p.date for p in passages if len(p.date) == best)
    return min(dates, key=lambda date: (-dates[date], date))


def find_events(book: Book, key_events: list[KeyEvent]) -> list[Event]:
    """Every event the dated passages tell, in time order (the key events first on a tie)."""
    order = {passage.id: index for index, passage in enumerate(book.passages)}
    dated = [passage for passage in book.passages if passage.when is not None]
    named = _named(book)
    leads = brief_leads(book)
    found: list[Event] = []
    claimed: set[str] = set()
    for key in key_events:
        told = [p for p in dated if key.tells(p, named.get(p.id, set()))]
        told_ids = {p.id for p in told}
        told += [p for p in dated if leads.get(p.id) in told_ids and p.id not in told_ids]
        if told:
            claimed.update(p.id for p in told)
            found.append(_event(f"event-{key.id}", key.date, told, order, key))
    rest = [passage for passage in dated if passage.id not in claimed]
    groups = _Groups([p.id for p in rest])
    for pid, lead in leads.items():
        if pid in groups.parent and lead in groups.parent:
            groups.join(pid, lead)
    for first, second in _same_event_pairs(book, rest, named):
        groups.join(first, second)
    members: dict[str, list[Passage]] = defaultdict(list)
    for passage in rest:
        members[groups.root(passage.id)].append(passage)
    for group in members.values():
        date = event_date(group)
        first = min(group, key=lambda p: (parse_iso(p.date).first_day(), order[p.id]))
        found.append(_event(f"event-{date}-{first.id.rsplit('-', 1)[-1]}", date, group, order))
    return sorted(found, key=lambda event: (_time_key(event.when), event.key is None, order[event.passages[0]]))


def _time_key(date: PartialDate) -> tuple:
    """A day before its month, a month before its year: "September 2015" after the 30th."""
    return (date.year, date.month or 13, date.day or 32)


def _event(event_id: str, date: str, passages: list[Passage], order: dict[str, int], key: KeyEvent | None = None) -> Event:
    ordered = sorted(passages, key=lambda p: (_time_key(p.when), order[p.id]))
    sources = list(dict.fromkeys(p.source for p in ordered))
    return Event(event_id, date, [p.id for p in ordered], sources, key=key)
