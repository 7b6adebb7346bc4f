"""Where things are, how they are read, and the one write path.

Every file the package writes (data CSVs, article texts, students' answers,
review files, handouts, exports) goes through :func:`write_files` or a helper
built on it:

1. the new content is rendered and, for CSV, parsed back: what could not be
   read again is refused before anything touches the disk;
2. under a lock on the folder (``.newsclaims.lock``, a real OS lock held with
   ``filelock``, so two processes take turns), each file is written to a
   hidden temporary file beside its target, flushed and fsynced;
3. the temporary files are renamed over their targets. If one rename fails,
   the files already renamed get their old content back, so several files are
   written together or not at all.

A failure raises :class:`WriteError`, which names the file and says what went
wrong in plain words (a read-only folder, a full disk); the old file stays as
it was. Temporary files left by a process that was killed are removed the next
time the folder is written, under the same lock.

Reads of the data folder go through :func:`confined`: a path is resolved,
symlinks included, and must stay inside the folder, be a regular file and be
no larger than :data:`MAX_BYTES`.
"""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from .schema import DataError, Problem, decode, display_path

DATA_ENV = "NEWSCLAIMS_DATA"        # a data folder to use instead of the package's
ARTICLE_ENV = "NEWSCLAIMS_ARTICLE"  # the article every lesson loads when none is named
WORK_ENV = "NEWSCLAIMS_WORK"        # where students' answers and review files go
HANDOUT_ENV = "NEWSCLAIMS_HANDOUT"  # set while the lessons run for handouts: explorers add a static view
DESCRIPTOR = "datapackage.json"
ROOT = Path(__file__).resolve().parents[2]  # the repository: data/, work/ and notebooks/ stand beside lib/
REPO_DATA = ROOT / "data"
REPO_WORK = ROOT / "work"
NOTEBOOKS = ROOT / "notebooks"
MAX_BYTES = 64 * 1024 * 1024  # no data file, text or student file is near this; /dev/zero would be
LOCK_NAME = ".newsclaims.lock"
LOCK_TIMEOUT = 30  # seconds to wait for another window's save before giving up with a clear error
_TMP = re.compile(r"\..+\.[0-9a-z_]+\.tmp")


class WriteError(OSError):
    """A file could not be written. The message names it and says why; the old file is unchanged.

    An :class:`OSError`, with the ``errno`` of the failure (``ENOSPC`` for a full
    disk, ``EROFS`` for a read-only file system, ``EBUSY`` when another process
    kept the folder locked).
    """

    def __str__(self) -> str:
        return self.strerror or super().__str__()


# --- Where things are ----------------------------------------------------------------------------

def data_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``path`` if given, else $NEWSCLAIMS_DATA, else the package's data/.

    The loaders take the same choice as their ``data_dir`` keyword
    (``nc.load_article(data_dir=...)``).

    Parameters
    ----------
    path : str or path-like, optional
        A data folder to use.

    Returns
    -------
    Path
        The folder, with ``~`` expanded; not resolved.

    Raises
    ------
    DataError
        When the folder has no datapackage.json; the message says what chose it
        (the argument, $NEWSCLAIMS_DATA or the package).

    Examples
    --------
    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    chosen = path if path is not None else os.environ.get(DATA_ENV) or REPO_DATA
    folder = Path(chosen).expanduser()
    if not (folder / DESCRIPTOR).is_file():
        source = "the argument" if path is not None else (
            f"${DATA_ENV}" if os.environ.get(DATA_ENV) else "the package")
        raise DataError(Problem(display_path(folder / DESCRIPTOR), None, None,
                                f"file is missing (data folder chosen by {source})"))
    return folder


def work_dir(data: str | os.PathLike[str] | None = None) -> Path:
    """Where students' answers and review files go: $NEWSCLAIMS_WORK, or work/ beside data/.

    Created if missing. Never inside a data folder: not the one given, nor
    $NEWSCLAIMS_DATA's, nor the package's.

    Parameters
    ----------
    data : str or path-like, optional
        A data folder the work folder must stay out of, besides those above.

    Returns
    -------
    Path
        The work folder, resolved.

    Raises
    ------
    ValueError
        When the work folder lies inside one of those data folders.
    OSError
        When it cannot be created.

    Examples
    --------
    >>> work_dir().is_dir()
    True
    """
    folder = Path(os.environ.get(WORK_ENV) or REPO_WORK).expanduser().resolve()
    guarded = [Path(p).expanduser().resolve() for p in (data, os.environ.get(DATA_ENV), REPO_DATA) if p]
    for guard in guarded:
        if folder == guard or guard in folder.parents:
            raise ValueError(f"student work and review files must not be saved in the data folder ({guard}); "
                             f"set ${WORK_ENV} to another folder")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_UNSAFE = re.compile(r"[^\w-]+")


def student_file(student: str, article_id: str, kind: str = "") -> str:
    """The name of a student's file: ``<student>.<article_id>[.<kind>].csv``.

    The dots keep the parts apart: a student's name becomes letters, digits, ``-``
    and ``_`` only, and article ids have no dots, so a file name can always be
    read back (see :func:`parse_student_file`).

    Parameters
    ----------
    student : str
        The student's name, as typed.
    article_id : str
        The article coded.
    kind : str, optional
        ``"marks"`` for the harder mode's marks; empty for the answers.

    Returns
    -------
    str
        The file's name (not a path).

    Examples
    --------
    >>> student_file("Ana María", "cnn_china_ukraine_2022", "marks")
    'Ana_María.cnn_china_ukraine_2022.marks.csv'
    """
    name = _UNSAFE.sub("_", student.strip()).strip("_") or "student"
    return ".".join([name, article_id, *([kind] if kind else []), "csv"])


def old_student_file(student: str, article_id: str, kind: str = "") -> str:
    """The name a student's file had before :func:`student_file`: ``<student>_<article_id>[_<kind>].csv``.

    Such a file is read when it is the only one, and never written. Its name does not
    always tell student and article apart (``cy_my_story.csv``).

    Parameters
    ----------
    student, article_id, kind : str
        As for :func:`student_file`.

    Returns
    -------
    str
        The file's name (not a path).

    Examples
    --------
    >>> old_student_file("Ana María", "cnn_china_ukraine_2022", "marks")
    'Ana_María_cnn_china_ukraine_2022_marks.csv'
    """
    name = _UNSAFE.sub("_", student.strip()) or "student"
    return "_".join([name, article_id, *([kind] if kind else [])]) + ".csv"


def review_file(article_id: str, kind: str = "") -> str:
    """The name of a review file of suggestions for a new article: ``<article_id>[_<kind>]_review.csv``.

    Parameters
    ----------
    article_id : str
        The new article.
    kind : str, optional
        ``"actors"`` for the names found; empty for the candidate statements.

    Returns
    -------
    str
        The file's name (not a path); the file goes to the work folder.

    Examples
    --------
    >>> review_file("my_story"), review_file("my_story", "actors")
    ('my_story_review.csv', 'my_story_actors_review.csv')
    """
    return "_".join([article_id, *([kind] if kind else []), "review"]) + ".csv"


def rejected_file(article_id: str) -> str:
    """The name of the file of candidates the coder rejected in the workbench: ``<article_id>_rejected.csv``.

    Parameters
    ----------
    article_id : str
        The article being coded.

    Returns
    -------
    str
        The file's name (not a path); the file goes to the work folder, never the data folder.

    Examples
    --------
    >>> rejected_file("my_story")
    'my_story_rejected.csv'
    """
    return f"{article_id}_rejected.csv"


def parse_student_file(name: str) -> tuple[str, str, str] | None:
    """``(student, article_id, kind)`` from a file name made by :func:`student_file`, else None.

    Parameters
    ----------
    name : str
        A file name.

    Returns
    -------
    tuple of str, or None
        The parts, ``kind`` empty for answers; None for a name :func:`student_file`
        does not make.

    Examples
    --------
    >>> parse_student_file("cy_my.story.csv"), parse_student_file("ana.peer_review.marks.csv")
    (('cy_my', 'story', ''), ('ana', 'peer_review', 'marks'))
    """
    parts = name.split(".")
    if parts[-1] != "csv" or len(parts) not in (3, 4) or not all(parts[:-1]):
        return None
    return parts[0], parts[1], parts[2] if len(parts) == 4 else ""


# --- Reading -------------------------------------------------------------------------------------

def confined(folder: Path, relative: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> Path:
    """``folder / relative``, resolved, once it is known to be a regular file inside the folder.

    Parameters
    ----------
    folder : Path
        The data folder.
    relative : str or path-like
        The file, relative to the folder, as a table or article row names it.
    limit : int
        The most bytes it may have.

    Returns
    -------
    Path
        The file, resolved (links followed).

    Raises
    ------
    DataError
        Naming the path as written (never its content) when it leaves the folder,
        through ``..``, an absolute path or a symlink; when it is missing, or not a
        regular file (a folder, a FIFO, a device); or when it is larger than ``limit``.

    Examples
    --------
    >>> confined(data_dir(), "datapackage.json").name
    'datapackage.json'
    >>> confined(data_dir(), "../README.md")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsclaims.schema.DataError: ...README.md: lies outside the data folder (after following links): refused
    """
    def refused(message: str) -> DataError:  # the path is shown only when something is wrong: it costs a resolve
        return DataError(Problem(display_path(Path(folder) / relative), None, None, message))

    root = os.path.realpath(folder)  # os.path rather than pathlib: this runs for every text of a corpus
    target = os.path.realpath(os.path.join(root, relative))
    if target != root and not target.startswith(os.path.join(root, "")):
        raise refused("lies outside the data folder (after following links): refused")
    try:
        info = os.stat(target)
    except FileNotFoundError:
        raise refused("file is missing") from None
    except OSError as exc:
        raise refused(f"cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise refused("is not a regular file (a folder, pipe or device): refused")
    if info.st_size > limit:
        raise refused(f"is {info.st_size:,} bytes, over the limit of {limit:,}")
    return Path(target)


def read_confined(folder: Path, relative: str | os.PathLike[str], *, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file inside ``folder``, read without following a swap.

    The path is checked by :func:`confined`, then opened without following a link
    and checked again (a regular file, not over the limit) on the open file.

    Parameters
    ----------
    folder : Path
        The data folder.
    relative : str or path-like
        The file, relative to the folder.
    limit : int
        The most bytes it may have.

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    DataError
        As :func:`confined`; or when it cannot be opened, was swapped for something
        that is not a regular file, or grew over the limit.
    """
    path = confined(folder, relative, limit=limit)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise DataError(Problem(display_path(Path(folder) / relative), None, None,
                                f"cannot be read: {exc.strerror}")) from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        if not stat.S_ISREG(info.st_mode):  # swapped since it was checked
            raise DataError(Problem(display_path(path), None, None, "is not a regular file: refused"))
        raw = f.read(min(info.st_size, limit) + 1)  # not read(limit + 1), which sets aside the whole limit
        if len(raw) > info.st_size:  # it grew since: read on, up to the limit
            raw += f.read(limit + 1 - len(raw))
    if len(raw) > limit:
        raise DataError(Problem(display_path(path), None, None, f"is over the limit of {limit:,} bytes"))
    return raw


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV file's header and rows, as plain strings, for editing data and student files.

    Accepts a byte-order mark (Excel's "CSV UTF-8") and CR LF line endings. Every row
    must have as many fields as the header: a short or long row is an error, never
    padded or cut.

    Parameters
    ----------
    path : Path
        The file.

    Returns
    -------
    header : list of str
        The columns, in order; empty for an empty file.
    rows : list of dict
        Each row, by column, every value a string.

    Raises
    ------
    DataError
        Naming the file and line: missing, not UTF-8, not valid CSV, a NUL byte, a
        row of the wrong length, a repeated or empty column name.

    Examples
    --------
    >>> header, rows = read_rows(data_dir() / "aliases.csv")
    >>> header, rows[0]["alias"]
    (['actor_id', 'alias', 'note'], 'Zhang Jun')
    """
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(Problem(shown, None, None, "file is missing")) from None
    text = decode(raw, path)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DataError(Problem(shown, line, None, "contains a NUL byte: not a text file"))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    last = 0
    try:
        for record in reader:
            first, last = last + 1, reader.line_num
            if not record:
                continue
            if header is None:
                header = record
                repeated = sorted({c for c in header if header.count(c) > 1})
                if repeated:
                    raise DataError(Problem(shown, first, None, f"the header repeats {', '.join(repeated)}"))
                if "" in header:
                    raise DataError(Problem(shown, first, None, "the header has an empty column name"))
                continue
            if len(record) != len(header):
                raise DataError(Problem(shown, first, None, f"has {len(record)} fields, the header has "
                                                            f"{len(header)}: fix the row, nothing was read"))
            rows.append(dict(zip(header, record)))
    except csv.Error as exc:
        raise DataError(Problem(shown, last + 1, None, f"not valid CSV: {exc}")) from None
    return header or [], rows


# --- Writing -------------------------------------------------------------------------------------

@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the folder's write lock (re-entrant within a process): read, change and write in turn.

    Parameters
    ----------
    folder : Path
        The folder whose files are read and written; the lock file
        (:data:`LOCK_NAME`) is made in it.

    Yields
    ------
    None
        While the lock is held.

    Raises
    ------
    WriteError
        When the lock cannot be had within :data:`LOCK_TIMEOUT` seconds, or the
        folder cannot hold a lock file (read-only, missing).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with locked(folder):
    ...     write_text(folder / "a.txt", "written under the lock")  # the same process takes it again
    """
    folder = Path(folder)
    lock = FileLock(folder / LOCK_NAME, timeout=LOCK_TIMEOUT, is_singleton=True)
    try:
        lock.acquire()
    except OSError as exc:
        raise _write_error(folder, exc) from None
    except TimeoutError:  # filelock's Timeout
        raise WriteError(errno.EBUSY, f"could not save in {display_path(folder)}: another window or process "
                                      f"kept it busy for {LOCK_TIMEOUT} s; try again") from None
    try:
        yield
    finally:
        lock.release()


def csv_bytes(header: Sequence[str], rows: Sequence[Mapping[str, object]]) -> bytes:
    """Rows rendered as the package writes CSV (UTF-8, LF), after checking they read back the same.

    Parameters
    ----------
    header : sequence of str
        The columns, in order.
    rows : sequence of mappings
        The rows, by column; a missing or None value is written empty.

    Returns
    -------
    bytes
        The CSV file's content.

    Raises
    ------
    ValueError
        When a row has a column not in the header, or a value that would not read
        back as written (a NUL byte).

    Examples
    --------
    >>> csv_bytes(["actor_id", "alias"], [{"actor_id": "china", "alias": "Beijing, China"}])
    b'actor_id,alias\\nchina,"Beijing, China"\\n'
    """
    header = list(header)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    cells = []
    for number, row in enumerate(rows, 2):
        extra = [k for k in row if k not in header]
        if extra:
            raise ValueError(f"row {number} has columns that are not in the header: {extra}")
        values = ["" if row.get(c) is None else str(row.get(c)) for c in header]
        if any("\x00" in v for v in values):
            raise ValueError(f"row {number} has a NUL byte in a value: refused")
        cells.append(values)
    writer.writerows(cells)
    text = out.getvalue()
    back = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if back != [header, *cells]:
        raise ValueError("the rows would not read back as written: refused")
    return text.encode("utf-8")


def write_files(contents: Mapping[Path, bytes]) -> None:
    """Write several files together, atomically, under one lock.

    The lock is the one of the folder that holds them all (``data/`` for
    ``data/articles.csv`` with ``data/texts/x.txt``).

    Parameters
    ----------
    contents : mapping of Path to bytes
        Each file and its new content.

    Raises
    ------
    WriteError
        When any file cannot be written, is a link or is not a regular file; then
        every target keeps its old content (or stays absent), and no temporary file
        is left.
    """
    if not contents:
        return
    paths = [Path(p) for p in contents]
    parents = sorted({p.parent.resolve() for p in paths})
    folder = Path(os.path.commonpath(parents))
    with locked(folder):
        for parent in parents:
            clean_temporary(parent)
        staged: list[tuple[Path, str]] = []
        done: list[tuple[Path, bytes | None]] = []
        current = paths[0]  # the file being staged or renamed, named if it fails
        try:
            for path, data in zip(paths, contents.values()):
                current = path
                if path.is_symlink() or (path.exists() and not path.is_file()):
                    raise WriteError(errno.EEXIST, f"could not save {display_path(path)}: it is a link or not "
                                                   "a regular file, which the package never writes through")
                staged.append((path, _stage(path, data)))
            for path, tmp in staged:
                current = path
                old = path.read_bytes() if path.exists() else None
                os.replace(tmp, path)
                done.append((path, old))
            for parent in parents:
                _fsync_dir(parent)
        except OSError as exc:
            for path, old in reversed(done):  # put back what was already replaced
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    _restore(path, old)
            for _, tmp in staged:
                if os.path.exists(tmp):
                    os.unlink(tmp)
            if isinstance(exc, WriteError):
                raise
            raise _write_error(current, exc) from None


def write_bytes(path: Path, data: bytes) -> None:
    """Write one file atomically under its folder's lock (see :func:`write_files`).

    Parameters
    ----------
    path : Path
        The file.
    data : bytes
        Its new content.

    Raises
    ------
    WriteError
        When it cannot be written; the old file is unchanged.
    """
    write_files({Path(path): data})


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically under its folder's lock.

    Parameters
    ----------
    path : Path
        The file.
    text : str
        Its new content.

    Raises
    ------
    WriteError
        When it cannot be written; the old file is unchanged.
    """
    write_bytes(path, text.encode("utf-8"))


def write_rows(path: Path, header: Sequence[str], rows: Sequence[Mapping[str, object]]) -> None:
    """Write rows as CSV, the way the data files are written, atomically under the folder's lock.

    Parameters
    ----------
    path : Path
        The file.
    header : sequence of str
        The columns, in order.
    rows : sequence of mappings
        The rows, by column; a missing or None value is written empty.

    Raises
    ------
    ValueError
        When a row has a column not in the header, or a value that would not read
        back (see :func:`csv_bytes`); nothing is written.
    WriteError
        When the file cannot be written; the old file is unchanged.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "rows.csv"
    >>> write_rows(path, ["actor_id", "alias"], [{"actor_id": "china", "alias": "Beijing"}])
    >>> read_rows(path)
    (['actor_id', 'alias'], [{'actor_id': 'china', 'alias': 'Beijing'}])
    """
    write_bytes(path, csv_bytes(header, rows))


def clean_temporary(folder: Path) -> list[Path]:
    """Remove the package's temporary files left in a folder by a process that was killed.

    Only safe under the folder's lock, which every writer holds while its own
    temporary files exist; :func:`write_files` calls it there.

    Parameters
    ----------
    folder : Path
        The folder.

    Returns
    -------
    list of Path
        The files removed.
    """
    removed = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if _TMP.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _stage(path: Path, data: bytes) -> str:
    """Write data to a hidden temporary file beside path, flushed, fsynced and readable (0644)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def _restore(path: Path, old: bytes) -> None:
    try:
        os.replace(_stage(path, old), path)
    except OSError:  # pragma: no cover - the disk failed twice; the caller's error says so
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every system opens folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "the folder or file is not writable (permission denied)",
    errno.EPERM: "the folder or file is not writable (operation not permitted)",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOENT: "the folder does not exist",
    errno.ENAMETOOLONG: "the file name is too long",
}


def _write_error(path: Path, exc: OSError) -> WriteError:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    return WriteError(exc.errno or errno.EIO, f"could not save {display_path(Path(path))}: {reason}. "
                                              "Nothing was changed")
