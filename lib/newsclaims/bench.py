"""The coding workbench: a teacher codes an article in JupyterLab, without touching a CSV.

``nc.workbench(art)`` opens it (:func:`workbench`); this module, ``nc.bench``,
holds the plain functions it calls, one save each:

- add: :func:`add_actor` (with its aliases), :func:`add_topic`,
  :func:`add_statement` (and :func:`accept_candidate`, for the extractor's
  suggestions), :func:`add_position` and :func:`add_event`;
- change: :func:`edit_statement`, :func:`edit_position`, :func:`edit_actor`,
  :func:`edit_topic` and :func:`edit_event`;
- delete: :func:`delete_statement`, :func:`delete_position`,
  :func:`delete_actor`, :func:`delete_topic` and :func:`delete_event`. A row
  that others point at (an actor who speaks, a statement with positions) is
  not deleted: :class:`InUse` says which rows point at it, unless
  ``cascade=True`` asks to delete those that need it and to empty the fields
  that may be empty;
- :func:`undo` takes the last save back, byte for byte.

Each save

1. checks what only the coder's input can get wrong: the words stand once in the
   paragraph (:func:`newsclaims.coding.locate`), each alias stands in the text,
   the date words give a date (:func:`resolve_date`);
2. under the data folder's lock, reads the tables it changes and adds its rows
   at their end, or replaces or leaves out the rows it changes or deletes,
   every other row kept byte for byte;
3. checks the folder as it would be, with the loader's own checks on the new
   bytes (:func:`newsclaims.data.load_corpus` with ``replace=``). A save after
   which the folder would not be valid is refused:
   :class:`~newsclaims.schema.DataError` lists each problem with its file, line
   and column, and nothing is written. A folder that is not valid already (a
   file edited by hand) takes no save until it is fixed: ``validate`` lists
   what to fix.
4. writes the changed files together through the one write path
   (:func:`newsclaims.files.write_files`), and keeps their previous bytes, so
   that :func:`undo` can write them back the same way, checked the same way.

The history that :func:`undo` reads lasts as long as the Python session (the
notebook's kernel), one list per data folder. The candidates a coder rejects
are remembered in the work folder (:func:`reject_candidate`, :func:`rejected`),
never in the data folder, so that they are not offered again.

:class:`Workbench` is the thin ipywidgets face of these functions; its callbacks
are methods a test can call (``bench.save_statement()``).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import ipywidgets as w
import pandas as pd

from . import analysis as an
from . import data, files
from .coding import ERROR_STYLE, locate
from .data import MONTHS, Article, Corpus, article_from, completeness, load_corpus, read_descriptor, vocabulary
from .extract import QUOTE, extract_from
from .newarticle import slug
from .schema import DataError, Problem, decode
from .text import esc, highlight, overlap, plural
from .widgets import BOX, MUTED, Explorer, paragraph_html, statement_marks

# Values of the descriptor's enums this module names; tests/test_workbench.py holds them to it
DAY, MONTH, YEAR = "day", "month", "year"        # statements.said_on and events.date_precision
STATED, RESOLVED, INFERRED = "stated", "resolved", "inferred"  # said_on_basis and date_basis
DIRECT, PARTIAL, PARAPHRASE = "direct", "partial", "paraphrase"  # statements.form, as suggested
# The positions fields the position form asks by name; any other field of the descriptor gets a box of its own
POSITION_FIELDS = ("statement_id", "topic_id", "holder_id", "stance", "hedged", "note")
CODED_OVERLAP = 0.5  # a candidate whose span overlaps a coded statement this much is coded already
DONE_STYLE = "color:#006400"
HINT_STYLE = "color:#666"


# --- Dates -----------------------------------------------------------------------------------

class DateReading(NamedTuple):
    """A date read from the article's words: the date, how much of it is known, on what basis, and how."""

    date: dt.date | None
    precision: str | None
    basis: str | None
    how: str


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH = "(" + "|".join(MONTHS) + ")"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[89]\d\d|20\d\d)"
_DATES = [  # (pattern, which groups are year, month, day, precision, basis); the first that matches wins
    (re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"), (1, 2, 3), DAY, STATED),
    (re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b"), (3, 1, 2), DAY, STATED),
    (re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b"), (3, 2, 1), DAY, STATED),
    (re.compile(rf"\b{_MONTH} {_DAY}\b"), (None, 1, 2), DAY, RESOLVED),
    (re.compile(rf"\b{_DAY} {_MONTH}\b"), (None, 2, 1), DAY, RESOLVED),
    (re.compile(rf"\b{_MONTH},? {_YEAR}\b"), (2, 1, None), MONTH, STATED),
    (re.compile(rf"(?<!\d){_YEAR}(?!\d)"), (1, None, None), YEAR, STATED),
]
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_RELATIVE = {re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening))\b", re.I): 0,
             re.compile(r"\b(yesterday)\b", re.I): 1}


def resolve_date(words: str | None, published: dt.date | pd.Timestamp) -> DateReading:
    """The date the article's words give, against its publication date.

    A full date ("February 4, 2022", "4 February 2022", "2022-02-04") is
    ``stated``; a month and day without a year, and a weekday, are the most recent
    such day on or before publication: both
    ``resolved``. "today" and "yesterday" are resolved too. A month with a year,
    or a year alone, is stated with month or year precision (the first day of
    it, as events.csv records such dates). Words with no date ("for weeks",
    "earlier") give none.

    Parameters
    ----------
    words : str or None
        The article's words, as written ("on Monday night").
    published : date or Timestamp
        The article's publication date.

    Returns
    -------
    DateReading
        date (None when the words give none), precision (day, month or year),
        basis (stated or resolved) and how, in words.

    Examples
    --------
    >>> resolve_date("On Monday night in the US", dt.date(2022, 2, 22)).date
    datetime.date(2022, 2, 21)
    >>> resolve_date("February 4", dt.date(2022, 2, 22))[:3]
    (datetime.date(2022, 2, 4), 'day', 'resolved')
    >>> resolve_date("the November 27 deal", dt.date(2020, 1, 11)).date
    datetime.date(2019, 11, 27)
    >>> resolve_date("for weeks", dt.date(2022, 2, 22)).date is None
    True
    """
    published = pd.Timestamp(published).date()
    text = (words or "").strip()
    if not text:
        return DateReading(None, None, None, "no date words")
    for pattern, (y, m, d), precision, basis in _DATES:
        found = pattern.search(text)
        if not found:
            continue
        month = MONTHS.index(found.group(m)) + 1 if m and not found.group(m).isdigit() else \
            int(found.group(m)) if m else 1
        day = int(found.group(d)) if d else 1
        if y:
            try:
                date = dt.date(int(found.group(y)), month, day)
            except ValueError:
                return DateReading(None, None, None, f"{found.group()!r} is not a real date")
            return DateReading(date, precision, basis, f"stated: {found.group()!r}")
        # no year: the most recent such day on or before publication (29 February: up to eight years back)
        for year in range(published.year, published.year - 9, -1):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if date <= published:
                return DateReading(date, precision, basis, f"resolved: the last {found.group()!r} on or before "
                                                           f"publication ({_long(published)})")
        return DateReading(None, None, None, f"{found.group()!r} is not a real date")
    found = _WEEKDAY.search(text)
    if found:
        back = (published.weekday() - WEEKDAYS.index(found.group(1))) % 7
        date = published - dt.timedelta(days=back)
        return DateReading(date, DAY, RESOLVED, f"resolved: the last {found.group(1)} on or before publication "
                                                f"({WEEKDAYS[published.weekday()]} {_long(published)})")
    for pattern, back in _RELATIVE.items():
        found = pattern.search(text)
        if found:
            return DateReading(published - dt.timedelta(days=back), DAY, RESOLVED,
                               f"resolved: {found.group(1)!r} against publication ({_long(published)})")
    return DateReading(None, None, None, f"{text!r} gives no date: kept as words")


def _long(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def suggest_form(words: str, forms: Sequence[str] | None = None) -> str:
    """The form the words' quotation marks suggest: one whole quotation, quoted words inside, or none.

    Parameters
    ----------
    words : str
        The statement's words, as pasted.
    forms : sequence of str, optional
        The forms the descriptor allows; a suggestion not among them gives "".

    Returns
    -------
    str
        ``direct``, ``partial`` or ``paraphrase``; "" for no words.

    Examples
    --------
    >>> suggest_form('"We have fixed what was broken,"'), suggest_form('the "basis of equality"')
    ('direct', 'partial')
    """
    words = words.strip()
    if not words:
        return ""
    form = DIRECT if QUOTE.fullmatch(words) else PARTIAL if QUOTE.search(words) else PARAPHRASE
    forms = vocabulary("statements", "form") if forms is None else forms
    return form if form in forms else ""


# --- Saving: check, write through the one path, remember for undo -----------------------------

@dataclass
class Save:
    """One save: what it was, and each file it changed, with its bytes before and after."""

    folder: Path
    what: str
    changes: dict[Path, tuple[bytes, bytes]]


_HISTORY: dict[Path, list[Save]] = {}


def _folder(data_dir: str | os.PathLike[str] | None) -> Path:
    return files.data_dir(data_dir).resolve()


def _resources(folder: Path) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in read_descriptor(folder)["resources"]}


def _problems_after(folder: Path, replace: Mapping[str, bytes]) -> list[Problem]:
    """What the loader would find wrong with the folder if these tables had these bytes: nothing for a good save."""
    try:
        load_corpus(folder, replace=replace)
    except DataError as error:
        return error.problems
    return []


def _append(raw: bytes, header: list[str], rows: Sequence[Mapping[str, str]]) -> bytes:
    """A CSV file's bytes with rows added at the end; the bytes already there, and its line endings, kept."""
    body = raw.rstrip(b"\r\n")
    eol = b"\r\n" if raw.split(b"\n", 1)[0].endswith(b"\r") else b"\n"
    empty = len(files.csv_bytes(header, []))
    lines = [files.csv_bytes(header, [row])[empty:].removesuffix(b"\n") for row in rows]  # a value keeps its breaks
    return body + eol + b"".join(line + eol for line in lines)


def _cell(value: object, field: Mapping[str, Any] | None = None) -> str:
    """A value as the CSV writes it: empty for None, the descriptor's true and false values for booleans."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        spec = field or {}
        return (spec.get("trueValues") or ["true"])[0] if value else (spec.get("falseValues") or ["false"])[0]
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value).strip()


def _save(folder: Path, what: str, rows: Mapping[str, Sequence[Mapping[str, object]]]) -> Save:
    """Add rows to tables: checked with the loader's checks on the new bytes, written together, remembered."""
    resources = _resources(folder)
    with files.locked(folder):
        new_bytes: dict[str, bytes] = {}
        for table, new in rows.items():
            fields = {f["name"]: f for f in resources[table]["schema"]["fields"]}
            old = files.read_confined(folder, resources[table]["path"])
            header, _ = files.read_rows(folder / resources[table]["path"])
            for row in new:
                unknown = [c for c in row if c not in header]
                if unknown:
                    raise ValueError(f"{table} has no column {', '.join(map(repr, unknown))}; its columns are "
                                     f"{', '.join(header)}")
            cells = [{c: _cell(row.get(c), fields.get(c)) for c in header} for row in new]
            new_bytes[table] = _append(old, header, cells)
        return _commit(folder, what, new_bytes)


def _commit(folder: Path, what: str, new_bytes: Mapping[str, bytes]) -> Save:
    """Write tables' new bytes together once the loader's checks pass on them; remember the old bytes for undo.

    Called under the folder's lock. Raises DataError, with every problem, and writes nothing, when the
    folder would not be valid.
    """
    resources = _resources(folder)
    with files.locked(folder):
        changes: dict[Path, tuple[bytes, bytes]] = {}
        for table, new in new_bytes.items():
            path = folder / resources[table]["path"]
            changes[path] = (files.read_confined(folder, resources[table]["path"]), new)
        found = _problems_after(folder, dict(new_bytes))
        if found:
            raise DataError(found)
        files.write_files({path: new for path, (_, new) in changes.items()})
    save = Save(folder, what, changes)
    _HISTORY.setdefault(folder, []).append(save)
    return save


# --- Changing and deleting rows: every other row kept byte for byte ----------------------------

Key = tuple[str, ...]


def _records(raw: bytes, path: Path) -> tuple[str, list[tuple[list[str], str]]]:
    """A CSV file as its byte-order mark and its records, each with the text it takes in the file.

    The text of each record is what the file holds for it, its line ending included
    (a quoted value may span lines), so that a file put together again from them is
    the same bytes.
    """
    text = decode(raw, path)
    bom = "\ufeff" if raw.startswith(codecs.BOM_UTF8) else ""
    consumed: list[str] = []

    def lines() -> Iterable[str]:
        for line in io.StringIO(text, newline=""):
            consumed.append(line)
            yield line

    out: list[tuple[list[str], str]] = []
    try:
        for record in csv.reader(lines(), strict=True):
            out.append((record, "".join(consumed)))
            consumed.clear()
    except csv.Error as error:
        raise DataError(Problem(files.display_path(path), None, None, f"not valid CSV: {error}")) from None
    return bom, out


def _line(header: Sequence[str], cells: Mapping[str, str]) -> str:
    """One row as the package writes it, without its line ending."""
    empty = len(files.csv_bytes(header, []))
    return files.csv_bytes(header, [cells])[empty:].decode("utf-8").removesuffix("\n")


def _rewrite(raw: bytes, path: Path, key: Sequence[str], changes: Mapping[Key, Mapping[str, str] | None]) -> bytes:
    """A table's bytes with the rows of these keys replaced (a mapping of cells) or left out (None).

    Every other row, the header, blank lines and line endings stay as they were.
    """
    bom, records = _records(raw, path)
    header = records[0][0]
    left = dict(changes)
    chunks = [records[0][1]]
    for record, chunk in records[1:]:
        row = dict(zip(header, record))
        mine = tuple(row.get(k, "") for k in key)
        if not record or mine not in left:
            chunks.append(chunk)
            continue
        new = left.pop(mine)
        if new is not None:
            eol = chunk[len(chunk.rstrip("\r\n")):]
            chunks.append(_line(header, {c: new.get(c, "") for c in header}) + eol)
    if left:
        raise ValueError(f"{path.name} has no row {', '.join('/'.join(k) for k in left)}")
    return (bom + "".join(chunks)).encode("utf-8")


def _tables(folder: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Every table of the folder as written: its header and rows of strings."""
    return {name: files.read_rows(folder / r["path"]) for name, r in _resources(folder).items()
            if r["path"].endswith(".csv")}


def _key_fields(resource: Mapping[str, Any]) -> list[str]:
    key = resource["schema"].get("primaryKey", [])
    return [key] if isinstance(key, str) else list(key)


def _change_rows(folder: Path, what: str, plan: Mapping[str, Mapping[Key, Mapping[str, str] | None]],
                 added: Mapping[str, Sequence[Mapping[str, str]]] = {}) -> Save:  # noqa: B006 - never changed
    """Replace or leave out rows of several tables (by primary key), and add rows at their end: one save, checked."""
    resources = _resources(folder)
    with files.locked(folder):
        new_bytes = {}
        for table in dict.fromkeys([*plan, *added]):
            changes, new = plan.get(table) or {}, added.get(table) or []
            if not changes and not new:
                continue
            path = folder / resources[table]["path"]
            raw = files.read_confined(folder, resources[table]["path"])
            raw = _rewrite(raw, path, _key_fields(resources[table]), changes) if changes else raw
            if new:
                header, _ = files.read_rows(path)
                raw = _append(raw, header, [{c: row.get(c, "") for c in header} for row in new])
            new_bytes[table] = raw
        return _commit(folder, what, new_bytes)


class Use(NamedTuple):
    """A row that points at another: its table, its key, the field that points, and whether it may be empty."""

    table: str
    key: Key
    field: str
    required: bool


class InUse(ValueError):
    """A row cannot be deleted: other rows point at it. :attr:`uses` lists them; the message says what to do."""

    def __init__(self, message: str, uses: Sequence[Use]):
        super().__init__(message)
        self.uses = list(uses)


# A table whose rows belong to the row they point at, and go with it: an actor's aliases
PARTS = {"aliases": "actor_id"}


def _uses(folder: Path, tables: Mapping[str, tuple[list[str], list[dict[str, str]]]], table: str,
          value: str) -> list[Use]:
    """The rows that point at a row of ``table`` whose key is ``value``, by the descriptor's foreign keys."""
    found = []
    for name, resource in _resources(folder).items():
        if name not in tables:
            continue
        schema = resource["schema"]
        key = _key_fields(resource)
        required = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")} | set(key)
        for fk in schema.get("foreignKeys", []):
            if (fk["reference"].get("resource") or name) != table:
                continue
            field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
            for row in tables[name][1]:
                if row.get(field) == value:
                    found.append(Use(name, tuple(row.get(k, "") for k in key), field, field in required))
    return found


def _delete(folder: Path, table: str, value: str, label: str, cascade: bool) -> str:
    """Delete one row of a table with a one-field key, and what must go with it; or refuse, saying what uses it."""
    with files.locked(folder):
        _valid(folder)
        tables = _tables(folder)
        resources = _resources(folder)
        if value not in {row.get(_key_fields(resources[table])[0]) for row in tables[table][1]}:
            raise ValueError(f"there is no {label} {value!r}")
        rows = {name: {tuple(r.get(k, "") for k in _key_fields(resources[name])): r for r in rows}
                for name, (_, rows) in tables.items()}
        plan: dict[str, dict[Key, dict[str, str] | None]] = {table: {(value,): None}}
        blocked: list[Use] = []
        gone: list[str] = []
        cleared: list[str] = []
        todo = [(table, value)]
        while todo:
            for use in _uses(folder, tables, *todo.pop()):
                mine = plan.setdefault(use.table, {})
                if use.key in mine and mine[use.key] is None:
                    continue  # deleted already
                if PARTS.get(use.table) == use.field:
                    mine[use.key] = None
                elif not cascade:
                    blocked.append(use)
                elif use.required:
                    mine[use.key] = None
                    gone.append(f"{_singular(use.table)} {'/'.join(use.key)}")
                    if len(use.key) == 1:
                        todo.append((use.table, use.key[0]))
                else:
                    row = dict(mine.get(use.key) or rows[use.table][use.key])
                    row[use.field] = ""
                    mine[use.key] = row
                    cleared.append(f"{use.field} of {_singular(use.table)} {'/'.join(use.key)}")
        if blocked:
            listed = "; ".join(f"{_singular(u.table)} {'/'.join(u.key)} ({u.field})" for u in blocked)
            raise InUse(f"not deleted: {label} {value} is still used by {len(blocked)} row"
                        f"{'s' * (len(blocked) != 1)}: {listed}. Change or delete those first, or delete with "
                        "cascade=True (in the workbench: tick 'also delete the rows that need it'), which deletes "
                        "the rows that need it and empties the fields that may be empty", blocked)
        what = f"deleted {label} {value}"
        if gone:
            what += f", with {', '.join(gone)}"
        if cleared:
            what += f"; emptied {', '.join(cleared)}"
        _change_rows(folder, what, plan)
    return what


def _singular(table: str) -> str:
    return {"aliases": "alias", "statements": "statement", "positions": "position", "actors": "actor",
            "topics": "topic", "events": "event"}.get(table, table)


def history(data_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """What each save of this session in the data folder was, the latest last: what :func:`undo` takes back.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    list of str
        One line per save not undone.
    """
    return [s.what for s in _HISTORY.get(_folder(data_dir), [])]


def undo(data_dir: str | os.PathLike[str] | None = None) -> str:
    """Take back the last save of this session in the data folder: write back the bytes it replaced.

    The old bytes go back through the same checks and the same write path as a
    save. Undo is refused when a file the save wrote has changed since (another
    window, or an edit by hand), or when putting the old bytes back would make
    the data invalid (a position added since points at the statement it removes).

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Returns
    -------
    str
        What was undone.

    Raises
    ------
    ValueError
        When there is nothing to undo, or a file changed since the save.
    DataError
        When undoing would make the data invalid; nothing is written.
    WriteError
        When a file cannot be written; every file stays as it was.
    """
    folder = _folder(data_dir)
    saves = _HISTORY.get(folder, [])
    if not saves:
        raise ValueError("nothing to undo: no save in this data folder since the notebook started")
    last = saves[-1]
    resources = {r["path"]: name for name, r in _resources(folder).items()}
    with files.locked(folder):
        moved = [p.name for p, (_, new) in last.changes.items() if not p.exists() or p.read_bytes() != new]
        if moved:
            raise ValueError(f"not undone: {', '.join(moved)} changed after the save ({last.what}), in another "
                             "window or by hand; change it there")
        replace = {resources[str(p.relative_to(folder))]: old for p, (old, _) in last.changes.items()}
        found = _problems_after(folder, replace)
        if found:
            raise DataError(found)
        files.write_files({p: old for p, (old, _) in last.changes.items()})
    saves.pop()
    return last.what


# --- What one save adds ------------------------------------------------------------------------

def _valid(folder: Path) -> Corpus:
    """The folder's data, loaded; a folder that is not valid takes no save, and the error says why."""
    try:
        return load_corpus(folder)
    except DataError as error:
        first = Problem(files.display_path(folder), None, None, "the data are not valid, so nothing can be saved "
                        "until they are: fix what follows (python -m newsclaims validate lists it)")
        raise DataError([first, *error.problems]) from None


def _corpus(folder: Path, article_id: str) -> tuple[Corpus, Article]:
    corpus = _valid(folder)
    return corpus, article_from(corpus, article_id)


def _next_id(taken: Iterable[str], own: Iterable[str], prefix: str) -> str:
    """The next free id in the article's own numbering (``cnn22_s38``), else ``prefix`` and 01."""
    numbered = [m for m in (re.fullmatch(r"(.*?)(\d+)", i) for i in own) if m]
    if numbered:
        prefix, _ = Counter(m.group(1) for m in numbered).most_common(1)[0]
        width = max(len(m.group(2)) for m in numbered if m.group(1) == prefix)
        number = max(int(m.group(2)) for m in numbered if m.group(1) == prefix) + 1
    else:
        width, number = 2, 1
    taken = set(taken)
    while f"{prefix}{number:0{width}d}" in taken:
        number += 1
    return f"{prefix}{number:0{width}d}"


def _words(value: str | Iterable[str] | None) -> list[str]:
    """Aliases given as one comma-separated string or as a list: each stripped, none empty, each once."""
    parts = value.split(",") if isinstance(value, str) else list(value or [])
    return list(dict.fromkeys(p.strip() for p in parts if p and p.strip()))


def add_actor(data_dir: str | os.PathLike[str] | None, article_id: str, name: str, kind: str, *,
              actor_id: str | None = None, role: str | None = None, represents: str | None = None,
              affiliation: str | None = None, aliases: str | Iterable[str] = (), note: str | None = None
              ) -> dict[str, str]:
    """Add an actor, and the words that name it in the article, in one save.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when None.
    article_id : str
        The article being coded: each alias must stand in its text.
    name : str
        The actor's name.
    kind : str
        One of the descriptor's kinds (``vocabulary("actors", "kind")``).
    actor_id : str, optional
        A new id; made from the name when not given (``Ana Ruiz`` -> ``ana_ruiz``).
    role : str, optional
        The role as the article words it.
    represents, affiliation : str, optional
        Whom the actor speaks for; the institution an analyst belongs to (actor ids).
    aliases : str or iterable of str
        The strings that name the actor in the text, comma-separated or a list;
        each must stand in the article's text as a whole word, as written.
    note : str, optional
        The coder's note.

    Returns
    -------
    dict
        The actor's row as given, with its id.

    Raises
    ------
    ValueError
        When the id is taken or an alias is not in the text; nothing is written.
    DataError
        When the save would make the data invalid (an unknown kind, an alias
        another actor has); each problem names its file, line and column.
    WriteError
        When the files cannot be written; they stay as they were.

    Examples
    --------
    >>> import shutil, tempfile, newsclaims as nc
    >>> copy = shutil.copytree(nc.data_dir(), tempfile.mkdtemp() + "/data")
    >>> add_actor(copy, "cnn_china_ukraine_2022", "Hua Chunying", "person", represents="china",
    ...           aliases="")["actor_id"]
    'hua_chunying'
    """
    folder = _folder(data_dir)
    corpus, art = _corpus(folder, article_id)
    actor_id = (actor_id or "").strip() or slug(name or "")
    if not actor_id:
        raise ValueError("give the actor a name")
    taken = corpus.actors.set_index("actor_id")["name"]
    if actor_id in taken.index:
        raise ValueError(f"there is already an actor {actor_id!r} ({taken[actor_id]}): pick it, or give another id")
    names = _words(aliases)
    for alias in names:
        if not re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", art.text):
            raise ValueError(f"the alias {alias!r} is not in the text of {article_id} as a whole word: an alias is "
                             "the text's own words, as written (capitals too)")
    row = {"actor_id": actor_id, "name": name, "kind": kind, "represents": represents, "affiliation": affiliation,
           "role": role, "note": note}
    _save(folder, f"actor {actor_id}" + (f" with aliases {', '.join(names)}" if names else ""),
          {"actors": [row], **({"aliases": [{"actor_id": actor_id, "alias": a} for a in names]} if names else {})})
    return {k: _cell(v) for k, v in row.items()}


def add_topic(data_dir: str | os.PathLike[str] | None, label: str, question: str, *, topic_id: str | None = None,
              description: str | None = None) -> dict[str, str]:
    """Add a topic: a short label and the yes/no question its stances answer.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when None.
    label : str
        A short label for charts.
    question : str
        A yes/no question, ending in "?": support means yes, oppose means no.
    topic_id : str, optional
        A new id; made from the label when not given.
    description : str, optional
        What the topic covers and how it is coded.

    Returns
    -------
    dict
        The topic's row as given, with its id.

    Raises
    ------
    ValueError
        When the id is taken or the question is not a question; nothing is written.
    DataError
        When the save would make the data invalid.
    """
    folder = _folder(data_dir)
    topic_id = (topic_id or "").strip() or slug(label or "")
    if not topic_id:
        raise ValueError("give the topic a label")
    if not (question or "").strip().endswith("?"):
        raise ValueError("the question must be a yes/no question, ending in '?': support means yes, oppose no")
    corpus = _valid(folder)
    if topic_id in set(corpus.topics["topic_id"]):
        raise ValueError(f"there is already a topic {topic_id!r}: pick it, or give another id")
    row = {"topic_id": topic_id, "label": label, "question": question, "description": description}
    _save(folder, f"topic {topic_id}", {"topics": [row]})
    return {k: _cell(v) for k, v in row.items()}


def _span(art: Article, paragraph: int, words: str, start: int | None = None) -> tuple[int, int]:
    """Where the words stand in the paragraph: once, or at ``start``; ValueError, saying why, when they do not."""
    if not 1 <= paragraph <= len(art.paragraphs):
        raise ValueError(f"paragraph {paragraph} does not exist: {art.article_id} has {len(art.paragraphs)}")
    words = (words or "").strip()
    if start is not None:
        p = art.paragraphs.iloc[paragraph - 1]
        if not (words and p.start <= start and start + len(words) <= p.end and art.text.startswith(words, start)):
            raise ValueError(f"those words do not stand at {start} in paragraph {paragraph}")
        return int(start), int(start) + len(words)
    return locate(art, paragraph, words)


def add_statement(data_dir: str | os.PathLike[str] | None, article_id: str, paragraph: int, words: str, *,
                  actor_id: str, form: str, cue: str | None = None, setting: str | None = None,
                  said_on_text: str | None = None, via: str | None = None, addressee_id: str | None = None,
                  note: str | None = None, statement_id: str | None = None, start: int | None = None
                  ) -> dict[str, str]:
    """Add a statement by its words, pasted from a paragraph; its offsets are found, never typed.

    The date words (``said_on_text``) are resolved against the publication date
    (:func:`resolve_date`): ``said_on`` and ``said_on_basis`` follow from them.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when None.
    article_id : str
        The article.
    paragraph : int
        The paragraph, from 1.
    words : str
        The statement's words, exactly as they stand in the paragraph (spaces
        around them are left out); they must stand there once, or at ``start``.
    actor_id : str
        The speaker.
    form : str
        One of the descriptor's forms (``vocabulary("statements", "form")``).
    cue, setting, via, addressee_id, note : str, optional
        The reporting verb as written (it must stand in the paragraph); where or
        how it was said; the intermediary and the addressee (actor ids); the
        coder's note.
    said_on_text : str, optional
        The article's words that date it, as written.
    statement_id : str, optional
        A new id; the next in the article's numbering when not given.
    start : int, optional
        Where the words begin in the text, when they stand in the paragraph more than once.

    Returns
    -------
    dict
        The statement's row as written.

    Raises
    ------
    ValueError
        When the words are not in the paragraph (or stand there more than once),
        or the paragraph does not exist; nothing is written.
    DataError
        When the save would make the data invalid (an unknown speaker, a cue the
        paragraph does not hold, a span coded already); each problem names its
        file, line and column.

    Examples
    --------
    >>> import shutil, tempfile, newsclaims as nc
    >>> copy = shutil.copytree(nc.data_dir(), tempfile.mkdtemp() + "/data")
    >>> row = add_statement(copy, "cnn_china_ukraine_2022", 3, "a brief statement", actor_id="zhang_jun",
    ...                     form="paraphrase", note="For the example only.")
    >>> row["statement_id"], row["start"]
    ('cnn22_s38', '487')
    """
    folder = _folder(data_dir)
    corpus, art = _corpus(folder, article_id)
    paragraph = int(paragraph)
    span = _span(art, paragraph, words, start)
    date = resolve_date(said_on_text, art.meta["published"])
    statement_id = (statement_id or "").strip() or _next_id(
        corpus.statements["statement_id"], art.statements["statement_id"], f"{article_id}_s")
    row = {"statement_id": statement_id, "article_id": article_id, "actor_id": actor_id,
           "quote": art.text[span[0]:span[1]], "start": span[0], "end": span[1], "paragraph": paragraph,
           "form": form, "cue": cue, "setting": setting,
           "said_on": date.date if date.precision == DAY else None,
           "said_on_text": said_on_text, "said_on_basis": date.basis if date.precision == DAY else None,
           "via": via, "addressee_id": addressee_id, "note": note}
    _save(folder, f"statement {statement_id} (paragraph {paragraph})", {"statements": [row]})
    return {k: _cell(v) for k, v in row.items()}


def accept_candidate(data_dir: str | os.PathLike[str] | None, article_id: str, candidate: Mapping[str, Any],
                     **changes: Any) -> dict[str, str]:
    """Add a candidate statement of the extractor (:func:`~newsclaims.extract.extract_from`), as it is or edited.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    article_id : str
        The article.
    candidate : mapping
        A row of the candidates: paragraph, quote, start, actor_id, form and cue.
    **changes
        What the coder changed: ``words`` (new words for the span, pasted from
        the same paragraph), or any keyword of :func:`add_statement`.

    Returns
    -------
    dict
        The statement's row as written.

    Raises
    ------
    ValueError, DataError
        As :func:`add_statement`; a candidate with no known speaker needs ``actor_id``.
    """
    speaker = changes.pop("actor_id", None) or candidate.get("actor_id")
    if speaker is None or (isinstance(speaker, float) and pd.isna(speaker)) or not str(speaker).strip():
        raise ValueError(f"no known speaker for this candidate ({candidate.get('speaker_text') or 'none found'}): "
                         "pick or create the speaker")
    words = changes.pop("words", None)
    given = {"cue": candidate.get("cue") or None, "form": candidate.get("form")} | changes
    start = None if words is not None and words.strip() != candidate["quote"] else int(candidate["start"])
    return add_statement(data_dir, article_id, int(candidate["paragraph"]),
                         candidate["quote"] if words is None else words, actor_id=str(speaker), start=start,
                         **given)


def add_position(data_dir: str | os.PathLike[str] | None, statement_id: str, topic_id: str, stance: str, *,
                 holder_id: str | None = None, hedged: bool = False, note: str | None = None,
                 **fields: Any) -> dict[str, str]:
    """Add what a statement says about a topic: the holder's stance, how firm, and why.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    statement_id : str
        The statement that is the evidence.
    topic_id : str
        The topic.
    stance : str
        One of the descriptor's stances: the answer to the topic's question.
    holder_id : str, optional
        Whose stance it is; the statement's speaker when not given.
    hedged : bool
        Whether the stance is qualified, implied or stopped short of.
    note : str, optional
        The coder's one-line reason (the descriptor requires it).
    **fields
        Any other field the positions table of this folder's descriptor has
        (``basis``, where it has one), by name.

    Returns
    -------
    dict
        The position's row as written.

    Raises
    ------
    ValueError
        For a statement that does not exist, or a field the table lacks.
    DataError
        When the save would make the data invalid (an unknown topic or holder, a
        stance not in the enum, a position coded twice); each problem names its
        file, line and column.
    """
    folder = _folder(data_dir)
    corpus = _valid(folder)
    speakers = corpus.statements.set_index("statement_id")["actor_id"]
    if statement_id not in speakers.index:
        raise ValueError(f"there is no statement {statement_id!r}: save the statement first")
    row = {"statement_id": statement_id, "topic_id": topic_id,
           "holder_id": holder_id or speakers[statement_id], "stance": stance, "hedged": bool(hedged),
           "note": note, **fields}
    _save(folder, f"position of {statement_id} on {topic_id} ({row['holder_id']}: {stance})", {"positions": [row]})
    return {k: _cell(v) for k, v in row.items()}


def add_event(data_dir: str | os.PathLike[str] | None, article_id: str, paragraph: int, label: str, actor_id: str,
              *, date_words: str | None = None, date: str | dt.date | None = None, note: str | None = None,
              event_id: str | None = None) -> dict[str, str]:
    """Add a dated happening the article reports, dated by its words, or by a date worked out and explained.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    article_id : str
        The article.
    paragraph : int
        Where the article reports it, from 1.
    label : str
        What happened.
    actor_id : str
        The main actor.
    date_words : str, optional
        The article's words for the date, as written; resolved by :func:`resolve_date`.
    date : str or date, optional
        The date, when the words give none: it is ``inferred``, and the note must say how.
    note : str, optional
        The coder's note.
    event_id : str, optional
        A new id; the next in the article's numbering when not given.

    Returns
    -------
    dict
        The event's row as written.

    Raises
    ------
    ValueError
        When neither the words nor ``date`` give a date; nothing is written.
    DataError
        When the save would make the data invalid.
    """
    folder = _folder(data_dir)
    corpus, art = _corpus(folder, article_id)
    reading = resolve_date(date_words, art.meta["published"])
    if reading.date is None:
        if date is None:
            raise ValueError(f"{reading.how}: give the date, with a note that says how it was worked out")
        reading = DateReading(pd.Timestamp(date).date(), DAY, INFERRED, "inferred")
    event_id = (event_id or "").strip() or _next_id(corpus.events["event_id"], art.events["event_id"],
                                                    f"{article_id}_e")
    row = {"event_id": event_id, "article_id": article_id, "date": reading.date, "date_precision": reading.precision,
           "date_text": (date_words or "").strip() or None, "date_basis": reading.basis, "actor_id": actor_id,
           "label": label, "paragraph": int(paragraph), "note": note}
    _save(folder, f"event {event_id} ({label})", {"events": [row]})
    return {k: _cell(v) for k, v in row.items()}


# --- Editing and deleting ----------------------------------------------------------------------

def _fields(folder: Path, table: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in _resources(folder)[table]["schema"]["fields"]}


def _find(tables: Mapping[str, tuple[list[str], list[dict[str, str]]]], table: str,
          match: Mapping[str, str], label: str) -> list[dict[str, str]]:
    """The rows of a table whose fields have these values; ValueError naming what was looked for when none."""
    found = [row for row in tables[table][1] if all(row.get(k) == v for k, v in match.items())]
    if not found:
        raise ValueError(f"there is no {label} {'/'.join(match.values())!r}")
    return found


def _check_columns(folder: Path, table: str, changes: Mapping[str, Any], fixed: Iterable[str],
                   more: Iterable[str] = ()) -> None:
    """Refuse a change of a field that is not the table's, or one that follows from others (ids, offsets)."""
    fixed = set(fixed) & set(changes)
    if fixed:
        raise ValueError(f"{', '.join(sorted(fixed))} of {_singular(table)} cannot be changed here: ids stay as "
                         "they are (add a new row and delete this one), and offsets and resolved dates follow from "
                         "the words")
    allowed = set(_fields(folder, table)) | set(more)
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise ValueError(f"{table} has no column {', '.join(map(repr, unknown))}; its columns are "
                         f"{', '.join(_fields(folder, table))}")


def _changed(old: Mapping[str, str], new: Mapping[str, str], label: str) -> str:
    """What an edit changes, in words; ValueError when it changes nothing."""
    columns = [c for c in new if new[c] != old.get(c, "")]
    if not columns:
        raise ValueError(f"nothing to save: the {label} is as it was")
    return f"edited {label}: {', '.join(columns)}"


def edit_statement(data_dir: str | os.PathLike[str] | None, statement_id: str, /, **changes: Any) -> dict[str, str]:
    """Change a statement's fields: its speaker, form, cue, date words, note, or its words.

    New ``words`` (or a new ``paragraph``) are located again as :func:`add_statement`
    locates them; new date words (``said_on_text``) are resolved again. A new
    speaker (``actor_id``) also becomes the holder of the statement's positions
    that the old speaker held, since the holder is the speaker unless another is
    coded; positions held by someone else stay as they are. A field given as None
    or "" is emptied. One save: :func:`undo` takes it back.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when None.
    statement_id : str
        The statement.
    **changes
        Columns of statements.csv and their new values; ``words`` (or ``quote``),
        ``paragraph`` and ``start`` to move the span. The id, the article, ``end``,
        ``said_on`` and ``said_on_basis`` follow from the rest and are refused.

    Returns
    -------
    dict
        The statement's row as written.

    Raises
    ------
    ValueError
        For a statement that does not exist, a column it does not have, words not
        in the paragraph, or no change at all; nothing is written.
    DataError
        When the change would make the data invalid (an unknown speaker, a cue the
        paragraph does not hold); each problem names its file, line and column.

    Examples
    --------
    >>> import shutil, tempfile, newsclaims as nc
    >>> copy = shutil.copytree(nc.data_dir(), tempfile.mkdtemp() + "/data")
    >>> edit_statement(copy, "cnn22_s01", note="Checked again.")["note"]
    'Checked again.'
    """
    folder = _folder(data_dir)
    fields = _fields(folder, "statements")
    words = changes.pop("words", changes.pop("quote", None))
    paragraph, start = changes.pop("paragraph", None), changes.pop("start", None)
    _check_columns(folder, "statements", changes, ("statement_id", "article_id", "end", "said_on", "said_on_basis"))
    with files.locked(folder):
        corpus = _valid(folder)
        tables = _tables(folder)
        old = _find(tables, "statements", {"statement_id": statement_id}, "statement")[0]
        row = dict(old)
        art = article_from(corpus, old["article_id"])
        if words is not None or paragraph is not None or start is not None:
            where = int(paragraph) if paragraph is not None else int(old["paragraph"])
            words = old["quote"] if words is None else str(words)
            if start is None and where == int(old["paragraph"]) and words.strip() == old["quote"]:
                start = int(old["start"])
            begin, end = _span(art, where, words, None if start is None else int(start))
            row.update(quote=art.text[begin:end], start=str(begin), end=str(end), paragraph=str(where))
        if "said_on_text" in changes:
            said = _cell(changes.pop("said_on_text"))
            date = resolve_date(said, art.meta["published"])
            row.update(said_on_text=said, said_on=_cell(date.date if date.precision == DAY else None),
                       said_on_basis=_cell(date.basis if date.precision == DAY else None))
        row.update({c: _cell(v, fields.get(c)) for c, v in changes.items()})
        what = _changed(old, row, f"statement {statement_id}")
        plan: dict[str, dict[Key, dict[str, str] | None]] = {"statements": {(statement_id,): row}}
        if row["actor_id"] != old["actor_id"]:
            key = _key_fields(_resources(folder)["positions"])
            held = [p for p in tables["positions"][1]
                    if p["statement_id"] == statement_id and p["holder_id"] == old["actor_id"]]
            plan["positions"] = {tuple(p[k] for k in key): {**p, "holder_id": row["actor_id"]} for p in held}
            if held:
                what += f" (and the holder of its {plural(len(held), 'position')})"
        _change_rows(folder, what, plan)
    return row


def _position(tables: Mapping[str, tuple[list[str], list[dict[str, str]]]], statement_id: str, topic_id: str,
              holder_id: str | None) -> dict[str, str]:
    """The one position of a statement on a topic (for the holder, when there are several)."""
    match = {"statement_id": statement_id, "topic_id": topic_id} | ({"holder_id": holder_id} if holder_id else {})
    found = _find(tables, "positions", match, "position")
    if len(found) > 1:
        raise ValueError(f"{statement_id} has {len(found)} positions on {topic_id}, for "
                         f"{', '.join(p['holder_id'] for p in found)}: say whose")
    return found[0]


def edit_position(data_dir: str | os.PathLike[str] | None, statement_id: str, topic_id: str,
                  holder_id: str | None = None, /, **changes: Any) -> dict[str, str]:
    """Change a position: its stance, hedge, basis or note; or its topic or holder.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    statement_id, topic_id : str
        The position's statement and topic.
    holder_id : str, optional
        Its holder, needed only when the statement holds several positions on the topic.
    **changes
        Columns of positions.csv and their new values (``stance="oppose"``,
        ``hedged=True``, ``topic_id="other_topic"``).

    Returns
    -------
    dict
        The position's row as written.

    Raises
    ------
    ValueError
        For a position that does not exist, a column the table lacks, or no change; nothing is written.
    DataError
        When the change would make the data invalid (a stance not in the enum, a
        firm stance with a basis that needs a hedge, the same position twice).
    """
    folder = _folder(data_dir)
    fields = _fields(folder, "positions")
    _check_columns(folder, "positions", changes, ())
    with files.locked(folder):
        _valid(folder)
        old = _position(_tables(folder), statement_id, topic_id, holder_id)
        row = dict(old) | {c: _cell(v, fields.get(c)) for c, v in changes.items()}
        what = _changed(old, row, f"position of {statement_id} on {topic_id} ({old['holder_id']})")
        key = tuple(old[k] for k in _key_fields(_resources(folder)["positions"]))
        _change_rows(folder, what, {"positions": {key: row}})
    return row


def edit_actor(data_dir: str | os.PathLike[str] | None, actor_id: str, /, **changes: Any) -> dict[str, str]:
    """Change an actor: name, kind, role, whom they represent, affiliation, note, or aliases.

    ``aliases`` (comma-separated, or a list) replaces the actor's aliases: those
    left out are deleted, new ones added (each must stand in an article's text as
    a whole word), and those kept keep their notes. One save.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    actor_id : str
        The actor; the id itself stays.
    **changes
        Columns of actors.csv and their new values, and ``aliases``.

    Returns
    -------
    dict
        The actor's row as written.

    Raises
    ------
    ValueError
        For an actor that does not exist, an alias in no text, or no change; nothing is written.
    DataError
        When the change would make the data invalid (a kind not in the enum, an alias another actor has).
    """
    folder = _folder(data_dir)
    fields = _fields(folder, "actors")
    aliases = changes.pop("aliases", None)
    _check_columns(folder, "actors", changes, ("actor_id",))
    with files.locked(folder):
        corpus = _valid(folder)
        tables = _tables(folder)
        old = _find(tables, "actors", {"actor_id": actor_id}, "actor")[0]
        row = dict(old) | {c: _cell(v, fields.get(c)) for c, v in changes.items()}
        plan: dict[str, dict[Key, dict[str, str] | None]] = {"actors": {(actor_id,): row}}
        added: list[dict[str, str]] = []
        what = ""
        if aliases is not None:
            had = [a["alias"] for a in tables["aliases"][1] if a["actor_id"] == actor_id]
            names = _words(aliases)
            for alias in set(names) - set(had):
                if not any(re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", t) for t in corpus.texts.values()):
                    raise ValueError(f"the alias {alias!r} is in no article's text as a whole word: an alias is "
                                     "the text's own words, as written (capitals too)")
            plan["aliases"] = {(actor_id, a): None for a in had if a not in names}
            added = [{"actor_id": actor_id, "alias": a} for a in names if a not in had]
            if plan["aliases"] or added:
                what = f"aliases now {', '.join(names) or 'none'}"
        try:
            edited = _changed(old, row, f"actor {actor_id}")
            what = f"{edited}{'; ' + what if what else ''}"
        except ValueError:
            if not what:
                raise
            what = f"edited actor {actor_id}: {what}"
        _change_rows(folder, what, plan, {"aliases": added} if added else {})
    return row


def edit_topic(data_dir: str | os.PathLike[str] | None, topic_id: str, /, **changes: Any) -> dict[str, str]:
    """Change a topic's label, question or description.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    topic_id : str
        The topic; the id itself stays.
    **changes
        Columns of topics.csv and their new values; a question ends in "?".

    Returns
    -------
    dict
        The topic's row as written.

    Raises
    ------
    ValueError
        For a topic that does not exist, a question that is not one, or no change; nothing is written.
    DataError
        When the change would make the data invalid.
    """
    folder = _folder(data_dir)
    fields = _fields(folder, "topics")
    _check_columns(folder, "topics", changes, ("topic_id",))
    if "question" in changes and not (changes["question"] or "").strip().endswith("?"):
        raise ValueError("the question must be a yes/no question, ending in '?': support means yes, oppose no")
    with files.locked(folder):
        _valid(folder)
        old = _find(_tables(folder), "topics", {"topic_id": topic_id}, "topic")[0]
        row = dict(old) | {c: _cell(v, fields.get(c)) for c, v in changes.items()}
        _change_rows(folder, _changed(old, row, f"topic {topic_id}"), {"topics": {(topic_id,): row}})
    return row


def edit_event(data_dir: str | os.PathLike[str] | None, event_id: str, /, **changes: Any) -> dict[str, str]:
    """Change an event: what happened, its actor, paragraph, note, or its date.

    New date words (``date_text``, or ``date_words`` as :func:`add_event` calls
    them) are resolved again; when they give no date, ``date`` must be given, and
    it is ``inferred`` (the note says how). A ``date`` alone is inferred too.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    event_id : str
        The event; the id itself stays.
    **changes
        Columns of events.csv and their new values, and ``date_words``.

    Returns
    -------
    dict
        The event's row as written.

    Raises
    ------
    ValueError
        For an event that does not exist, date words with no date and no date given, or no change.
    DataError
        When the change would make the data invalid (an inferred date without a note).
    """
    folder = _folder(data_dir)
    fields = _fields(folder, "events")
    if "date_words" in changes:
        changes["date_text"] = changes.pop("date_words")
    _check_columns(folder, "events", changes, ("event_id", "article_id", "date_basis"))
    with files.locked(folder):
        corpus = _valid(folder)
        old = _find(_tables(folder), "events", {"event_id": event_id}, "event")[0]
        published = article_from(corpus, old["article_id"]).meta["published"]
        row = dict(old)
        given = changes.pop("date", None)
        words = _cell(changes.pop("date_text")) if "date_text" in changes else old.get("date_text", "")
        reading = resolve_date(words, published)
        if given is not None and reading.date is not None:
            raise ValueError(f"the date follows from the date words ({reading.how}): change the words, or empty "
                             "them and give the date, with a note that says how it was worked out")
        if given is not None or words != old.get("date_text", ""):
            if reading.date is None:
                if given is None:
                    raise ValueError(f"{reading.how}: give the date, with a note that says how it was worked out")
                reading = DateReading(pd.Timestamp(given).date(), changes.pop("date_precision", DAY), INFERRED, "")
            row.update(date=_cell(reading.date), date_precision=reading.precision, date_basis=reading.basis,
                       date_text=words)
        row.update({c: _cell(v, fields.get(c)) for c, v in changes.items()})
        _change_rows(folder, _changed(old, row, f"event {event_id}"), {"events": {(event_id,): row}})
    return row


def delete_statement(data_dir: str | os.PathLike[str] | None, statement_id: str, *, cascade: bool = False) -> str:
    """Delete a statement; refused while positions rest on it, unless ``cascade`` deletes them too.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    statement_id : str
        The statement.
    cascade : bool
        Delete the positions that rest on it as well. Without it, a statement
        with positions is not deleted, and :class:`InUse` lists them.

    Returns
    -------
    str
        What was deleted (also what :func:`undo` would take back).

    Raises
    ------
    InUse
        A ValueError: rows still point at the statement; nothing is written.
    ValueError
        When there is no such statement.
    """
    return _delete(_folder(data_dir), "statements", statement_id, "statement", cascade)


def delete_actor(data_dir: str | os.PathLike[str] | None, actor_id: str, *, cascade: bool = False) -> str:
    """Delete an actor, with its aliases; refused while anything else points at it, unless ``cascade``.

    With ``cascade``, the rows that need the actor are deleted (statements it
    spoke, with their positions; positions it holds; events it acts in) and the
    fields that may be empty are emptied (``via``, ``addressee_id``, another
    actor's ``represents`` or ``affiliation``). :func:`undo` puts it all back.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    actor_id : str
        The actor.
    cascade : bool
        Delete or empty what points at the actor as well.

    Returns
    -------
    str
        What was deleted and emptied.

    Raises
    ------
    InUse
        A ValueError listing each row that points at the actor; nothing is written.
    ValueError
        When there is no such actor.
    """
    return _delete(_folder(data_dir), "actors", actor_id, "actor", cascade)


def delete_topic(data_dir: str | os.PathLike[str] | None, topic_id: str, *, cascade: bool = False) -> str:
    """Delete a topic; refused while positions are coded on it, unless ``cascade`` deletes them too.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    topic_id : str
        The topic.
    cascade : bool
        Delete the positions on it as well.

    Returns
    -------
    str
        What was deleted.

    Raises
    ------
    InUse
        A ValueError listing the positions on the topic; nothing is written.
    ValueError
        When there is no such topic.
    """
    return _delete(_folder(data_dir), "topics", topic_id, "topic", cascade)


def delete_event(data_dir: str | os.PathLike[str] | None, event_id: str) -> str:
    """Delete an event (nothing points at events).

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    event_id : str
        The event.

    Returns
    -------
    str
        What was deleted.

    Raises
    ------
    ValueError
        When there is no such event.
    """
    return _delete(_folder(data_dir), "events", event_id, "event", False)


def delete_position(data_dir: str | os.PathLike[str] | None, statement_id: str, topic_id: str,
                    holder_id: str | None = None) -> str:
    """Delete a position (nothing points at positions).

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder.
    statement_id, topic_id : str
        The position's statement and topic.
    holder_id : str, optional
        Its holder, needed only when the statement holds several positions on the topic.

    Returns
    -------
    str
        What was deleted.

    Raises
    ------
    ValueError
        When there is no such position.
    """
    folder = _folder(data_dir)
    with files.locked(folder):
        _valid(folder)
        old = _position(_tables(folder), statement_id, topic_id, holder_id)
        what = f"deleted position of {statement_id} on {topic_id} ({old['holder_id']}: {old['stance']})"
        key = tuple(old[k] for k in _key_fields(_resources(folder)["positions"]))
        _change_rows(folder, what, {"positions": {key: None}})
    return what


# --- What is left --------------------------------------------------------------------------------

def candidates(art: Article, rejected: Iterable[tuple[int, int]] = ()) -> pd.DataFrame:
    """The extractor's candidate statements that are still to decide: none coded already, none rejected.

    Parameters
    ----------
    art : Article
        The article, with the statements coded so far.
    rejected : iterable of (start, end)
        Spans the coder rejected.

    Returns
    -------
    DataFrame
        Rows of :func:`~newsclaims.extract.extract_from` whose span overlaps no
        coded statement by :data:`CODED_OVERLAP` or more and was not rejected.
    """
    found = extract_from(art)
    coded = list(zip(art.statements["start"], art.statements["end"]))
    gone = set(rejected)
    keep = [(int(s), int(e)) not in gone and not any(overlap((s, e), c) >= CODED_OVERLAP for c in coded)
            for s, e in zip(found["start"], found["end"])]
    return found[keep].reset_index(drop=True)


# --- Rejected candidates: remembered in the work folder ------------------------------------------

REJECTED_COLUMNS = ["start", "end", "paragraph", "quote"]


def _rejected_path(folder: Path, article_id: str) -> Path:
    return files.work_dir(folder) / files.rejected_file(article_id)


def rejected(article_id: str, data_dir: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """The candidates rejected for an article, as remembered in the work folder; the workbench leaves them out.

    They are kept in ``<article_id>_rejected.csv`` in the work folder
    (:func:`newsclaims.files.work_dir`, never the data folder), one row per
    candidate, keyed by its span: start, end, paragraph and the quote as it was.

    Parameters
    ----------
    article_id : str
        The article.
    data_dir : str or path-like, optional
        The data folder being coded: the work folder must lie outside it.

    Returns
    -------
    DataFrame
        start and end (int), paragraph (int) and quote; empty when none were rejected.

    Raises
    ------
    DataError
        When the file was changed by hand and cannot be read: the file, the line and the column.
    """
    folder = _folder(data_dir)
    path = _rejected_path(folder, article_id)
    if not path.exists():
        return pd.DataFrame({c: pd.Series(dtype="int64" if c != "quote" else "object") for c in REJECTED_COLUMNS})
    header, rows = files.read_rows(path)
    missing = [c for c in REJECTED_COLUMNS if c not in header]
    if missing:
        raise DataError(Problem(files.display_path(path), 1, None, f"the header lacks {', '.join(missing)}"))
    for line, row in enumerate(rows, 2):
        for column in ("start", "end", "paragraph"):
            if not row[column].isdigit():
                raise DataError(Problem(files.display_path(path), line, column,
                                        f"{row[column]!r} is not a whole number"))
    frame = pd.DataFrame(rows, columns=header)[REJECTED_COLUMNS] if rows else pd.DataFrame(columns=REJECTED_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "paragraph": "int64", "quote": "object"})


def reject_candidate(data_dir: str | os.PathLike[str] | None, article_id: str, candidate: Mapping[str, Any]) -> bool:
    """Remember that a candidate was rejected, so that the workbench does not offer it again.

    Written to the work folder through the one write path; the data folder is not touched.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder being coded.
    article_id : str
        The article.
    candidate : mapping
        A row of :func:`candidates`: its start, end, paragraph and quote.

    Returns
    -------
    bool
        True when it is newly rejected; False when it was already.
    """
    folder = _folder(data_dir)
    path = _rejected_path(folder, article_id)
    with files.locked(path.parent):
        known = rejected(article_id, folder)
        span = (int(candidate["start"]), int(candidate["end"]))
        if span in set(zip(known["start"], known["end"])):
            return False
        rows = [*known.astype(str).to_dict("records"),
                {"start": span[0], "end": span[1], "paragraph": int(candidate["paragraph"]),
                 "quote": str(candidate["quote"])}]
        files.write_rows(path, REJECTED_COLUMNS, rows)
    return True


def restore_candidate(data_dir: str | os.PathLike[str] | None, article_id: str,
                      candidate: Mapping[str, Any]) -> bool:
    """Forget a rejection: the workbench offers the candidate again.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder being coded.
    article_id : str
        The article.
    candidate : mapping
        The candidate (its start and end).

    Returns
    -------
    bool
        True when it had been rejected; False when it was not.
    """
    folder = _folder(data_dir)
    path = _rejected_path(folder, article_id)
    with files.locked(path.parent):
        known = rejected(article_id, folder)
        keep = (known["start"] != int(candidate["start"])) | (known["end"] != int(candidate["end"]))
        if keep.all():
            return False
        files.write_rows(path, REJECTED_COLUMNS, known[keep].astype(str).to_dict("records"))
    return True


# --- The widget ----------------------------------------------------------------------------------

def _choose(options: Iterable[tuple[str, str]], none: str = "(choose)") -> list[tuple[str, str]]:
    return [(none, ""), *options]


def _text(description: str, placeholder: str = "", css: str = "", area: bool = False) -> w.Text | w.Textarea:
    box = (w.Textarea if area else w.Text)(description=description, placeholder=placeholder,
                                           layout=w.Layout(width="46em"), style={"description_width": "8em"})
    if css:
        box.add_class(css)
    return box


def _dropdown(description: str, options: list[tuple[str, str]], css: str) -> w.Dropdown:
    box = w.Dropdown(description=description, options=options, value=options[0][1] if options else None,
                     layout=w.Layout(width="46em"), style={"description_width": "8em"})
    box.add_class(css)
    return box


def _button(description: str, css: str, primary: bool = False) -> w.Button:
    button = w.Button(description=description, button_style="primary" if primary else "",
                      layout=w.Layout(width="auto"))
    button.add_class(css)
    return button


def _set_options(box: w.Dropdown, options: list[tuple[str, str]], value: str | None = None) -> None:
    """New options for a drop-down, keeping its value (or taking ``value``) when it is among them."""
    keep = box.value if value is None else value
    box.options = options
    values = [v for _, v in options]
    box.value = keep if keep in values else values[0] if values else None


class Workbench(Explorer):
    """Code an article: candidates, statements, speakers, positions and events, each saved checked, with undo.

    Made by :func:`workbench`. Each button calls a method of the same name, which
    calls the module's functions and shows in :attr:`status` what was saved, or,
    in red, why nothing was; then everything shown is read again from the folder.
    :attr:`panel` shows what ``validate`` reports and what the article still
    lacks (:func:`~newsclaims.data.completeness`).

    Parameters
    ----------
    article_id : str
        The article to code.
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when not given.

    Attributes
    ----------
    art : Article
        The article as last read from the folder.
    tabs : ipywidgets.Tab
        Candidates, Statement, Speaker, Position and topic, Event.
    status, panel : ipywidgets.HTML
        What the last action did; and the folder's checks with the article's gaps.
    rejected : set of (int, int)
        The spans of the candidates rejected in this session.
    """

    TITLES = ("Candidates", "Statement", "Speaker", "Position and topic", "Event", "Edit or delete")
    # The tables whose rows the edit tab lists, as its drop-down names them
    EDITABLE = (("Statements", "statements"), ("Positions", "positions"), ("Actors", "actors"),
                ("Topics", "topics"), ("Events", "events"))
    # Columns the edit form does not show: ids, and what follows from the words (offsets, resolved dates)
    HIDDEN = {"statements": {"statement_id", "article_id", "start", "end", "said_on", "said_on_basis"},
              "actors": {"actor_id"}, "topics": {"topic_id"}, "events": {"event_id", "article_id", "date_basis"}}

    def __init__(self, article_id: str, data_dir: str | os.PathLike[str] | None = None):
        super().__init__()
        self.folder = _folder(data_dir)
        self.article_id = article_id
        self.corpus, self.art = _corpus(self.folder, article_id)  # the workbench opens on valid data
        self.rejected: set[tuple[int, int]] = set()
        self.found = pd.DataFrame()
        self.rows: dict[str, tuple[list[str], list[dict[str, str]]]] = {}
        self.edit_fields: dict[str, w.Widget] = {}
        self.status, self.panel, self.head = w.HTML(), w.HTML(), w.HTML()
        self.status.add_class("nc-wb-status")
        self.panel.add_class("nc-wb-panel")
        self._candidate_box()
        self._statement_box()
        self._actor_box()
        self._position_box()
        self._event_box()
        self._edit_box()
        self.tabs = w.Tab(children=[self.candidate_tab, self.statement_tab, self.actor_tab, self.position_tab,
                                    self.event_tab, self.edit_tab], titles=self.TITLES)
        undo_button = _button("Undo last save", "nc-wb-undo")
        undo_button.on_click(self.undo)
        again = _button("Check again", "nc-wb-refresh")
        again.on_click(self.refresh)
        self.children = [self.head, self.tabs, w.HBox([undo_button, again]), self.status, self.panel]
        self.refresh()

    # --- building the tabs ---

    def _candidate_box(self) -> None:
        self.candidate = _dropdown("Candidate", [], "nc-wb-candidate")
        self.candidate.layout.width = "60em"
        self.candidate_view = w.HTML()
        accept, edit, reject = (_button("Accept", "nc-wb-accept", primary=True),
                                _button("Edit in the statement form", "nc-wb-edit"), _button("Reject", "nc-wb-reject"))
        self.restore_button = _button("Offer it again", "nc-wb-restore")
        self.show_rejected = w.Checkbox(description="Show rejected candidates", indent=False)
        self.show_rejected.add_class("nc-wb-show-rejected")
        accept.on_click(self.accept)
        edit.on_click(self.edit)
        reject.on_click(self.reject)
        self.restore_button.on_click(self.restore)
        self.candidate.observe(self.show_candidate, names="value")
        self.show_rejected.observe(self.refresh, names="value")
        self.candidate_tab = w.VBox([self.candidate, self.candidate_view,
                                     w.HBox([accept, edit, reject, self.restore_button]), self.show_rejected])

    def _statement_box(self) -> None:
        n = max(len(self.art.paragraphs), 1)
        self.paragraph = w.BoundedIntText(value=1, min=1, max=n, description="Paragraph",
                                          style={"description_width": "8em"})
        self.paragraph.add_class("nc-wb-paragraph")
        self.paragraph_view = w.HTML()
        self.words = _text("Words", "paste the statement's words from the paragraph", "nc-wb-words", area=True)
        self.speaker = _dropdown("Speaker", [], "nc-wb-speaker")
        self.form = _dropdown("Form", _choose((f, f) for f in vocabulary("statements", "form", data_dir=self.folder)),
                              "nc-wb-form")
        self.cue = _text("Cue", "the reporting verb as written: said, according to, ...", "nc-wb-cue")
        self.setting = w.Combobox(description="Setting", placeholder="where or how it was said (optional)",
                                  layout=w.Layout(width="46em"), style={"description_width": "8em"})
        self.setting.add_class("nc-wb-setting")
        self.said_on_text = _text("Date words", "the article's words that date it: on Monday, February 4 "
                                                "(optional)", "nc-wb-said-on")
        self.said_on_view = w.HTML()
        self.via = _dropdown("Via", [], "nc-wb-via")
        self.addressee = _dropdown("Addressee", [], "nc-wb-addressee")
        self.statement_note = _text("Note", "your reasons, for an arguable decision (optional)", "nc-wb-note")
        save = _button("Save statement", "nc-wb-save-statement", primary=True)
        save.on_click(self.save_statement)
        self.paragraph.observe(self.show_paragraph, names="value")
        self.words.observe(self.show_paragraph, names="value")
        self.said_on_text.observe(self.show_date, names="value")
        self.statement_tab = w.VBox([self.paragraph, self.paragraph_view, self.words, self.speaker, self.form,
                                     self.cue, self.setting, self.said_on_text, self.said_on_view, self.via,
                                     self.addressee, self.statement_note, save])

    def _actor_box(self) -> None:
        self.actor_name = _text("Name", "as the article names them in full", "nc-wb-actor-name")
        self.actor_id = _text("Id", "made from the name when left empty", "nc-wb-actor-id")
        self.kind = _dropdown("Kind", _choose((k, k) for k in vocabulary("actors", "kind", data_dir=self.folder)),
                              "nc-wb-kind")
        self.role = _text("Role", "the role as the article words it (optional)", "nc-wb-role")
        self.represents = _dropdown("Represents", [], "nc-wb-represents")
        self.affiliation = _dropdown("Affiliation", [], "nc-wb-affiliation")
        self.aliases = _text("Aliases", "the words that name them in the text, comma-separated: Ana Ruiz, Ruiz",
                             "nc-wb-aliases")
        self.actor_note = _text("Note", "(optional)", "nc-wb-actor-note")
        save = _button("Save actor", "nc-wb-save-actor", primary=True)
        save.on_click(self.save_actor)
        hint = w.HTML(f'<p style="{HINT_STYLE}">A new speaker is picked in the statement form once saved. '
                      "Analysts represent no one: their institution is their affiliation.</p>")
        self.actor_tab = w.VBox([hint, self.actor_name, self.actor_id, self.kind, self.role, self.represents,
                                 self.affiliation, self.aliases, self.actor_note, save])

    def _position_box(self) -> None:
        self.statement = _dropdown("Statement", [], "nc-wb-statement")
        self.statement.layout.width = "60em"
        self.topic = _dropdown("Topic", [], "nc-wb-topic")
        self.question_view = w.HTML()
        self.holder = _dropdown("Holder", [], "nc-wb-holder")
        self.stance = _dropdown("Stance", _choose((s, s) for s in vocabulary("positions", "stance",
                                                                             data_dir=self.folder)), "nc-wb-stance")
        self.hedged = w.Checkbox(description="Hedged: qualified, implied or stopped short of", indent=False)
        self.hedged.add_class("nc-wb-hedged")
        self.extra: dict[str, w.Widget] = {}
        positions = _resources(self.folder)["positions"]["schema"]["fields"]
        for field in positions:  # the descriptor's other fields (a basis, where it has one)
            if field["name"] in POSITION_FIELDS:
                continue
            allowed = field.get("constraints", {}).get("enum")
            self.extra[field["name"]] = (
                _dropdown(field["name"].capitalize(), _choose((str(v), str(v)) for v in allowed),
                          f"nc-wb-{field['name']}") if allowed
                else _text(field["name"].capitalize(), field.get("description", ""), f"nc-wb-{field['name']}"))
            self.extra[field["name"]].tooltip = field.get("description", "")
        self.position_note = _text("Note", "your one-line reason, with the words that carry it", "nc-wb-position-note")
        save = _button("Save position", "nc-wb-save-position", primary=True)
        save.on_click(self.save_position)
        self.topic.observe(self.show_question, names="value")
        self.topic_label = _text("Label", "a short label for charts", "nc-wb-topic-label")
        self.topic_id = _text("Id", "made from the label when left empty", "nc-wb-topic-id")
        self.question = _text("Question", "a yes/no question: Should ...?", "nc-wb-question")
        self.topic_description = _text("Description", "what it covers and how it is coded (optional)",
                                       "nc-wb-topic-description")
        save_topic = _button("Save topic", "nc-wb-save-topic")
        save_topic.on_click(self.save_topic)
        self.position_tab = w.VBox([self.statement, self.topic, self.question_view, self.holder, self.stance,
                                    self.hedged, *self.extra.values(), self.position_note, save,
                                    w.HTML("<b>A new topic</b>"), self.topic_label, self.topic_id, self.question,
                                    self.topic_description, save_topic])

    def _event_box(self) -> None:
        n = max(len(self.art.paragraphs), 1)
        self.event_paragraph = w.BoundedIntText(value=1, min=1, max=n, description="Paragraph",
                                                style={"description_width": "8em"})
        self.event_paragraph.add_class("nc-wb-event-paragraph")
        self.event_label = _text("What happened", "a short label", "nc-wb-event-label")
        self.event_actor = _dropdown("Actor", [], "nc-wb-event-actor")
        self.event_words = _text("Date words", "the article's words for the date, as written", "nc-wb-event-words")
        self.event_date = _text("Date", "YYYY-MM-DD, only when the words give none (then say how in the note)",
                                "nc-wb-event-date")
        self.event_note = _text("Note", "(optional; needed for a date worked out)", "nc-wb-event-note")
        self.event_date_view = w.HTML()
        self.event_words.observe(self.show_date, names="value")
        save = _button("Save event", "nc-wb-save-event", primary=True)
        save.on_click(self.save_event)
        self.event_tab = w.VBox([self.event_paragraph, self.event_label, self.event_actor, self.event_words,
                                 self.event_date_view, self.event_date, self.event_note, save])

    def _edit_box(self) -> None:
        self.edit_table = _dropdown("Table", list(self.EDITABLE), "nc-wb-edit-table")
        self.edit_row = _dropdown("Row", [], "nc-wb-edit-row")
        self.edit_row.layout.width = "60em"
        self.edit_view = w.HTML()
        self.edit_form = w.VBox()
        save = _button("Save changes", "nc-wb-edit-save", primary=True)
        save.on_click(self.save_edit)
        delete = _button("Delete…", "nc-wb-delete")
        delete.on_click(self.delete_row)
        self.cascade = w.Checkbox(description="also delete the rows that need it, and empty the fields that "
                                              "point at it", indent=False, layout=w.Layout(width="auto"))
        self.cascade.add_class("nc-wb-cascade")
        self.confirm_view = w.HTML()
        sure = w.Button(description="Yes, delete", button_style="danger", layout=w.Layout(width="auto"))
        sure.add_class("nc-wb-confirm-delete")
        sure.on_click(self.confirm_delete)
        cancel = _button("Cancel", "nc-wb-cancel-delete")
        cancel.on_click(self.cancel_delete)
        self.confirm = w.VBox([self.confirm_view, self.cascade, w.HBox([sure, cancel])],
                              layout=w.Layout(display="none"))
        self.confirm.add_class("nc-wb-confirm")
        self.edit_table.observe(self.show_rows, names="value")
        self.edit_row.observe(self.show_row, names="value")
        hint = w.HTML(f'<p style="{HINT_STYLE}">Pick a row, change its fields, then <b>Save changes</b>. New words '
                      "are located again in the paragraph and new date words resolved again; ids stay as they are. "
                      "A row that others point at (a speaker, a statement with positions) is deleted only with "
                      "what needs it, when you tick the box. <b>Undo last save</b> puts back an edit or a "
                      "delete.</p>")
        self.edit_tab = w.VBox([hint, self.edit_table, self.edit_row, self.edit_view, self.edit_form,
                                w.HBox([save, delete]), self.confirm])

    # --- showing ---

    def refresh(self, _button: object = None) -> None:
        """Read the folder again and show everything as it now is: options, candidates, checks."""
        try:
            self.corpus, self.art = _corpus(self.folder, self.article_id)
            invalid: list[str] = []
        except DataError:  # changed outside the workbench: show what validate says, keep the last good view
            invalid = data.problems(self.folder)
        names = dict(zip(self.corpus.actors["actor_id"], self.corpus.actors["name"]))
        kinds = dict(zip(self.corpus.actors["actor_id"], self.corpus.actors["kind"].astype(str)))
        actors = sorted(((f"{names[a]} ({kinds[a]})", a) for a in names), key=lambda o: o[0].lower())
        _set_options(self.speaker, _choose(actors))
        _set_options(self.holder, _choose(actors, "(the speaker)"))
        _set_options(self.event_actor, _choose(actors))
        for box in (self.via, self.addressee, self.represents, self.affiliation):
            _set_options(box, _choose(actors, "(none)"))
        topics = sorted(zip(self.corpus.topics["label"], self.corpus.topics["topic_id"]), key=lambda o: o[0].lower())
        _set_options(self.topic, _choose(topics))
        art_names = an.names(self.art) | names
        statements = [(f"{s.statement_id} · ¶{s.paragraph} · {art_names.get(s.actor_id, s.actor_id)}: "
                       f"{_short(s.quote)}", s.statement_id) for s in self.art.statements.itertuples()]
        _set_options(self.statement, _choose(statements))
        self.setting.options = sorted(set(self.corpus.statements["setting"].dropna()))
        m = self.art.meta
        where = "the package's data/" if self.folder == files.REPO_DATA.resolve() else str(self.folder)
        self.head.value = (f'<div style="{BOX}"><b>Coding</b> {esc(m["title"])} <span style="{MUTED}">'
                           f'({esc(self.article_id)}, {esc(m["outlet"])}, {m["published"]:%Y-%m-%d}) · saved in '
                           f"{esc(where)}</span></div>")
        try:
            gone = rejected(self.article_id, self.folder)
            self.rejected = set(zip(gone["start"].tolist(), gone["end"].tolist()))
        except (DataError, ValueError, OSError) as error:  # a file changed by hand, or no work folder: say so
            self.status.value = f'<p style="{ERROR_STYLE}">The rejected candidates cannot be read: {esc(error)}</p>'
        self.found = candidates(self.art, () if self.show_rejected.value else self.rejected)
        options = [(f"{'rejected · ' if (c.start, c.end) in self.rejected else ''}¶{c.paragraph} · {c.form} · "
                    f"{c.cue or 'no cue'} · {c.speaker_text or 'no speaker found'}: {_short(c.quote)}", str(i))
                   for i, c in enumerate(self.found.itertuples())]
        _set_options(self.candidate, options or [("(no candidates left)", "")])
        self.show_candidate()
        self.show_paragraph()
        self.show_date()
        self.show_question()
        self.show_rows()
        self.panel.value = self.panel_html(invalid)

    def panel_html(self, invalid: list[str] | None = None) -> str:
        """What validate reports, what the article still lacks, and the statements coded so far.

        Parameters
        ----------
        invalid : list of str, optional
            The problems ``validate`` found, when the folder did not load.

        Returns
        -------
        str
            HTML.
        """
        if invalid:
            checks = (f'<p style="{ERROR_STYLE}"><b>validate: {len(invalid)} problem{"s" * (len(invalid) != 1)}'
                      f'</b> (made outside the workbench; fix them in the files)</p><ul style="{ERROR_STYLE}">'
                      + "".join(f"<li>{esc(p)}</li>" for p in invalid) + "</ul>")
        else:
            checks = '<p><b>validate</b>: ok</p>'
        gaps = completeness(self.art)
        needed = gaps[gaps["level"] == "needed"]
        state = "complete" if needed.empty else f"{len(needed)} thing{'s' * (len(needed) != 1)} to do"
        items = "".join(f"<li><b>{esc(g.gap)}</b>: {esc(_short(g.item))}"
                        f"{'' if pd.isna(g.paragraph) else f' (¶{g.paragraph})'}"
                        f'{" · to check" if g.level != "needed" else ""} — <span style="{MUTED}">{esc(g.todo)}'
                        "</span></li>" for g in gaps.itertuples())
        st, pos = self.art.statements, self.art.positions
        held = pos.groupby("statement_id").size()
        coded = "".join(f"<li>{esc(s.statement_id)} · ¶{s.paragraph} · {esc(s.actor_id)} · {esc(s.form)}: "
                        f'{esc(_short(s.quote, 90))} <span style="{MUTED}">'
                        f"({plural(int(held.get(s.statement_id, 0)), 'position')})</span></li>"
                        for s in st.itertuples())
        counts = ", ".join(plural(len(frame), what) for frame, what in
                           ((st, "statement"), (pos, "position"), (self.art.events, "event")))
        return (f'<div style="{BOX}">{checks}<p><b>{esc(self.article_id)}: {state}</b> · {counts}</p>'
                f"<ul>{items}</ul><details><summary>Statements coded so far ({len(st)})</summary>"
                f'<ul class="nc-wb-coded">{coded}</ul></details></div>')

    def _marks(self, paragraph: int) -> list[dict]:
        own = self.art.statements[self.art.statements["paragraph"] == paragraph]
        return statement_marks(self.art, own) if len(own) else []

    def show_candidate(self, _change: object = None) -> None:
        """Show the chosen candidate in its paragraph, with what the extractor found."""
        self.restore_button.layout.display = "none"
        if not self.candidate.value or self.found.empty:
            hidden = (f" ({plural(len(self.rejected), 'rejected candidate')}: tick <b>Show rejected candidates</b> "
                      "to see them again)" if self.rejected and not self.show_rejected.value else "")
            self.candidate_view.value = (f'<p style="{HINT_STYLE}">No candidates left: the extractor\'s suggestions '
                                         f"are coded or rejected{hidden}. Add statements in the statement form.</p>")
            return
        c = self.found.iloc[int(self.candidate.value)]
        if (c.start, c.end) in self.rejected:
            self.restore_button.layout.display = ""
        p = self.art.paragraphs.iloc[int(c.paragraph) - 1]
        marks = [{"start": int(c.start), "end": int(c.end), "style": "background:#F0E442;border-radius:3px",
                  "title": "the candidate"}]
        speaker = c.actor_id if isinstance(c.actor_id, str) else None
        who = (f"{esc(an.names(self.art).get(speaker, speaker))} (<code>{esc(speaker)}</code>)" if speaker
               else f"<i>no known actor</i>{f' ({esc(c.speaker_text)})' if c.speaker_text else ''}: edit it")
        self.candidate_view.value = (
            f'<div style="{BOX}"><p>¶{int(c.paragraph)} {highlight(self.art.text, int(p.start), int(p.end), marks)}</p>'
            f"<p>Speaker {who} · form <b>{esc(c.form)}</b> · cue <b>{esc(c.cue or '(none)')}</b> · "
            f'<span style="{MUTED}">{esc(c.rule)}; confidence {c.confidence:.2f}</span></p>'
            f'<p style="{HINT_STYLE}">{len(self.found)} candidate{"s" * (len(self.found) != 1)} left</p></div>')

    def show_paragraph(self, _change: object = None) -> None:
        """Show the paragraph of the statement form, its coded statements, and where the pasted words stand."""
        if self.art.paragraphs.empty:
            return
        n = min(max(int(self.paragraph.value), 1), len(self.art.paragraphs))
        marks = self._marks(n)
        note = ""
        if self.words.value.strip():
            try:
                start, end = locate(self.art, n, self.words.value)
                marks.append({"start": start, "end": end, "layer": 1, "title": "your words",
                              "style": "outline:2px solid #E69F00;background:#F0E442"})
                note = f'<span style="{HINT_STYLE}">found at {start}:{end}</span>'
            except ValueError as error:
                note = f'<span style="{ERROR_STYLE}">{esc(error)}</span>'
            if not self.form.value:
                self.form.value = suggest_form(self.words.value, [v for _, v in self.form.options])
        self.paragraph_view.value = f'<div style="{BOX}">{paragraph_html(self.art, n, marks)}{note}</div>'

    def show_date(self, _change: object = None) -> None:
        """Show the dates the date words of the statement and event forms resolve to."""
        published = self.art.meta["published"]
        for words, view in ((self.said_on_text, self.said_on_view), (self.event_words, self.event_date_view)):
            if not words.value.strip():
                view.value = ""
                continue
            reading = resolve_date(words.value, published)
            when = f"<b>{_long(reading.date)}</b> ({reading.precision}) — " if reading.date else ""
            view.value = f'<p style="{HINT_STYLE};margin-left:8em">→ {when}{esc(reading.how)}</p>'

    def show_question(self, _change: object = None) -> None:
        """Show the chosen topic's question: the stance answers it."""
        topics = self.corpus.topics.set_index("topic_id")
        chosen = self.topic.value
        self.question_view.value = (f'<p style="{HINT_STYLE};margin-left:8em">{esc(topics.at[chosen, "question"])} '
                                    "support = yes, oppose = no</p>" if chosen in topics.index else "")

    # --- acting ---

    def _done(self, message: str) -> None:
        self.refresh()
        self.status.value = f'<p style="{DONE_STYLE}">✔ {esc(message)}</p>'

    def _failed(self, error: Exception, head: str = "Not saved, nothing changed:") -> None:
        self.refresh()  # the panel shows the folder as it is: a problem made outside the workbench, say
        lines = [_in(p, self.folder) for p in error.problems] if isinstance(error, DataError) else [str(error)]
        self.status.value = (f'<div style="{ERROR_STYLE}"><b>{esc(head)}</b><ul>'
                             + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul></div>")

    def _try(self, action: Any, done: Any) -> dict[str, str] | None:
        """Run a save; show what it saved, or in red why nothing was. The row saved, or None."""
        try:
            row = action()
        except (ValueError, DataError, files.WriteError) as error:
            self._failed(error)
            return None
        self._done(done(row))
        return row

    def accept(self, _button: object = None) -> None:
        """Save the chosen candidate as it is."""
        if not self.candidate.value:
            return
        c = self.found.iloc[int(self.candidate.value)].to_dict()
        self._try(lambda: accept_candidate(self.folder, self.article_id, c),
                  lambda row: f"Saved statement {row['statement_id']}: {_short(row['quote'])}")

    def reject(self, _button: object = None) -> None:
        """Reject the chosen candidate: remembered in the work folder, it is not offered again."""
        if not self.candidate.value:
            return
        c = self.found.iloc[int(self.candidate.value)]
        try:
            reject_candidate(self.folder, self.article_id, c.to_dict())
        except (ValueError, DataError, OSError) as error:
            self._failed(error, "Not rejected:")
            return
        self.refresh()
        self.status.value = (f"<p>Rejected: {esc(_short(c.quote))} (remembered in the work folder, not in the data; "
                             "<b>Show rejected candidates</b> brings it back)</p>")

    def restore(self, _button: object = None) -> None:
        """Offer the chosen rejected candidate again: its rejection is forgotten."""
        if not self.candidate.value:
            return
        c = self.found.iloc[int(self.candidate.value)]
        try:
            restore_candidate(self.folder, self.article_id, c.to_dict())
        except (ValueError, DataError, OSError) as error:
            self._failed(error, "Not changed:")
            return
        self.refresh()
        self.status.value = f"<p>Offered again: {esc(_short(c.quote))}</p>"

    # --- editing and deleting rows ---

    def _key(self, table: str, row: Mapping[str, str]) -> str:
        return "\t".join(row.get(k, "") for k in _key_fields(_resources(self.folder)[table]))

    def show_rows(self, _change: object = None) -> None:
        """List the rows of the chosen table that belong to the article (every actor and topic of the folder)."""
        try:
            self.rows = _tables(self.folder)
        except DataError:
            self.rows = {}
        table = self.edit_table.value
        rows = self.rows.get(table, ([], []))[1]
        names = dict(zip(self.corpus.actors["actor_id"], self.corpus.actors["name"]))
        own = {r["statement_id"] for r in self.rows.get("statements", ([], []))[1]
               if r["article_id"] == self.article_id}
        if table == "statements":
            listed = [(f"{r['statement_id']} · ¶{r['paragraph']} · {names.get(r['actor_id'], r['actor_id'])}: "
                       f"{_short(r['quote'])}", r) for r in rows if r["statement_id"] in own]
        elif table == "positions":
            listed = [(f"{r['statement_id']} · {r['topic_id']} · {names.get(r['holder_id'], r['holder_id'])}: "
                       f"{r['stance']}", r) for r in rows if r["statement_id"] in own]
        elif table == "actors":
            listed = sorted(((f"{r['name']} ({r['kind']}) · {r['actor_id']}", r) for r in rows),
                            key=lambda o: o[0].lower())
        elif table == "topics":
            listed = [(f"{r['label']} · {r['topic_id']}: {r['question']}", r) for r in rows]
        else:
            listed = [(f"{r.get('event_id')} · ¶{r.get('paragraph')} · {r.get('date')}: {r.get('label')}", r)
                      for r in rows if r.get("article_id") == self.article_id]
        _set_options(self.edit_row, _choose(((label, self._key(table, r)) for label, r in listed),
                                            "(choose a row)" if listed else "(no rows yet)"))
        self.show_row()

    def _row(self) -> dict[str, str] | None:
        """The chosen row as written, or None."""
        table, key = self.edit_table.value, self.edit_row.value
        if not key:
            return None
        return next((r for r in self.rows.get(table, ([], []))[1] if self._key(table, r) == key), None)

    def _field_box(self, table: str, spec: Mapping[str, Any], value: str) -> w.Widget:
        """A box for one field of the edit form: a drop-down for an enum or a reference, a tick for true or false."""
        name = spec["name"]
        required = spec.get("constraints", {}).get("required") or name in _key_fields(_resources(self.folder)[table])
        label = {"quote": "Words", "said_on_text": "Date words", "date_text": "Date words"}.get(
            name, name.replace("_id", "").replace("_", " ").capitalize())
        references = {(fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]):
                      fk["reference"].get("resource") or table
                      for fk in _resources(self.folder)[table]["schema"].get("foreignKeys", [])}
        enum = spec.get("constraints", {}).get("enum")
        if spec.get("type") == "boolean":
            box = w.Checkbox(description=label, indent=False,
                             value=value in (spec.get("trueValues") or ["true", "True", "TRUE", "1"]))
        elif enum or references.get(name) in ("actors", "topics", "statements"):
            if enum:
                options = [(str(v), str(v)) for v in enum]
            elif references[name] == "actors":
                options = sorted(((f"{a['name']} ({a['kind']})", a["actor_id"]) for a in self.rows["actors"][1]),
                                 key=lambda o: o[0].lower())
            elif references[name] == "topics":
                options = [(t["label"], t["topic_id"]) for t in self.rows["topics"][1]]
            else:
                options = [(r["statement_id"], r["statement_id"]) for r in self.rows["statements"][1]
                           if r["article_id"] == self.article_id]
            options = options if required else [("(none)", ""), *options]
            if value not in [v for _, v in options]:
                options = [(value or "(none)", value), *options]
            box = _dropdown(label, options, f"nc-wb-edit-{name}")
            box.value = value
        else:
            box = _text(label, spec.get("description", "")[:120], f"nc-wb-edit-{name}", area=name == "quote")
            box.value = value
        box.add_class(f"nc-wb-edit-{name}")
        return box

    def show_row(self, _change: object = None) -> None:
        """Show the chosen row's fields in the edit form, ready to change."""
        self.confirm.layout.display = "none"
        row, table = self._row(), self.edit_table.value
        if row is None:
            self.edit_fields = {}
            self.edit_form.children = []
            self.edit_view.value = ""
            return
        hidden = self.HIDDEN.get(table, set())
        specs = [f for f in _resources(self.folder)[table]["schema"]["fields"] if f["name"] not in hidden]
        self.edit_fields = {f["name"]: self._field_box(table, f, row.get(f["name"], "")) for f in specs}
        if table == "actors":
            had = [a["alias"] for a in self.rows["aliases"][1] if a["actor_id"] == row["actor_id"]]
            self.edit_fields["aliases"] = _text("Aliases", "the words that name them in the text, comma-separated",
                                                "nc-wb-edit-aliases")
            self.edit_fields["aliases"].value = ", ".join(had)
        self.edit_form.children = list(self.edit_fields.values())
        key = ", ".join(f"{k} <code>{esc(row[k])}</code>" for k in row if k in hidden and row[k])  # as in the file
        self.edit_view.value = f'<p style="{HINT_STYLE}">{key}</p>' if key else ""

    def _edits(self, row: Mapping[str, str]) -> dict[str, Any]:
        """The fields of the edit form that differ from the row as written, by name."""
        changes: dict[str, Any] = {}
        for name, box in self.edit_fields.items():
            if name == "aliases":
                had = [a["alias"] for a in self.rows["aliases"][1] if a["actor_id"] == row["actor_id"]]
                if _words(box.value) != had:
                    changes["aliases"] = box.value
                continue
            old = row.get(name, "")
            if isinstance(box, w.Checkbox):
                spec = _fields(self.folder, self.edit_table.value)[name]
                if box.value != (old in (spec.get("trueValues") or ["true", "True", "TRUE", "1"])):
                    changes[name] = box.value
            elif (box.value or "").strip() != old:
                changes[name] = (box.value or "").strip() or None
        if "quote" in changes:
            changes["words"] = changes.pop("quote")
        return changes

    def save_edit(self, _button: object = None) -> None:
        """Save the changed fields of the chosen row (only those changed)."""
        row, table = self._row(), self.edit_table.value
        if row is None:
            return
        key = self.edit_row.value.split("\t")
        changes = self._edits(row)
        action = {"statements": edit_statement, "positions": edit_position, "actors": edit_actor,
                  "topics": edit_topic, "events": edit_event}[table]
        what = _singular(table)
        if self._try(lambda: action(self.folder, *key, **changes),
                     lambda new: f"Saved the {what} {'/'.join(key)}: {', '.join(changes) or 'nothing changed'}"):
            key = self._key(table, {**row, **{c: str(v) for c, v in changes.items() if isinstance(v, str)}})
            if key in [v for _, v in self.edit_row.options]:
                self.edit_row.value = key

    def delete_row(self, _button: object = None) -> None:
        """Ask before deleting the chosen row: say what it is, and what else goes with it if asked."""
        row, table = self._row(), self.edit_table.value
        if row is None:
            return
        self.cascade.value = False
        self.confirm_view.value = (f'<p style="{ERROR_STYLE}"><b>Delete the {esc(_singular(table))} '
                                   f"{esc(self.edit_row.label)}?</b> <b>Undo last save</b> puts it back.</p>")
        self.confirm.layout.display = ""

    def confirm_delete(self, _button: object = None) -> None:
        """Delete the chosen row; refused, with the rows that use it, unless the box asks to delete those too."""
        row, table = self._row(), self.edit_table.value
        if row is None:
            return
        key = self.edit_row.value.split("\t")
        cascade = {"cascade": self.cascade.value} if table in ("statements", "actors", "topics") else {}
        action = {"statements": delete_statement, "positions": delete_position, "actors": delete_actor,
                  "topics": delete_topic, "events": delete_event}[table]
        if not self._try(lambda: action(self.folder, *key, **cascade), lambda what: f"{what[0].upper()}{what[1:]}"):
            self.delete_row()  # the question stays open, under the reason, to tick the box or cancel
            self.cascade.value = bool(cascade.get("cascade"))

    def cancel_delete(self, _button: object = None) -> None:
        """Close the question: nothing is deleted."""
        self.confirm.layout.display = "none"
        self.status.value = "<p>Nothing deleted.</p>"

    def edit(self, _button: object = None) -> None:
        """Copy the chosen candidate into the statement form, to change it there before saving."""
        if not self.candidate.value:
            return
        c = self.found.iloc[int(self.candidate.value)]
        self.paragraph.value = int(c.paragraph)
        self.words.value = c.quote
        speakers = [v for _, v in self.speaker.options]
        self.speaker.value = c.actor_id if isinstance(c.actor_id, str) and c.actor_id in speakers else ""
        forms = [v for _, v in self.form.options]
        self.form.value = c.form if c.form in forms else ""
        self.cue.value = c.cue or ""
        self.tabs.selected_index = self.TITLES.index("Statement")
        self.status.value = ("<p>The candidate is in the statement form: change what needs changing, then "
                             "<b>Save statement</b>.</p>")

    def save_statement(self, _button: object = None) -> None:
        """Save the statement form: the pasted words located in the paragraph, and the fields chosen."""
        def save() -> dict[str, str]:
            if not self.speaker.value or not self.form.value:
                raise ValueError("choose the speaker and the form first")
            return add_statement(self.folder, self.article_id, int(self.paragraph.value), self.words.value,
                                 actor_id=self.speaker.value, form=self.form.value, cue=self.cue.value or None,
                                 setting=self.setting.value.strip() or None,
                                 said_on_text=self.said_on_text.value.strip() or None, via=self.via.value or None,
                                 addressee_id=self.addressee.value or None,
                                 note=self.statement_note.value.strip() or None)

        row = self._try(save, lambda row: f"Saved statement {row['statement_id']}: {_short(row['quote'])}")
        if row:
            for box in (self.words, self.cue, self.said_on_text, self.statement_note, self.setting):
                box.value = ""
            self.form.value = ""
            self.statement.value = row["statement_id"]  # ready for its position

    def save_actor(self, _button: object = None) -> None:
        """Save the actor form, with its aliases; the new actor becomes the statement's speaker if none is chosen."""
        def save() -> dict[str, str]:
            if not self.actor_name.value.strip() or not self.kind.value:
                raise ValueError("give the name and choose the kind first")
            return add_actor(self.folder, self.article_id, self.actor_name.value.strip(), self.kind.value,
                             actor_id=self.actor_id.value or None, role=self.role.value.strip() or None,
                             represents=self.represents.value or None, affiliation=self.affiliation.value or None,
                             aliases=self.aliases.value, note=self.actor_note.value.strip() or None)

        picked = self.speaker.value
        row = self._try(save, lambda row: f"Saved actor {row['actor_id']} ({row['name']})")
        if row:
            self.speaker.value = picked or row["actor_id"]
            for box in (self.actor_name, self.actor_id, self.role, self.aliases, self.actor_note):
                box.value = ""

    def save_topic(self, _button: object = None) -> None:
        """Save the new topic; it becomes the topic of the position form."""
        def save() -> dict[str, str]:
            return add_topic(self.folder, self.topic_label.value.strip(), self.question.value.strip(),
                             topic_id=self.topic_id.value or None,
                             description=self.topic_description.value.strip() or None)

        row = self._try(save, lambda row: f"Saved topic {row['topic_id']}: {row['question']}")
        if row:
            self.topic.value = row["topic_id"]
            for box in (self.topic_label, self.topic_id, self.question, self.topic_description):
                box.value = ""

    def save_position(self, _button: object = None) -> None:
        """Save the position form: the statement's stance on the topic, for its holder."""
        def save() -> dict[str, str]:
            if not self.statement.value or not self.topic.value or not self.stance.value:
                raise ValueError("choose the statement, the topic and the stance first")
            extra = {name: box.value or None for name, box in self.extra.items()}
            return add_position(self.folder, self.statement.value, self.topic.value, self.stance.value,
                                holder_id=self.holder.value or None, hedged=self.hedged.value,
                                note=self.position_note.value.strip() or None, **extra)

        if self._try(save, lambda row: f"Saved the position of {row['statement_id']} on {row['topic_id']}: "
                                       f"{row['holder_id']} {row['stance']}"):
            self.position_note.value = ""
            self.hedged.value = False

    def save_event(self, _button: object = None) -> None:
        """Save the event form."""
        def save() -> dict[str, str]:
            if not self.event_label.value.strip() or not self.event_actor.value:
                raise ValueError("say what happened and choose the actor first")
            return add_event(self.folder, self.article_id, int(self.event_paragraph.value),
                             self.event_label.value.strip(), self.event_actor.value,
                             date_words=self.event_words.value.strip() or None,
                             date=self.event_date.value.strip() or None,
                             note=self.event_note.value.strip() or None)

        if self._try(save, lambda row: f"Saved event {row['event_id']}: {row['label']} ({row['date']})"):
            for box in (self.event_label, self.event_words, self.event_date, self.event_note):
                box.value = ""

    def undo(self, _button: object = None) -> None:
        """Take back the last save of this session."""
        try:
            what = undo(self.folder)
        except (ValueError, DataError, files.WriteError) as error:
            self._failed(error, "Not undone, nothing changed:")
            return
        self._done(f"Undone: {what}")


def _in(problem: Problem, folder: Path) -> str:
    """A problem as text, its file named inside the data folder (``statements.csv line 39, ...``)."""
    text = str(problem)
    for prefix in dict.fromkeys([files.display_path(folder), str(folder)]):
        if text.startswith(prefix + os.sep):
            return text[len(prefix) + 1:]
    return text



def _short(text: object, width: int = 70) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def workbench(art_or_id: Article | str | None = None, data_dir: str | os.PathLike[str] | None = None) -> Workbench:
    """The coding workbench for an article: a :class:`Workbench`.

    Parameters
    ----------
    art_or_id : Article or str, optional
        The article, or its id; $NEWSCLAIMS_ARTICLE's, else the folder's first, when not given.
    data_dir : str or path-like, optional
        The data folder to save in; $NEWSCLAIMS_DATA's or the package's when not
        given. An :class:`Article` does not say where it was loaded from: pass the
        folder when it was not the default.

    Returns
    -------
    Workbench
        Shown in a notebook, it codes the article, each save checked and written
        through the one write path.

    Raises
    ------
    DataError
        When the folder's data are not valid: fix what ``validate`` lists first.
    KeyError
        When the folder has no such article.

    Examples
    --------
    >>> bench = workbench("cnn_china_ukraine_2022")
    >>> bench.tabs.titles
    ('Candidates', 'Statement', 'Speaker', 'Position and topic', 'Event', 'Edit or delete')
    """
    folder = _folder(data_dir)
    if isinstance(art_or_id, Article):
        article_id = art_or_id.article_id
    else:
        corpus = load_corpus(folder)
        article_id = article_from(corpus, art_or_id).article_id
    return Workbench(article_id, folder)
