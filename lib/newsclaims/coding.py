"""Code it yourself: a student's answers, saved as they are given, and the widgets that ask.

Answers are kept in CSV files under work/ (or $NEWSCLAIMS_WORK), never in the
data folder, named by :func:`files.student_file`: ``<student>.<article_id>.csv``
for the answers and ``<student>.<article_id>.marks.csv`` for the harder mode's
marks. Every save goes through the one write path (:mod:`newsclaims.files`):
under the work folder's lock the file is read again, merged with the new answer
and written atomically (temporary file, fsync, rename). Two windows or two
kernels saving at once lose nothing; a killed kernel leaves a whole file; a save
that fails (a read-only folder, a full disk) raises :class:`WriteError` and
changes nothing, neither the file nor the store, and the widgets say so in red.

Files named the old way (``<student>_<article_id>.csv`` and
``<student>_<article_id>_marks.csv``) are still read when they are the only
ones: the next save writes the new file and leaves the old one as it was.

Coding files saved before the holder and the hedge were asked (with the columns
of :data:`REQUIRED` only) load too: their missing answers are blank, and count as
missing in every statistic (:mod:`newsclaims.reliability`). The next save writes
every column and keeps the old answers.
"""

from __future__ import annotations

import re
import uuid
import warnings
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import ipywidgets as w
import pandas as pd

from . import analysis as an
from . import files
from .data import Article, vocabulary
from .files import WORK_ENV, WriteError, parse_student_file, student_file, work_dir  # noqa: F401  (public here too)
from .reliability import FIELDS, NONE
from .schema import DataError, Problem, display_path
from .text import esc, highlight, overlap
from .widgets import Explorer

COLUMNS = ["statement_id", *FIELDS, "answered_at"]
# The columns a coding file must have: those of files saved before holder_id and hedged were asked
REQUIRED = ["statement_id", "actor_id", "form", "topic_id", "stance", "answered_at"]
MARK_COLUMNS = ["mark_id", "paragraph", "start", "end", "text", "marked_at"]
ERROR_STYLE = "color:#c00000"    # a save that failed: red
WARNING_STYLE = "color:#a05a00"  # something in the file the widget cannot show
_EARLIEST = datetime.min.replace(tzinfo=UTC)
_OLD_MARKS = uuid.UUID("6d1f3c52-3c1e-4c57-9a4e-2f7a3c0b8e11")  # ids for marks saved before marks had ids


def _stamp(when: datetime) -> str:
    """ISO 8601 in UTC, to the microsecond: ``2026-11-28T06:24:46.123456+00:00``."""
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _when(text: str) -> datetime:
    """When an answer was saved; a blank or unreadable time counts as the earliest of all."""
    try:
        when = datetime.fromisoformat(str(text).strip())
    except ValueError:
        return _EARLIEST
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _read(path: Path, required: list[str], what: str) -> tuple[list[str], list[dict[str, str]]]:
    """A student file's header and rows, blank lines (as a spreadsheet leaves them) left out.

    Raises
    ------
    DataError
        Naming the file: it cannot be read, is not UTF-8, has a row of the wrong
        length (with its line), or lacks the columns of a ``what`` file.
    """
    try:
        header, rows = files.read_rows(path)
    except OSError as exc:
        raise DataError(Problem(display_path(path), None, None, f"cannot be read: {exc.strerror}")) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(Problem(display_path(path), None, None, f"not a {what} file (missing columns {missing})"))
    return header, [r for r in rows if any(v.strip() for v in r.values())]


class _StudentFile:
    """One student's file for one article: where it is, where it was named before, and reading it."""

    kind = ""
    columns: list[str] = []
    required: list[str] = []
    what = ""

    def __init__(self, student: str, article_id: str, folder: Path | str | None = None):
        folder = Path(folder).expanduser().resolve() if folder is not None else work_dir()
        self.path = folder / student_file(student, article_id, self.kind)
        self.old_path = folder / files.old_student_file(student, article_id, self.kind)
        self.extra: list[str] = []  # columns a teacher added to the file: kept, never dropped
        self.legacy = self.old_path if self._source() == self.old_path else None

    def _source(self) -> Path | None:
        """The file to read: the new one, else the one named the old way, else none."""
        if self.path.exists():
            return self.path
        return self.old_path if self.old_path.exists() else None

    def _read_disk(self) -> tuple[list[str], list[dict[str, str]]] | None:
        """The extra columns and the rows of the file, each row with every column; None when there is no file."""
        source = self._source()
        if source is None:
            return None
        header, rows = _read(source, self.required, self.what)
        extra = [c for c in header if c not in self.columns]
        return extra, self._check(source, [{c: r.get(c, "") for c in [*self.columns, *extra]} for r in rows])

    def _check(self, source: Path, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        """The rows, checked and completed as the kind of file needs."""
        return rows

    def _write(self, extra: list[str], rows: list[dict[str, str]]) -> None:
        header = [*self.columns, *extra]
        files.write_rows(self.path, header, [{c: r.get(c, "") for c in header} for r in rows])


class CodingStore(_StudentFile):
    """One student's answers for one article, in ``work/<student>.<article_id>.csv``.

    One row per statement: ``statement_id``, the six fields of
    :data:`~newsclaims.reliability.FIELDS` (speaker, form, topic, holder, stance,
    hedged) and ``answered_at`` (ISO 8601, UTC, to the microsecond). A file saved
    before the holder and the hedge were asked loads with those answers blank. Answers merge **per statement by the
    time they were saved**: each save reads the file again under the folder's
    lock, and for every statement the latest answer wins, whether it is in the
    file (saved by another window) or in this store, so no answer is lost and an
    older one never overwrites a newer one. The answer being saved is always the
    latest: it is stamped after any answer to that statement already in the file.

    When only a file named the old way (``<student>_<article_id>.csv``) exists,
    it is read (``.legacy`` names it); the next save writes the new file and
    leaves the old one untouched.

    Parameters
    ----------
    student : str
        The student's name, as typed (the file name keeps letters, digits, ``-`` and ``_``).
    article_id : str
        The article coded.
    folder : path-like, optional
        Where the file is; the work folder (:func:`files.work_dir`) when not given.

    Raises
    ------
    DataError
        When the file cannot be read or is not a coding file (the message names it).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> store = CodingStore("ana", "cnn_china_ukraine_2022", folder)
    >>> store.save("cnn22_s01", actor_id="zhang_jun", form="partial", topic_id="peaceful_means", stance="support")
    >>> store.path.name
    'ana.cnn_china_ukraine_2022.csv'
    >>> CodingStore("ana", "cnn_china_ukraine_2022", folder).answers()["form"].tolist()
    ['partial']
    """

    columns = COLUMNS
    required = REQUIRED
    what = "coding"

    def __init__(self, student: str, article_id: str, folder: Path | str | None = None):
        super().__init__(student, article_id, folder)
        self._rows: dict[str, dict[str, str]] = {}
        disk = self._read_disk()
        if disk is not None:
            self.extra, rows = disk
            self._rows = self._merge(rows)

    def _merge(self, rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
        """The file's rows and this store's, one per statement, the latest answer of each (the file's on a tie)."""
        merged: dict[str, dict[str, str]] = {}
        for row in [*rows, *self._rows.values()]:
            kept = merged.get(row["statement_id"])
            if kept is None or _when(row["answered_at"]) > _when(kept["answered_at"]):
                merged[row["statement_id"]] = row
        return merged

    def save(self, statement_id: str, **answer: str) -> None:
        """Record one statement's answer and write the file at once; a field left out is saved blank.

        Raises
        ------
        ValueError
            For a field that is not one of :data:`FIELDS`.
        WriteError, DataError
            When the file cannot be written, or read again; the file and the store
            are then as they were.
        """
        unknown = set(answer) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        with files.locked(self.path.parent):
            disk = self._read_disk()
            extra, rows = disk if disk is not None else (self.extra, [])
            extra = [*extra, *(c for c in self.extra if c not in extra)]
            merged = self._merge(rows)
            now = datetime.now(UTC)
            before = merged.get(statement_id)
            if before is not None and _when(before["answered_at"]) >= now:  # a clock behind another window's
                now = _when(before["answered_at"]) + timedelta(microseconds=1)
            merged[statement_id] = {**dict.fromkeys(extra, ""), **(before or {}), "statement_id": statement_id,
                                    **{f: answer.get(f, "") for f in FIELDS}, "answered_at": _stamp(now)}
            self._write(extra, list(merged.values()))
        self._rows, self.extra = merged, extra

    def answers(self) -> pd.DataFrame:
        """The answers so far, one row per statement.

        Returns
        -------
        DataFrame
            :data:`COLUMNS`, all as text; a field not answered is blank.
        """
        return pd.DataFrame([{c: r[c] for c in COLUMNS} for r in self._rows.values()], columns=COLUMNS)

    def answered(self) -> set[str]:
        """The ids of the statements answered so far.

        Returns
        -------
        set of str
        """
        return set(self._rows)


def load_codings(folder: Path | str, article_id: str | None = None) -> dict[str, pd.DataFrame]:
    """Every coding file in a folder (a teacher collects the class's CSVs there).

    Files are found by their names, ``<student>.<article_id>.csv`` (see
    :func:`files.parse_student_file`); marks files (``.marks.csv``) and any other
    file are not codings. With ``article_id``, only that article's files are read
    and the keys are the students' names; without it, every article's, keyed
    ``<student>.<article_id>``.

    A coding file named the old way (``<student>_<article_id>.csv``) is not read,
    as its name does not tell student and article apart (``cy_my_story.csv``: cy's
    my_story or cy_my's story?): a warning names it, to be renamed
    ``<student>.<article_id>.csv``.

    Parameters
    ----------
    folder : path-like
        The folder of coding files.
    article_id : str, optional
        Only this article's files.

    Returns
    -------
    dict of str to DataFrame
        Each coding (``statement_id``, :data:`~newsclaims.reliability.FIELDS`,
        ``answered_at``, all as text), by student, or by ``<student>.<article_id>``.

    Raises
    ------
    DataError
        When a file named as a coding is not one, or cannot be read (naming it).

    Examples
    --------
    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> CodingStore("ana", "story", folder).save("s1", actor_id="x", form="direct")
    >>> load_codings(folder, "story")["ana"][["statement_id", "form"]].values.tolist()
    [['s1', 'direct']]
    """
    codings: dict[str, pd.DataFrame] = {}
    unread = []
    for path in sorted(Path(folder).glob("*.csv")):
        parsed = parse_student_file(path.name)
        if parsed is None:
            if article_id is None or path.stem.endswith(f"_{article_id}"):
                try:
                    header, _ = files.read_rows(path)
                except (OSError, DataError):
                    continue
                if not set(REQUIRED) - set(header):
                    unread.append(path.name)
            continue
        student, article, kind = parsed
        if kind or (article_id is not None and article != article_id):
            continue
        header, rows = _read(path, REQUIRED, "coding")  # a field saved before it was asked is blank: missing
        codings[student if article_id is not None else f"{student}.{article}"] = \
            pd.DataFrame([{c: r.get(c, "") for c in COLUMNS} for r in rows], columns=COLUMNS)
    if unread:
        warnings.warn(f"not read, as their names do not tell student and article apart: {', '.join(unread)}; "
                      "rename each to <student>.<article_id>.csv", stacklevel=2)
    return codings


def question_html(art: Article, statement: pd.Series | dict, number: int, total: int) -> str:
    """The statement to code, highlighted in its paragraph, with none of its coding shown.

    Parameters
    ----------
    art : Article
        The article.
    statement : Series or dict
        The statement, with the columns of ``art.statements``.
    number, total : int
        Its place in the walk, from 1, and the number of statements.

    Returns
    -------
    str
        HTML, the text escaped.
    """
    s = dict(statement)
    p = art.paragraphs.iloc[int(s["paragraph"]) - 1]
    marks = [{"start": s["start"], "end": s["end"], "style": "background:#F0E442;border-radius:3px",
              "title": "the statement to code"}]
    return (f'<div style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
            f'<p style="color:#666">Statement {number} of {total} · paragraph {int(s["paragraph"])}</p>'
            f'<p>{highlight(art.text, int(p.start), int(p.end), marks)}</p></div>')


def _nothing_to_code(art: Article, what: str) -> w.HTML:
    """What a widget shows for an article with no statements coded yet: it says so."""
    return w.HTML(f'<p><b>No statements coded yet</b> in {esc(art.article_id)}: there is nothing to '
                  f'{what} here. Code some statements first (see README, "Adding an article"), '
                  f"or choose another article.</p>")


def _questions(art: Article) -> dict[str, w.Dropdown]:
    """The six drop-downs that ask for a statement's coding, keyed by field, each opening on "(choose)"."""
    names = an.names(art)
    speakers = sorted(set(art.actors["actor_id"]), key=lambda a: names[a].lower())
    ask = {
        "actor_id": w.Dropdown(options=[("(choose)", "")] + [(names[a], a) for a in speakers],
                               description="Speaker"),
        "form": w.Dropdown(options=[("(choose)", "")] + [(f, f) for f in vocabulary("statements", "form", art)],
                           description="Form"),
        "topic_id": w.Dropdown(options=[("(choose)", ""), ("no topic", NONE)]
                               + list(zip(art.topics["label"], art.topics["topic_id"])), description="Topic"),
        "holder_id": w.Dropdown(options=[("(choose)", ""), ("no topic: no holder", NONE)]
                                + [(names[a], a) for a in speakers], description="Holder"),
        "stance": w.Dropdown(options=[("(choose)", "")] + [(s, s) for s in vocabulary("positions", "stance", art)]
                             + [("no stance", NONE)], description="Stance"),
        "hedged": w.Dropdown(options=[("(choose)", ""), ("firm", "false"), ("hedged", "true"),
                                      ("no stance", NONE)], description="Hedged"),
    }
    return ask


class CodingWidget(Explorer):
    """Walk through the statements: who speaks, in what form, on which topic, whose stance, which, how firm.

    Each answer is saved as soon as it is given; reopened, the widget starts at
    the first statement not yet answered. A save that fails is shown in red and
    nothing moves on; an answer in the file that is not among a drop-down's
    choices is shown as a warning and the drop-down left blank. An article with
    no statements gets a message instead, and its buttons do nothing.

    Parameters
    ----------
    art : Article
        The article whose statements are coded.
    store : CodingStore
        Where the answers are saved.

    Attributes
    ----------
    ask : dict of str to ipywidgets.Dropdown
        The six questions, keyed by field (:data:`~newsclaims.reliability.FIELDS`);
        empty when the article has no statements.
    view, status : ipywidgets.HTML
        The statement to code; and how many are answered, or what went wrong.
    position : int
        The index of the statement shown, from 0.

    Examples
    --------
    >>> import tempfile, newsclaims as nc
    >>> art = nc.load_article()
    >>> box = CodingWidget(art, CodingStore("ana", art.article_id, tempfile.mkdtemp()))
    >>> answer = dict(actor_id="zhang_jun", form="partial", topic_id="peaceful_means", holder_id="zhang_jun",
    ...               stance="support", hedged="false")
    >>> for field, value in answer.items():
    ...     box.ask[field].value = value
    >>> box.save()
    >>> box.position, len(box.store.answers())
    (1, 1)
    """

    def __init__(self, art: Article, store: CodingStore):
        super().__init__()
        self.art, self.store = art, store
        self.statements = art.statements.reset_index(drop=True)
        self.ids = list(self.statements["statement_id"])
        self.ask: dict[str, w.Dropdown] = {}
        self.view, self.status = w.HTML(), w.HTML()
        self.position = 0
        if not self.ids:
            self.view = _nothing_to_code(art, "code")
            self.children = [self.view]
            return
        self.ask = ask = _questions(art)
        fit = w.Layout(width="auto")  # the default 148 px cuts longer labels off
        back = w.Button(description="◀ Back", layout=fit)
        save = w.Button(description="Save and next ▶", button_style="primary", layout=fit)
        save.on_click(self.save)
        back.on_click(self.back)
        done = store.answered()
        self.position = next((i for i, s in enumerate(self.ids) if s not in done), 0)
        self.children = [self.view, w.HBox([ask["actor_id"], ask["form"]]), w.HBox([ask["topic_id"], ask["holder_id"]]),
                         w.HBox([ask["stance"], ask["hedged"]]), w.HBox([back, save]), self.status]
        self.show()

    def _count(self) -> str:
        answered = len(self.store.answered() & set(self.ids))
        return f"<i>{answered} of {len(self.ids)} answered, saved in {esc(self.store.path)}</i>"

    def show(self) -> None:
        """Show the statement at :attr:`position`, with the answer saved for it, if any."""
        if not self.ids:
            return
        s = self.statements.iloc[self.position]
        self.view.value = question_html(self.art, s, self.position + 1, len(self.statements))
        previous = self.store.answers().set_index("statement_id")
        odd = []
        for field, dropdown in self.ask.items():
            value = previous.at[s.statement_id, field] if s.statement_id in previous.index else ""
            if value not in [v for _, v in dropdown.options]:
                odd.append(f"{dropdown.description.lower()} “{value}”")
                value = ""
            dropdown.value = value
        warning = (f'<p style="{WARNING_STYLE}">⚠ Your saved answer has {", ".join(odd)}, which is not among '
                   f"the choices: choose again.</p>") if odd else ""
        self.status.value = warning + self._count()

    def save(self, _button: object = None) -> None:
        """Save the answers chosen for the statement shown, and move on to the next one.

        Nothing is saved, and the status says what to choose, while a question is
        unanswered; a save that fails is shown in red and nothing moves on.
        """
        if not self.ids:
            return
        missing = [d.description for d in self.ask.values() if not d.value]
        if missing:
            self.status.value = f"<b>Choose {', '.join(missing).lower()} first.</b>"
            return
        try:
            self.store.save(self.ids[self.position], **{f: d.value for f, d in self.ask.items()})
        except (WriteError, DataError) as error:
            self.status.value = f'<p style="{ERROR_STYLE}"><b>Nothing was saved.</b> {esc(error)}</p>' + self._count()
            return
        self.position = min(self.position + 1, len(self.ids) - 1)
        self.show()

    def back(self, _button: object = None) -> None:
        """Go back to the previous statement."""
        if not self.ids:
            return
        self.position = max(self.position - 1, 0)
        self.show()


def coding_widget(art: Article, store: CodingStore) -> CodingWidget:
    """The coding widget for an article: a :class:`CodingWidget`.

    Parameters
    ----------
    art : Article
        The article whose statements are coded.
    store : CodingStore
        Where the answers are saved.

    Returns
    -------
    CodingWidget
        Shown in a notebook, it asks six questions about each statement in turn.
    """
    return CodingWidget(art, store)


def differences(art: Article, store: CodingStore) -> pd.DataFrame:
    """Every answer that differs from the reference, beside the reference and its note.

    Each answer is compared with the reference row :func:`~newsclaims.reliability.align`
    chooses (the stance of the holder you chose). A blank answer (a field left out,
    or not asked when the file was saved) is missing, not a difference.

    Parameters
    ----------
    art : Article
        The article coded.
    store : CodingStore
        The student's answers.

    Returns
    -------
    DataFrame
        statement_id, field, yours, reference, quote and note (the coder's reason for
        the reference answer). No rows when every answer agrees, or none is given.

    Raises
    ------
    KeyError
        When the store answers a statement the article does not have.
    """
    from .reliability import align, reference_coding

    student = store.answers()
    if student.empty:
        return pd.DataFrame(columns=["statement_id", "field", "yours", "reference", "quote", "note"])
    reference = align(student, reference_coding(art))
    notes = art.positions.groupby("statement_id")["note"].apply(" / ".join).to_dict()
    st = art.statements.set_index("statement_id")
    rows = []
    for s, r in zip(student.itertuples(), reference.itertuples()):
        for field in FIELDS:
            yours, theirs = str(getattr(s, field)), str(getattr(r, field))
            if yours.strip() and yours != theirs:
                note = notes.get(s.statement_id, "") if field in ("topic_id", "holder_id", "stance", "hedged") \
                    else st.at[s.statement_id, "note"]
                rows.append({"statement_id": s.statement_id, "field": field, "yours": yours, "reference": theirs,
                             "quote": st.at[s.statement_id, "quote"], "note": "" if pd.isna(note) else note})
    return pd.DataFrame(rows, columns=["statement_id", "field", "yours", "reference", "quote", "note"])


# --- Harder mode: find the statements yourself -----------------------------------------------

class MarkStore(_StudentFile):
    """The spans a student marked as statements, in ``work/<student>.<article_id>.marks.csv``.

    Saved like :class:`CodingStore`: each mark is written at once, under the
    folder's lock, after reading the file again. Each mark has its own
    ``mark_id`` (a uuid4, hex), so the marks of two windows add up; undo removes
    one mark by its id. Marks saved before marks had ids get one made from the
    mark itself, the same in every window. The file is the truth: this store
    shows what it held at the last read or write.

    When only a file named the old way (``<student>_<article_id>_marks.csv``)
    exists, it is read; the next save writes the new file and leaves the old one
    untouched.

    Parameters
    ----------
    student : str
        The student's name, as typed (the file name keeps letters, digits, ``-`` and ``_``).
    article_id : str
        The article coded.
    folder : path-like, optional
        Where the file is; the work folder (:func:`files.work_dir`) when not given.

    Raises
    ------
    DataError
        When the file cannot be read or is not a marks file (the message names it).
    """

    kind = "marks"
    columns = MARK_COLUMNS
    required = MARK_COLUMNS[1:]  # files from before marks had ids have no mark_id
    what = "marks"

    def __init__(self, student: str, article_id: str, folder: Path | str | None = None):
        super().__init__(student, article_id, folder)
        self._rows: list[dict[str, str]] = []
        disk = self._read_disk()
        if disk is not None:
            self.extra, self._rows = disk

    def _check(self, source: Path, rows: list[dict[str, str]]) -> list[dict[str, str]]:
        """Offsets must be whole numbers; a mark without an id gets one made from the mark itself."""
        seen: dict[str, int] = {}
        for number, row in enumerate(rows, 1):
            bad = [c for c in ("paragraph", "start", "end") if not row[c].strip().isdigit()]
            if bad:
                raise DataError(Problem(display_path(source), None, bad[0],
                                        f"mark {number} has {row[bad[0]]!r}, not a whole number"))
            if not row["mark_id"].strip():
                key = "|".join(row[c] for c in MARK_COLUMNS[1:])
                seen[key] = seen.get(key, 0) + 1
                row["mark_id"] = uuid.uuid5(_OLD_MARKS, f"{seen[key]}|{key}").hex
        return rows

    def _current(self) -> tuple[list[str], list[dict[str, str]]]:
        """What the file holds now; this store's marks when the file is gone."""
        disk = self._read_disk()
        if disk is None:
            return self.extra, list(self._rows)
        extra, rows = disk
        return [*extra, *(c for c in self.extra if c not in extra)], rows

    def add(self, paragraph: int, start: int, end: int, text: str) -> str:
        """Save one mark at once; returns its id.

        Raises
        ------
        WriteError, DataError
            When the file cannot be written, or read again; the file and the store
            are then as they were.
        """
        mark = {"mark_id": uuid.uuid4().hex, "paragraph": str(paragraph), "start": str(start), "end": str(end),
                "text": text, "marked_at": _stamp(datetime.now(UTC))}
        with files.locked(self.path.parent):
            extra, rows = self._current()
            rows = [*rows, {**dict.fromkeys(extra, ""), **mark}]
            self._write(extra, rows)
        self._rows, self.extra = rows, extra
        return mark["mark_id"]

    def undo(self, paragraph: int) -> str | None:
        """Remove the last mark in this paragraph, as this store shows it, by its id; returns the id.

        Nothing is removed (and None returned) when the paragraph has no mark, or
        when another window has removed that mark already; the store then shows
        the file as it is.

        Raises
        ------
        WriteError, DataError
            As :meth:`add`.
        """
        mine = [r["mark_id"] for r in self._rows if int(r["paragraph"]) == paragraph]
        with files.locked(self.path.parent):
            extra, rows = self._current()
            target = mine[-1] if mine else None
            if target is None or target not in {r["mark_id"] for r in rows}:
                self._rows, self.extra = rows, extra
                return None
            rows = [r for r in rows if r["mark_id"] != target]
            self._write(extra, rows)
        self._rows, self.extra = rows, extra
        return target

    def marks(self) -> pd.DataFrame:
        """The marks so far, in the order they were made.

        Returns
        -------
        DataFrame
            :data:`MARK_COLUMNS`; paragraph, start and end as integers.
        """
        frame = pd.DataFrame([{c: r[c] for c in MARK_COLUMNS} for r in self._rows], columns=MARK_COLUMNS)
        return frame.astype({"paragraph": "int64", "start": "int64", "end": "int64"})


def locate(art: Article, paragraph: int, words: str) -> tuple[int, int]:
    """Where pasted words stand in a paragraph, as offsets into the text.

    Parameters
    ----------
    art : Article
        The article.
    paragraph : int
        The paragraph, from 1.
    words : str
        The words, pasted; spaces around them are left out.

    Returns
    -------
    start, end : int
        Offsets into ``art.text``.

    Raises
    ------
    ValueError
        When they are not there, or are there more than once.

    Examples
    --------
    >>> import newsclaims as nc
    >>> art = nc.load_article()
    >>> start, end = locate(art, 3, "every effort for a diplomatic solution")
    >>> art.text[start:end]
    'every effort for a diplomatic solution'
    """
    words = words.strip()
    p = art.paragraphs.iloc[paragraph - 1]
    found = [m.start() for m in re.finditer(re.escape(words), p.text)] if words else []
    if not found:
        raise ValueError("those words are not in this paragraph: paste them exactly as they stand")
    if len(found) > 1:
        raise ValueError("those words stand more than once in this paragraph: paste a longer stretch")
    return int(p.start) + found[0], int(p.start) + found[0] + len(words)


def compare_marks(art: Article, marks: pd.DataFrame, paragraphs: Iterable[int] | None = None,
                  threshold: float = 0.5) -> pd.DataFrame:
    """Each reference statement in the paragraphs, found or missed; and each mark that found none.

    A mark finds a statement when their spans overlap by at least ``threshold``;
    each mark finds one statement at most.

    Parameters
    ----------
    art : Article
        The article, with the reference statements.
    marks : DataFrame
        From :meth:`MarkStore.marks`.
    paragraphs : iterable of int, optional
        The paragraphs to compare; those with marks when not given.
    threshold : float
        The least overlap (see :func:`newsclaims.text.overlap`).

    Returns
    -------
    DataFrame
        paragraph, result ("found", "missed" or "not a statement in the reference"),
        statement_id, quote (the mark's text for a mark that found none) and overlap.
    """
    chosen = set(paragraphs) if paragraphs is not None else set(marks["paragraph"])
    st = art.statements[art.statements["paragraph"].isin(chosen)]
    used: set[int] = set()
    rows = []
    for s in st.itertuples():
        scores = [(overlap((s.start, s.end), (m.start, m.end)), i) for i, m in marks.iterrows()
                  if m.paragraph == s.paragraph]
        best = max(scores, default=(0.0, None))
        found = best[0] >= threshold
        if found:
            used.add(best[1])
        rows.append({"paragraph": s.paragraph, "result": "found" if found else "missed",
                     "statement_id": s.statement_id, "quote": s.quote, "overlap": round(best[0], 2)})
    for i, m in marks.iterrows():
        if m.paragraph in chosen and i not in used:
            rows.append({"paragraph": m.paragraph, "result": "not a statement in the reference",
                         "statement_id": "", "quote": m.text, "overlap": 0.0})
    return pd.DataFrame(rows, columns=["paragraph", "result", "statement_id", "quote", "overlap"])


class MarkingWidget(Explorer):
    """Harder mode: read a paragraph, paste each statement you find, then check the paragraph.

    Each mark is saved at once; a save that fails is shown in red and the pasted
    words stay, to try again. An article with no statements coded (so nothing to
    check marks against) gets a message instead, and its buttons do nothing.

    Parameters
    ----------
    art : Article
        The article to read.
    store : MarkStore
        Where the marks are saved.

    Attributes
    ----------
    paragraph : ipywidgets.BoundedIntText
        The paragraph shown, from 1.
    words : ipywidgets.Text
        The words of one statement, pasted from the paragraph.
    view, result : ipywidgets.HTML
        The paragraph with the marks in it; and what a mark or a check found.

    Examples
    --------
    >>> import tempfile, newsclaims as nc
    >>> art = nc.load_article()
    >>> box = MarkingWidget(art, MarkStore("ana", art.article_id, tempfile.mkdtemp()))
    >>> box.paragraph.value = 3
    >>> box.words.value = "Beijing welcomed and encouraged every effort for a diplomatic solution"
    >>> box.mark()
    >>> box.check()
    >>> "You found 1 of" in box.result.value
    True
    """

    def __init__(self, art: Article, store: MarkStore):
        super().__init__()
        self.art, self.store = art, store
        self.paragraph = w.BoundedIntText(value=1, min=1, max=max(len(art.paragraphs), 1), description="Paragraph")
        self.words = w.Text(placeholder="paste the words of one statement", layout=w.Layout(width="40em"))
        self.view, self.result = w.HTML(), w.HTML()
        if art.statements.empty or art.paragraphs.empty:
            self.view = _nothing_to_code(art, "find")
            self.children = [self.view]
            return
        fit = w.Layout(width="auto")  # the default 148 px cuts "Check this paragraph" off
        mark, undo, check = (w.Button(description="Mark", layout=fit), w.Button(description="Undo last", layout=fit),
                             w.Button(description="Check this paragraph", button_style="primary", layout=fit))
        self.paragraph.observe(self.show, names="value")
        mark.on_click(self.mark)
        undo.on_click(self.undo)
        check.on_click(self.check)
        self.children = [self.paragraph, self.view, w.HBox([self.words, mark, undo]), check, self.result]
        self.show()

    @property
    def _ready(self) -> bool:
        return not (self.art.statements.empty or self.art.paragraphs.empty)

    def show(self, _change: object = None) -> None:
        """Show the chosen paragraph with the marks saved in it."""
        if not self._ready:
            return
        n = self.paragraph.value
        p = self.art.paragraphs.iloc[n - 1]
        mine = self.store.marks()
        marks = [{"start": int(m.start), "end": int(m.end), "style": "background:#F0E442;border-radius:3px",
                  "title": "your mark"} for m in mine[mine["paragraph"] == n].itertuples()]
        self.view.value = (f'<div style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
                           f'<p>¶{n} {highlight(self.art.text, int(p.start), int(p.end), marks)}</p>'
                           f'<p style="color:#666">{len(marks)} marked in this paragraph; saved in '
                           f"{esc(self.store.path)}</p></div>")
        self.result.value = ""

    def _failed(self, error: Exception) -> None:
        self.result.value = f'<p style="{ERROR_STYLE}"><b>Nothing was saved.</b> {esc(error)}</p>'

    def mark(self, _button: object = None) -> None:
        """Save the pasted words as a mark, when they stand once in the paragraph; else say why not."""
        if not self._ready:
            return
        try:
            start, end = locate(self.art, self.paragraph.value, self.words.value)
        except ValueError as error:
            self.result.value = f"<b>{esc(error)}</b>"
            return
        try:
            self.store.add(self.paragraph.value, start, end, self.art.text[start:end])
        except (WriteError, DataError) as error:
            self._failed(error)
            return
        self.words.value = ""
        self.show()

    def undo(self, _button: object = None) -> None:
        """Remove the last mark in the paragraph."""
        if not self._ready:
            return
        try:
            self.store.undo(self.paragraph.value)
        except (WriteError, DataError) as error:
            self._failed(error)
            return
        self.show()

    def check(self, _button: object = None) -> None:
        """Compare the paragraph's marks with the reference statements, and list what was found and missed."""
        if not self._ready:
            return
        table = compare_marks(self.art, self.store.marks(), [self.paragraph.value])
        found = (table["result"] == "found").sum()
        total = (table["result"] != "not a statement in the reference").sum()
        items = "".join(f"<li><b>{esc(r.result)}</b>: {esc(r.quote)}</li>" for r in table.itertuples())
        self.result.value = f"<p>You found {found} of {total} statements here.</p><ul>{items}</ul>"


def marking_widget(art: Article, store: MarkStore) -> MarkingWidget:
    """The harder mode's widget for an article: a :class:`MarkingWidget`.

    Parameters
    ----------
    art : Article
        The article to read.
    store : MarkStore
        Where the marks are saved.

    Returns
    -------
    MarkingWidget
        Shown in a notebook, it asks for the statements of one paragraph at a time.
    """
    return MarkingWidget(art, store)
