"""Add an article: its row and text file, and review files of candidates to code.

Nothing is coded automatically. The extractor's candidate statements and the
names it finds go to review files in the work folder for the teacher to check
and copy into the data by hand; ``python -m newsclaims validate`` then says what
is left.

Every value is checked before anything is written, with the loader's own checks
(the articles resource of ``datapackage.json``: required values, patterns, types,
web addresses, unique ids; the text file's layout), plus what only matters here:
the id names a file, so it is short and names no file that exists; a publication
date lies between 1900 and 2100; a value is one line. Then the row and the text
are written together or not at all (:func:`files.write_files`).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from . import files
from .data import read_descriptor, text_format_problems
from .extract import extract_statements, find_names
from .schema import DataError, Problem, decode, display_path, read_table

RESOURCE = "articles"
MADE = ("article_id", "text_file")  # the id is --id; the text file is texts/ID.txt, made from it
TEXTS = "texts"
MAX_ID = 64  # the id names texts/ID.txt and the review files: short enough for any file system
YEARS = (1900, 2100)  # a publication date outside these is a typo
# A NUL byte or anything str.splitlines() breaks a line at: a value is written on one line.
_BREAK = re.compile("[\x00\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def slug(name: str) -> str:
    """A lower-case id for a name: 'Ursula von der Leyen' -> 'ursula_von_der_leyen'."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def articles_resource(data: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """The articles resource of the data folder's datapackage.json (its path and schema).

    Raises
    ------
    DataError
        When the folder has no descriptor, or the descriptor no articles resource.
    """
    folder = files.data_dir(data)
    for resource in read_descriptor(folder).get("resources", []):
        if isinstance(resource, dict) and resource.get("name") == RESOURCE:
            if isinstance(resource.get("schema", {}).get("fields"), list) and isinstance(resource.get("path"), str):
                return resource
            break
    raise DataError(Problem(display_path(folder / files.DESCRIPTOR), None, None,
                            f"no resource named {RESOURCE!r} with a path and a list of fields"))


def asked_fields(resource: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of the articles table that the person adding an article gives (all but :data:`MADE`)."""
    return [f for f in resource["schema"]["fields"] if f.get("name") not in MADE]


def is_required(field: dict[str, Any]) -> bool:
    return bool(field.get("constraints", {}).get("required"))


def option(name: str) -> str:
    """The command line's option for a field: ``--id`` for article_id, ``--left-out`` for left_out."""
    return "--id" if name == "article_id" else "--" + name.replace("_", "-")


def new_article(text_file: str | os.PathLike[str], article_id: str, *,
                data: str | os.PathLike[str] | None = None, labels: Mapping[str, str] | None = None,
                **values: str | None) -> dict[str, Path]:
    """Add an article's row and text to the data folder, and write review files of suggestions.

    ``values`` are the article's fields by name (title, outlet, author, published,
    url, rights, and any others of the articles table); the descriptor says which
    are required. The text file is copied verbatim, byte for byte.

    Everything is checked first; the row and the text are then written together
    or not at all. Returns the paths written.

    Raises
    ------
    DataError
        Listing every problem, one each, and nothing is written. A problem with a
        value is labelled by its field's name (``author: missing required value``),
        or by ``labels[name]`` when given (the command line passes its options);
        a problem with a file names the file and line.
    files.WriteError
        When the row and text could not be written (a full disk): nothing was
        changed. Or, after the article was added, when its review files could not
        be written; the message says so.
    """
    folder = files.data_dir(data)
    resource = articles_resource(folder)
    fields = resource["schema"]["fields"]
    articles = folder / resource["path"]
    problems: list[Problem] = []
    try:
        work: Path | None = files.work_dir(data=folder)
    except ValueError as exc:
        work = None
        problems.append(Problem(f"${files.WORK_ENV}" if os.environ.get(files.WORK_ENV) else "work folder",
                                None, None, str(exc)))

    row, own = _row(fields, article_id, values)
    named = "article_id" not in {p.path for p in own}  # the id can name a file
    raw_text, text, text_problems = _read_text(Path(text_file))
    problems += text_problems
    target = folder / TEXTS / f"{article_id}.txt"
    reviews: dict[Path, bytes] = {}
    if work is not None and named:
        reviews = dict.fromkeys([work / files.review_file(article_id), work / files.review_file(article_id, "actors")],
                                b"")
        problems += [Problem(_shown(p), None, None, "is a link or not a regular file: refused")
                     for p in reviews if p.is_symlink() or (p.exists() and not p.is_file())]
    if text is not None and not own and not problems:
        reviews = dict(zip(reviews, _review_files(text)))

    with files.locked(folder.resolve()):  # read, check and write in turn with any other writer
        if named:
            problems += _target_problems(folder, target)
        candidate, in_row, in_file = _candidate(folder, resource, articles, row, own)
        own += in_row
        problems += in_file
        if own or problems:
            labels = labels or {}
            order = {name: i for i, name in enumerate(f["name"] for f in fields)}
            own.sort(key=lambda p: order.get(p.path, len(order)))  # in the table's order, the id first
            raise DataError([Problem(labels.get(p.path, p.path), None, None, p.message) for p in own] + problems)
        created = not target.parent.exists()
        try:
            target.parent.mkdir(exist_ok=True)
        except OSError as exc:
            raise files.WriteError(exc.errno or errno.EIO, f"could not create {display_path(target.parent)}: "
                                                           f"{exc.strerror}. Nothing was changed") from None
        try:
            files.write_files({articles: candidate, target: raw_text})
        except files.WriteError:
            if created:
                try:
                    target.parent.rmdir()
                except OSError:  # pragma: no cover - something else appeared in it meanwhile
                    pass
            raise
    try:
        files.write_files(reviews)
    except files.WriteError as exc:
        raise files.WriteError(exc.errno, f"the article {article_id!r} was added, but its review files were not "
                                          f"written: {exc}") from None
    written = {"text": target, "articles": articles}
    return written | dict(zip(("statements_review", "actors_review"), reviews))


def add_row(data_dir: str | os.PathLike[str] | None, table: str, **row: object) -> dict[str, str]:
    """Add one row to a table of a data folder; the columns not given are left empty.

    The table is read again and written through the one write path
    (:func:`files.write_rows`) under the folder's lock, so a row another window
    added meanwhile is kept. The row is not validated beyond reading back as
    written: :func:`newsclaims.data.problems` says what is left to fix.

    Parameters
    ----------
    data_dir : str or path-like, optional
        The data folder; $NEWSCLAIMS_DATA's or the package's when None.
    table : str
        A resource of the folder's datapackage.json: ``"actors"``, ``"aliases"``,
        ``"statements"``, ...
    **row
        The values by column. Each is written as text (``start=812`` as ``"812"``);
        None is written empty.

    Returns
    -------
    dict
        The row as written, with every column of the table.

    Raises
    ------
    ValueError
        When the folder has no such table, or the row a column the table lacks;
        nothing is written.
    DataError
        When the folder or the table cannot be read.
    WriteError
        When the table cannot be written; it is left as it was.

    Examples
    --------
    >>> import shutil, tempfile, newsclaims as nc
    >>> copy = shutil.copytree(nc.data_dir(), tempfile.mkdtemp() + "/data")
    >>> add_row(copy, "aliases", actor_id="china", alias="the Chinese side")
    {'actor_id': 'china', 'alias': 'the Chinese side', 'note': ''}
    """
    folder = files.data_dir(data_dir)
    resources = {r["name"]: r for r in read_descriptor(folder)["resources"]}
    if table not in resources:
        raise ValueError(f"the data folder has no table {table!r}; its tables are {', '.join(resources)}")
    path = files.confined(folder, resources[table]["path"])
    with files.locked(folder.resolve()):
        header, rows = files.read_rows(path)
        unknown = [c for c in row if c not in header]
        if unknown:
            raise ValueError(f"{table} has no column {', '.join(map(repr, unknown))}; its columns are "
                             f"{', '.join(header)}")
        new = dict.fromkeys(header, "") | {c: "" if v is None else str(v) for c, v in row.items()}
        files.write_rows(path, header, [*rows, new])
    return new


def _row(fields: list[dict[str, Any]], article_id: str, values: dict[str, str | None]
         ) -> tuple[dict[str, str], list[Problem]]:
    """The new row, and the problems only new-article checks (the loader checks the rest).

    A value with a problem is left empty in the row, so that the loader's checks
    can still run on the others.
    """
    problems: list[Problem] = []
    names = [f["name"] for f in fields]
    for name in values:
        if name in MADE:
            problems.append(Problem(name, None, None, "is made by new-article from the id: do not give it"))
        elif name not in names:
            problems.append(Problem(name, None, None, f"is not a field of the {RESOURCE} table (its fields are "
                                                      f"{', '.join(n for n in names if n not in MADE)})"))
    row = dict.fromkeys(names, "")
    id_problem = _id_problem(article_id)
    if id_problem:
        problems.append(Problem("article_id", None, None, id_problem))
    else:
        row |= {"article_id": article_id, "text_file": f"{TEXTS}/{article_id}.txt"}
    for field in fields:
        name = field["name"]
        if name in MADE:
            continue
        value = values.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(Problem(name, None, None, f"must be text, not {type(value).__name__}"))
        elif _BREAK.search(value):
            what = "a NUL byte" if "\x00" in value else "a line break"
            problems.append(Problem(name, None, None, f"has {what}: give the value on one line"))
        elif field.get("type") == "date" and value and not _real_date(value):
            problems.append(Problem(name, None, None, f"{value!r} is not a date (YYYY-MM-DD) between "
                                                      f"{YEARS[0]} and {YEARS[1]}"))
        else:
            row[name] = value
    return row, problems


def _id_problem(article_id: str) -> str | None:
    """Why the id cannot name the article's files, if it cannot (its pattern is the loader's to check)."""
    if not isinstance(article_id, str):
        return f"must be text, not {type(article_id).__name__}"
    if len(article_id) > MAX_ID:
        return (f"is {len(article_id)} characters long; at most {MAX_ID}, since it names the text file "
                f"{TEXTS}/ID.txt and the review files")
    if _BREAK.search(article_id) or "/" in article_id or "\\" in article_id or article_id.startswith("."):
        return f"{article_id!r} cannot name a file: use lower-case letters, digits and _"
    return None


def _real_date(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD, between the years :data:`YEARS`."""
    if not _DATE.fullmatch(value):
        return False
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return False
    return YEARS[0] <= day.year <= YEARS[1]


def _read_text(path: Path) -> tuple[bytes, str | None, list[Problem]]:
    """The text file's bytes and text, or the problems that keep it out: unreadable, not UTF-8, badly laid out."""
    shown = display_path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        return b"", None, [Problem(shown, None, None, "file is missing")]
    except OSError as exc:
        return b"", None, [Problem(shown, None, None, f"cannot be read: {exc.strerror}")]
    if not stat.S_ISREG(info.st_mode):
        return b"", None, [Problem(shown, None, None, "is not a regular file (a folder, pipe or device)")]
    if info.st_size > files.MAX_BYTES:
        return b"", None, [Problem(shown, None, None, f"is {info.st_size:,} bytes, over the limit of "
                                                      f"{files.MAX_BYTES:,}")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return b"", None, [Problem(shown, None, None, f"cannot be read: {exc.strerror}")]
    try:
        text = decode(raw, path)
    except DataError as exc:
        return raw, None, exc.problems
    return raw, text, text_format_problems(text, path)


def _target_problems(folder: Path, target: Path) -> list[Problem]:
    """The text's place: a real texts/ folder, and no file or link (dangling or not) of that name."""
    texts = target.parent
    if texts.is_symlink() or (texts.exists() and not texts.is_dir()):
        return [Problem(_shown(texts), None, None, "is a link or not a folder: new-article writes texts "
                                                         "only into a real folder inside the data folder")]
    if os.path.lexists(target):
        what = "a link" if target.is_symlink() else "a file"
        return [Problem(_shown(target), None, None, f"exists already ({what}): new-article never "
                                                          "overwrites a text or writes through a link")]
    return []


def _candidate(folder: Path, resource: dict[str, Any], articles: Path, row: dict[str, str],
               own: list[Problem]) -> tuple[bytes, list[Problem], list[Problem]]:
    """articles.csv with the new row appended, and the problems the loader finds: in the new row, elsewhere.

    The rows already there are kept byte for byte. Problems in the new row are
    labelled by field; a field with a problem of new-article's own gets no other.
    """
    shown = display_path(articles)
    try:
        raw = files.read_confined(folder, resource["path"])
        header, rows = files.read_rows(articles)
    except DataError as exc:
        return b"", [], exc.problems
    if not header:
        return b"", [], [Problem(shown, 1, None, "file is empty: expected a header row")]
    in_row: list[Problem] = []
    in_file: list[Problem] = []
    used = [r for r in rows if r.get("article_id") == row["article_id"] != ""]
    if used:
        in_row.append(Problem("article_id", None, None, f"there is already an article {row['article_id']!r} "
                                                          f"in {shown}"))
    body = raw.rstrip(b"\r\n")
    eol = b"\r\n" if raw.split(b"\n", 1)[0].endswith(b"\r") else b"\n"
    line = files.csv_bytes(header, [{k: v for k, v in row.items() if k in header}])
    line = line[len(files.csv_bytes(header, [])):].removesuffix(b"\n") + eol  # one line: values have no breaks
    candidate = body + eol + line
    new_line = (body + eol).count(b"\n") + 1

    try:  # the table as it would be, checked by the loader's own rules, before anything is written
        _, found = read_table(articles, candidate, resource)
    except DataError as exc:
        found = exc.problems
    labelled = {p.path for p in own + in_row}
    for problem in found:
        if problem.line == new_line and problem.column in row:
            name = "article_id" if problem.column in MADE else problem.column  # text_file comes from the id
            if name not in labelled:
                in_row.append(Problem(name, None, None, problem.message))
        else:
            in_file.append(problem)
    return candidate, in_row, in_file


def _shown(path: Path) -> str:
    """A path as display_path shows it, but naming a link itself, not where it points."""
    return str(Path(display_path(path.parent)) / path.name)


def _review_files(text: str) -> tuple[bytes, bytes]:
    """The review files' content: the extractor's candidate statements, and the names its name finder found."""
    found = extract_statements(text)
    statements = found.drop(columns=["actor_id"]).assign(suggested_actor_id=found["speaker_text"].map(slug))
    names = review_names(text)
    actors = pd.DataFrame({"name": names.index, "times_named": names.values,
                           "suggested_actor_id": [slug(n) for n in names.index]})
    return _csv(statements), _csv(actors)


def review_names(text: str) -> pd.Series:
    """The names to review as actors, each with how often the text names it, most often first.

    The name finder's names (``extract.find_names``), as written but without a
    possessive ("China's" is China). Left out: titles (a title names its holder,
    who is listed by name), and a single word that only ever opens a sentence,
    where its capital says nothing ("Officials", "History"), unless it is the
    surname of a person named in full.
    """
    found = find_names(text)
    found = found[found["kind"] != "title"].assign(name=found["name"].str.replace(r"['’]s$", "", regex=True))
    unsure = ~found["name"].str.contains(" ") & (found["kind"] != "person")  # a surname stays: "Sacks said"
    only_first = found.groupby("name")["opens_sentence"].transform("all")
    return found.loc[~(unsure & only_first), "name"].value_counts().rename("times_named").rename_axis("name")


def _csv(frame: pd.DataFrame) -> bytes:
    values = frame.astype(object).where(frame.notna(), None)
    return files.csv_bytes(list(frame.columns), values.to_dict("records"))
