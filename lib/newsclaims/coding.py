"""Code it yourself: a student's answers, saved as they are given, and the widget that asks.

Answers are kept in a CSV under work/ (or $NEWSCLAIMS_WORK), never in the data
folder. Each answer is written to disk the moment it is given, by writing a new
file and renaming it over the old one, so that a crashed kernel loses nothing
and a half-written file never replaces a good one.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as w
import pandas as pd

from . import analysis as an
from .data import Article, read_rows, write_rows
from .files import WORK_ENV, work_dir  # noqa: F401  (public here too)
from .palette import FORM
from .reliability import FIELDS, NONE
from .text import esc, highlight, overlap
from .widgets import Explorer

COLUMNS = ["statement_id", *FIELDS, "answered_at"]


def _settle(path: str) -> None:
    """Make a freshly written file durable and readable like any other file, before it replaces the old one."""
    with open(path, "rb") as f:
        os.fsync(f.fileno())
    os.chmod(path, 0o644)


class CodingStore:
    """One student's answers for one article, in ``work/<student>_<article_id>.csv``.

    >>> folder = Path(tempfile.mkdtemp())
    >>> store = CodingStore("ana", "cnn_china_ukraine_2022", folder)
    >>> store.save("cnn22_s01", actor_id="zhang_jun", form="partial", topic_id="peaceful_means", stance="support")
    >>> CodingStore("ana", "cnn_china_ukraine_2022", folder).answers()["form"].tolist()
    ['partial']
    """

    def __init__(self, student: str, article_id: str, folder: Path | None = None):
        name = re.sub(r"[^\w-]+", "_", student.strip()) or "student"
        self.path = (folder or work_dir()) / f"{name}_{article_id}.csv"
        self._rows: dict[str, dict[str, str]] = {}
        if self.path.exists():
            header, rows = read_rows(self.path)
            missing = set(COLUMNS) - set(header)
            if missing:
                raise ValueError(f"{self.path}: not a coding file (missing columns {sorted(missing)})")
            self._rows = {r["statement_id"]: {c: r[c] for c in COLUMNS} for r in rows}

    def save(self, statement_id: str, **answer: str) -> None:
        """Record one statement's answer and write the file at once."""
        unknown = set(answer) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown fields: {sorted(unknown)}")
        row = {"statement_id": statement_id, **{f: answer.get(f, "") for f in FIELDS},
               "answered_at": datetime.now(UTC).isoformat(timespec="seconds")}
        if self.path.exists():  # another window may have saved answers since: keep them
            _, rows = read_rows(self.path)
            self._rows = {r["statement_id"]: {c: r.get(c, "") for c in COLUMNS} for r in rows} | self._rows
        self._rows[statement_id] = row
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        os.close(fd)
        try:
            write_rows(Path(tmp), COLUMNS, list(self._rows.values()))
            _settle(tmp)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def answers(self) -> pd.DataFrame:
        """The answers so far, one row per statement."""
        return pd.DataFrame(list(self._rows.values()), columns=COLUMNS)

    def answered(self) -> set[str]:
        return set(self._rows)


def load_codings(folder: Path | str, article_id: str | None = None) -> dict[str, pd.DataFrame]:
    """Every coding file in a folder (a teacher collects the class's CSVs there), by student name.

    Files are named ``<student>_<article_id>.csv``; with ``article_id`` only that
    article's files are read.
    """
    codings = {}
    for path in sorted(Path(folder).glob("*.csv")):
        name = path.stem
        if name.endswith(("_marks", "_review")):  # marks and review files are not codings
            continue
        if article_id is not None:
            if not name.endswith(f"_{article_id}"):
                continue
            name = name.removesuffix(f"_{article_id}")
        header, rows = read_rows(path)
        missing = set(COLUMNS) - set(header)
        if missing:
            raise ValueError(f"{path}: not a coding file (missing columns {sorted(missing)})")
        codings[name] = pd.DataFrame(rows, columns=header)[COLUMNS]
    return codings


def question_html(art: Article, statement: pd.Series | dict, number: int, total: int) -> str:
    """The statement to code, highlighted in its paragraph, with none of its coding shown."""
    s = dict(statement)
    p = art.paragraphs.iloc[int(s["paragraph"]) - 1]
    marks = [{"start": s["start"], "end": s["end"], "style": "background:#F0E442;border-radius:3px",
              "title": "the statement to code"}]
    return (f'<div style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
            f'<p style="color:#666">Statement {number} of {total} · paragraph {int(s["paragraph"])}</p>'
            f'<p>{highlight(art.text, int(p.start), int(p.end), marks)}</p></div>')


def coding_widget(art: Article, store: CodingStore) -> w.VBox:
    """Walk through the statements: who speaks, in what form, on which topic, with what stance.

    Each answer is saved as soon as it is given; reopened, the widget starts at
    the first statement not yet answered.
    """
    statements = art.statements.reset_index(drop=True)
    names = an.names(art)
    speakers = sorted(set(art.actors["actor_id"]), key=lambda a: names[a].lower())
    ask = {
        "actor_id": w.Dropdown(options=[("(choose)", "")] + [(names[a], a) for a in speakers],
                               description="Speaker"),
        "form": w.Dropdown(options=[("(choose)", "")] + [(f, f) for f in FORM], description="Form"),
        "topic_id": w.Dropdown(options=[("(choose)", ""), ("no topic", NONE)]
                               + list(zip(art.topics["label"], art.topics["topic_id"])), description="Topic"),
        "stance": w.Dropdown(options=[("(choose)", ""), ("support", "support"), ("oppose", "oppose"),
                                      ("neutral", "neutral"), ("no stance", NONE)], description="Stance"),
    }
    view, status = w.HTML(), w.HTML()
    back, save = w.Button(description="◀ Back"), w.Button(description="Save and next ▶", button_style="primary")
    done = store.answered()
    position = {"i": next((i for i, s in enumerate(statements["statement_id"]) if s not in done), 0)}

    def show() -> None:
        i = position["i"]
        s = statements.iloc[i]
        view.value = question_html(art, s, i + 1, len(statements))
        previous = store.answers().set_index("statement_id")
        for field, dropdown in ask.items():
            dropdown.value = previous.at[s.statement_id, field] if s.statement_id in previous.index else ""
        status.value = f"<i>{len(store.answered())} of {len(statements)} answered, saved in {esc(store.path)}</i>"

    def on_save(_button: object = None) -> None:
        missing = [d.description for d in ask.values() if not d.value]
        if missing:
            status.value = f"<b>Choose {', '.join(missing).lower()} first.</b>"
            return
        store.save(statements.at[position["i"], "statement_id"], **{f: d.value for f, d in ask.items()})
        position["i"] = min(position["i"] + 1, len(statements) - 1)
        show()

    def on_back(_button: object = None) -> None:
        position["i"] = max(position["i"] - 1, 0)
        show()

    save.on_click(on_save)
    back.on_click(on_back)
    show()
    box = Explorer([view, w.HBox([ask["actor_id"], ask["form"]]), w.HBox([ask["topic_id"], ask["stance"]]),
                  w.HBox([back, save]), status])
    box.save, box.back, box.ask = on_save, on_back, ask  # for tests and scripts
    return box


def differences(art: Article, store: CodingStore) -> pd.DataFrame:
    """Every answer that differs from the reference, beside the reference and its note."""
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
            if yours != theirs:
                note = notes.get(s.statement_id, "") if field in ("topic_id", "stance") \
                    else st.at[s.statement_id, "note"]
                rows.append({"statement_id": s.statement_id, "field": field, "yours": yours, "reference": theirs,
                             "quote": st.at[s.statement_id, "quote"], "note": "" if pd.isna(note) else note})
    return pd.DataFrame(rows, columns=["statement_id", "field", "yours", "reference", "quote", "note"])



# --- Harder mode: find the statements yourself -----------------------------------------------

MARK_COLUMNS = ["paragraph", "start", "end", "text", "marked_at"]


class MarkStore:
    """The spans a student marked as statements, in ``work/<student>_<article_id>_marks.csv``.

    Saved like :class:`CodingStore`: each mark is written to disk at once.
    """

    def __init__(self, student: str, article_id: str, folder: Path | None = None):
        name = re.sub(r"[^\w-]+", "_", student.strip()) or "student"
        self.path = (folder or work_dir()) / f"{name}_{article_id}_marks.csv"
        self._rows: list[dict[str, str]] = []
        if self.path.exists():
            header, rows = read_rows(self.path)
            if set(MARK_COLUMNS) - set(header):
                raise ValueError(f"{self.path}: not a marks file")
            self._rows = [{c: r[c] for c in MARK_COLUMNS} for r in rows]

    def _write(self) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        os.close(fd)
        try:
            write_rows(Path(tmp), MARK_COLUMNS, self._rows)
            _settle(tmp)
            os.replace(tmp, self.path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def _reload(self) -> None:
        if self.path.exists():  # another window may have marked since: keep those marks
            _, rows = read_rows(self.path)
            self._rows = [{c: r.get(c, "") for c in MARK_COLUMNS} for r in rows]

    def add(self, paragraph: int, start: int, end: int, text: str) -> None:
        self._reload()
        self._rows.append({"paragraph": str(paragraph), "start": str(start), "end": str(end), "text": text,
                           "marked_at": datetime.now(UTC).isoformat(timespec="seconds")})
        self._write()

    def undo(self, paragraph: int) -> None:
        """Remove the last mark made in this paragraph."""
        self._reload()
        for i in range(len(self._rows) - 1, -1, -1):
            if int(self._rows[i]["paragraph"]) == paragraph:
                del self._rows[i]
                self._write()
                return

    def marks(self) -> pd.DataFrame:
        frame = pd.DataFrame(self._rows, columns=MARK_COLUMNS)
        return frame.astype({"paragraph": "int64", "start": "int64", "end": "int64"})


def locate(art: Article, paragraph: int, words: str) -> tuple[int, int]:
    """Where pasted words stand in a paragraph, as offsets into the text.

    Raises ValueError when they are not there, or are there more than once.
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

    A mark finds a statement when their spans overlap by at least ``threshold``.
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


def marking_widget(art: Article, store: MarkStore) -> w.VBox:
    """Harder mode: read a paragraph, paste each statement you find, then check the paragraph."""
    paragraph = w.BoundedIntText(value=1, min=1, max=len(art.paragraphs), description="Paragraph")
    words = w.Text(placeholder="paste the words of one statement", layout=w.Layout(width="40em"))
    mark, undo, check = (w.Button(description="Mark"), w.Button(description="Undo last"),
                         w.Button(description="Check this paragraph", button_style="primary"))
    view, result = w.HTML(), w.HTML()

    def show(_change: object = None) -> None:
        n = paragraph.value
        p = art.paragraphs.iloc[n - 1]
        mine = store.marks()
        marks = [{"start": int(m.start), "end": int(m.end), "style": "background:#F0E442;border-radius:3px",
                  "title": "your mark"} for m in mine[mine["paragraph"] == n].itertuples()]
        view.value = (f'<div style="font-family:Georgia,serif;line-height:1.6;max-width:52em">'
                      f'<p>¶{n} {highlight(art.text, int(p.start), int(p.end), marks)}</p>'
                      f'<p style="color:#666">{len(marks)} marked in this paragraph; saved in {esc(store.path)}</p>'
                      f"</div>")
        result.value = ""

    def on_mark(_button: object = None) -> None:
        try:
            start, end = locate(art, paragraph.value, words.value)
        except ValueError as error:
            result.value = f"<b>{esc(error)}</b>"
            return
        store.add(paragraph.value, start, end, art.text[start:end])
        words.value = ""
        show()

    def on_undo(_button: object = None) -> None:
        store.undo(paragraph.value)
        show()

    def on_check(_button: object = None) -> None:
        table = compare_marks(art, store.marks(), [paragraph.value])
        found = (table["result"] == "found").sum()
        total = (table["result"] != "not a statement in the reference").sum()
        items = "".join(f"<li><b>{esc(r.result)}</b>: {esc(r.quote)}</li>" for r in table.itertuples())
        result.value = f"<p>You found {found} of {total} statements here.</p><ul>{items}</ul>"

    paragraph.observe(show, names="value")
    mark.on_click(on_mark)
    undo.on_click(on_undo)
    check.on_click(on_check)
    show()
    box = Explorer([paragraph, view, w.HBox([words, mark, undo]), check, result])
    box.mark, box.undo, box.check, box.words, box.paragraph = on_mark, on_undo, on_check, words, paragraph
    return box
