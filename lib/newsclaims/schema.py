"""Enforce a Frictionless table schema (from data/datapackage.json) on CSV files.

The descriptor is the one source of truth: field names, types, required values,
enums, unique and primary keys, and foreign keys all come from it. Every problem
found in a file is collected and reported together in one :class:`DataError`.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from re import _parser  # how Python itself parses a regular expression (3.11 and later)
from typing import Any

import numpy as np
import pandas as pd

csv.field_size_limit(sys.maxsize)

# What the loader reads and enforces in datapackage.json: the types, constraints and keys it
# knows. Any other key would be a rule it silently ignores, so the descriptor is checked against it.
DESCRIPTOR_SCHEMA = Path(__file__).with_name("datapackage.schema.json")
EARLIEST, LATEST = "1900-01-01", "2100-12-31"  # the dates a date field may hold
INT64 = (-(2**63), 2**63 - 1)
PATTERN_LIMIT = 1000  # the longest value checked against a descriptor's pattern
_INTEGER = re.compile(r"[+-]?[0-9]+")  # not \d, which takes any script's digits
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    path: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f" line {self.line}"
        if self.column is not None:
            where += f"{',' if self.line is not None else ''} column {self.column}"
        return f"{where}: {self.message}"


class DataError(ValueError):
    """Bad data. ``.problems`` lists every problem; the message shows one per line."""

    def __init__(self, problems: list[Problem] | Problem | str):
        if isinstance(problems, (Problem, str)):
            problems = [problems]
        self.problems = list(problems)
        lines = [str(p) for p in self.problems]
        if len(lines) > 1:
            lines.insert(0, f"{len(lines)} problems:")
        super().__init__("\n".join(lines))


def display_path(path: Path) -> str:
    """The path relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_bytes(path: Path) -> bytes:
    """A file's bytes; DataError if it is missing."""
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        raise DataError(Problem(display_path(path), None, None, "file is missing")) from None


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text (a byte-order mark is allowed); DataError naming the line of a bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        pos = exc.start
        line = raw.count(b"\n", 0, pos) + 1
        col = pos - (raw.rfind(b"\n", 0, pos) + 1) + 1
        raise DataError(Problem(display_path(path), line, None,
                                f"not UTF-8: byte 0x{raw[pos]:02x} at character {col}")) from None


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a byte-order mark is allowed); raise DataError naming the bad byte."""
    return decode(read_bytes(path), path)


@dataclass
class Table:
    """A CSV file checked against its schema: typed frame plus each row's line number."""

    name: str
    path: Path
    frame: pd.DataFrame
    lines: list[int] = field(default_factory=list)
    raw: pd.DataFrame | None = None  # the cells as written, before typing

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def problem(self, row: int, column: str | None, message: str) -> Problem:
        return Problem(self.shown, self.lines[row], column, message)


# --- The descriptor ------------------------------------------------------------------------------

Place = tuple  # a place in the descriptor: its keys and list indexes, ("resources", 4, "schema")


def parse_descriptor(raw: bytes, path: Path, tables: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The descriptor (datapackage.json) as a dict, once it is known to be one this loader enforces.

    ``tables`` are the resources the loader reads, each with the fields its own rules
    read and the type each must have: each resource must be there, and no other; it
    may add fields and constraints, not take these away or change their type.

    Raises
    ------
    DataError
        Naming the file and, for each problem, the line and the place in it
        (``resources[4].schema.fields[5].constraints.minimum: "0" is not of type
        integer``): not JSON, a key given twice, anything outside
        ``datapackage.schema.json`` (the subset of the Frictionless profiles the
        loader enforces), a key, foreign key or reference naming a field or resource
        that does not exist, a resource named twice, a ``pattern`` that is not a
        regular expression or could run for ever.
    """
    needs = tuple((name, tuple(fields.items())) for name, fields in tables.items())
    problems = _descriptor_problems(decode(raw, path), display_path(path), needs)
    if problems:
        raise DataError(list(problems))
    return json.loads(raw.decode("utf-8-sig"))


@functools.lru_cache(maxsize=16)
def _descriptor_problems(text: str, shown: str, needs: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
                         ) -> tuple[Problem, ...]:
    """Every problem of a descriptor's text; cached, as the same descriptor is loaded again and again."""
    twice: list[bool] = []
    try:
        descriptor = json.loads(text, object_pairs_hook=lambda pairs: _no_twice(pairs, twice))
    except json.JSONDecodeError as exc:
        return (Problem(shown, exc.lineno, None, f"not valid JSON: {exc.msg} (character {exc.colno})"),)
    except RecursionError:
        return (Problem(shown, None, None, "cannot be read: lists or objects nested too deeply"),)
    except ValueError:  # the only other: an integer of more digits than Python reads from text
        return (Problem(shown, None, None, "cannot be read: a number has thousands of digits"),)
    found = _structure_problems(descriptor)
    if not found:
        found = _meaning_problems(descriptor, {name: dict(fields) for name, fields in needs})
    lines, repeated = _json_places(text) if found or twice else ({}, [])
    found += [(place, f"key {place[-1]!r} is given twice; only the last would count") for place, _ in repeated]
    found.sort(key=lambda item: [(0, x, "") if isinstance(x, int) else (1, 0, x) for x in item[0]])
    return tuple(Problem(shown, lines.get(place), None, f"{_place(place)}: {message}") for place, message in found)


def _no_twice(pairs: list[tuple[str, Any]], twice: list[bool]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) < len(pairs):
        twice.append(True)  # located afterwards, with the lines
    return out


@functools.cache
def _validator() -> Any:
    """A validator for datapackage.schema.json, made once (jsonschema is imported here, when first needed)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(DESCRIPTOR_SCHEMA.read_text(encoding="utf-8")))


def _structure_problems(descriptor: Any) -> list[tuple[Place, str]]:
    """Everything in the descriptor outside the subset the loader enforces, in plain words."""
    out: list[tuple[Place, str]] = []
    for error in _validator().iter_errors(descriptor):
        place, value, keyword = tuple(error.absolute_path), error.instance, error.validator
        rule = error.schema if isinstance(error.schema, dict) else {}
        said = rule.get("messages", {}).get(keyword)
        if keyword == "additionalProperties":
            known = rule.get("properties", {})
            out += [(place + (key,), f"key {key!r} is not enforced by the loader") for key in value if key not in known]
        elif keyword == "required":
            out += [(place, f"{key!r} is missing") for key in error.validator_value if key not in value]
        elif said:
            out.append((place, said.replace("{value}", _shown(value))))
        elif keyword == "type":
            kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            out.append((place, f"{_shown(value)} is not of type {' or '.join(kinds)}"))
        elif keyword in ("enum", "const"):
            allowed = error.validator_value if keyword == "enum" else [error.validator_value]
            out.append((place, f"{_shown(value)} is not {' or '.join(map(_shown, allowed))}"))
        elif keyword in ("minLength", "minItems"):
            out.append((place, "must not be empty"))
        elif keyword == "maxLength":
            out.append((place, f"is longer than {error.validator_value} characters"))
        elif keyword == "uniqueItems":
            out.append((place, f"{_shown(value)} names a value twice"))
        elif keyword in ("minimum", "maximum"):
            out.append((place, f"{_shown(value)} is out of range"))
        else:  # pragma: no cover - every other keyword in the schema carries its message
            out.append((place, f"{_shown(value)} is not valid here ({error.message})"))
    return out


def _meaning_problems(descriptor: dict[str, Any], tables: dict[str, dict[str, str]]) -> list[tuple[Place, str]]:
    """What the JSON Schema cannot say: names that must exist, or be given once, and safe patterns."""
    out: list[tuple[Place, str]] = []
    resources = descriptor["resources"]
    first: dict[str, int] = {}
    fields: dict[str, set[str]] = {}
    for i, resource in enumerate(resources):
        name = resource["name"]
        if name in first:
            out.append((("resources", i, "name"), f"{name!r} is also the name of resources[{first[name]}]: "
                                                  "each resource needs a name of its own"))
            continue
        first[name] = i
        fields[name] = {f["name"] for f in resource["schema"]["fields"]}
        if name not in tables:
            out.append((("resources", i, "name"), f"resource {name!r} is not one the loader reads "
                                                  f"({', '.join(tables)})"))
            continue
        kinds = {f["name"]: (j, f.get("type", "string")) for j, f in enumerate(resource["schema"]["fields"])}
        for needed, kind in tables[name].items():
            if needed not in kinds:
                out.append((("resources", i, "schema", "fields"), f"resource {name!r} has no field {needed!r}, "
                                                                  "which the loader's own checks read"))
            elif kinds[needed][1] != kind:
                out.append((("resources", i, "schema", "fields", kinds[needed][0], "type"),
                            f"field {needed!r} must be of type {kind}: the loader's own checks read it as one"))
    out += [(("resources",), f"no resource named {name!r}") for name in tables if name not in first]
    for i, resource in enumerate(resources):
        name, schema = resource["name"], resource["schema"]
        at: Place = ("resources", i, "schema")
        seen: dict[str, int] = {}
        for j, fld in enumerate(schema["fields"]):
            if fld["name"] in seen:
                out.append((at + ("fields", j, "name"), f"{fld['name']!r} is also the name of "
                                                        f"fields[{seen[fld['name']]}]"))
            seen.setdefault(fld["name"], j)
            pattern = fld.get("constraints", {}).get("pattern")
            if pattern is not None and (why := pattern_problem(pattern)):
                out.append((at + ("fields", j, "constraints", "pattern"), why))
        out += _names_problems(at + ("primaryKey",), schema.get("primaryKey"), seen.keys(), name)
        for k, fk in enumerate(schema.get("foreignKeys", [])):
            here = at + ("foreignKeys", k)
            out += _names_problems(here + ("fields",), fk["fields"], seen.keys(), name)
            target = fk["reference"]["resource"] or name
            if target not in fields:
                out.append((here + ("reference", "resource"), f"foreign key on {fk['fields']!r} points at "
                                                               f"unknown resource {target!r}"))
                continue
            out += _names_problems(here + ("reference", "fields"), fk["reference"]["fields"], fields[target], target)
    return out


def _names_problems(place: Place, names: str | list[str] | None, known: Any, resource: str) -> list[tuple[Place, str]]:
    if names is None:
        return []
    listed = [(place, names)] if isinstance(names, str) else [(place + (k,), n) for k, n in enumerate(names)]
    return [(where, f"{name!r} is not a field of resource {resource!r}") for where, name in listed
            if name not in known]


def pattern_problem(pattern: str) -> str | None:
    """Why a descriptor's ``pattern`` is refused, or None.

    Refused: what is not a regular expression, and what could take exponential time
    on a value that almost matches: a repeated group (``+``, ``*``, ``{2,}``) whose
    body can itself match in more than one way, through a quantifier of its own
    (``(a+)+``, ``([a-z]+_?)*``) or an alternation (``(a|aa)+``). Such a pattern is
    refused from its parsed form; it is never run.
    """
    try:
        tree = _parser.parse(pattern)
        re.compile(pattern)
    except (re.error, OverflowError, RecursionError, ValueError) as exc:
        return f"{pattern!r} is not a valid regular expression: {getattr(exc, 'msg', exc)}"
    if _ambiguous_repeat(tree, inside=False):
        return (f"{pattern!r} repeats a group that can itself match in more than one way (a quantifier or | "
                "inside a repeated group), which can take exponential time on a value that almost matches: "
                "refused; write it without nesting, e.g. [a-z0-9_]+")
    return None


_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


def _ambiguous_repeat(items: Any, inside: bool) -> bool:
    """True when a repeat of varying count holds a varying quantifier or an alternation."""
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            varies = low != high
            if (inside and varies) or _ambiguous_repeat(body, inside or (varies and high > 1)):
                return True
        elif op is _parser.BRANCH:
            if inside or any(_ambiguous_repeat(alt, inside) for alt in av[1]):
                return True
        elif op is _parser.SUBPATTERN:
            if _ambiguous_repeat(av[-1], inside):
                return True
        elif op is _parser.ATOMIC_GROUP:
            if _ambiguous_repeat(av, inside):
                return True
        elif op in (_parser.ASSERT, _parser.ASSERT_NOT):
            if _ambiguous_repeat(av[1], inside):
                return True
        elif op is _parser.GROUPREF_EXISTS:
            if inside or any(_ambiguous_repeat(branch, inside) for branch in av[1:] if branch):
                return True
    return False


def _shown(value: Any, width: int = 60) -> str:
    """A value of the descriptor as JSON, cut short."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, RecursionError):  # pragma: no cover - parsed JSON always dumps
        text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _place(place: Place) -> str:
    """A readable JSON path: resources[4].schema.fields[5].constraints.minimum."""
    out = ""
    for step in place:
        if isinstance(step, int):
            out += f"[{step}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", step):
            out += f".{step}" if out else step
        else:
            out += f"[{json.dumps(step, ensure_ascii=False)}]"
    return out or "the descriptor"


_SPACE = re.compile(r"[ \t\n\r]*")


def _json_places(text: str) -> tuple[dict[Place, int], list[tuple[Place, int]]]:
    """The line of every place in a JSON text, and the places of keys given twice in one object.

    Walks text that ``json.loads`` has already accepted; gives up quietly (with the
    lines found so far) on anything unexpected, as lines only help to find a place.
    """
    breaks = [m.start() for m in re.finditer("\n", text)]
    lines: dict[Place, int] = {}
    repeated: list[tuple[Place, int]] = []
    decoder = json.JSONDecoder()

    def line(at: int) -> int:
        return bisect.bisect_left(breaks, at) + 1

    def value(at: int, place: Place) -> int:
        at = _SPACE.match(text, at).end()
        lines.setdefault(place, line(at))
        if text[at] == "{":
            at = _SPACE.match(text, at + 1).end()
            seen: set[str] = set()
            while text[at] != "}":
                start = at
                key, at = json.decoder.scanstring(text, at + 1)
                here = place + (key,)
                if key in seen:
                    repeated.append((here, line(start)))
                seen.add(key)
                lines[here] = line(start)
                at = value(_SPACE.match(text, at).end() + 1, here)
                at = _SPACE.match(text, at).end()
                if text[at] == ",":
                    at = _SPACE.match(text, at + 1).end()
            return at + 1
        if text[at] == "[":
            at = _SPACE.match(text, at + 1).end()
            index = 0
            while text[at] != "]":
                at = _SPACE.match(text, value(at, place + (index,))).end()
                index += 1
                if text[at] == ",":
                    at += 1
                at = _SPACE.match(text, at).end()
            return at + 1
        return decoder.raw_decode(text, at)[1]

    try:
        value(0, ())
    except (ValueError, IndexError, RecursionError):  # pragma: no cover - the text was parsed already
        pass
    return lines, repeated


def read_table(path: Path, raw_bytes: bytes, resource: dict[str, Any]) -> tuple[Table, list[Problem]]:
    """Check one resource's CSV, already read from ``path``, against its schema and return it typed.

    Returns the table and the problems in its values; a value with a problem is
    missing (NA) in the typed frame, so that later checks can still run on the
    rest. Raises DataError when the bytes cannot be read as a table at all.
    """
    shown = display_path(path)
    text = decode(raw_bytes, path)  # not UTF-8 is the first thing to report
    if "\x00" in text:
        raise DataError(_nul_problem(text, shown))
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]
    parsed = _fast_parse(raw_bytes) or _slow_parse(text, shown)
    header, header_line, records, lines, counts = parsed
    problems: list[Problem] = []

    seen: set[str] = set()
    for col in header:
        label = col if col.strip() == col and col else repr(col)
        if col in seen:
            problems.append(Problem(shown, header_line, label, "column appears twice in the header"))
        elif col not in names:
            problems.append(Problem(shown, header_line, label,
                                    f"unknown column; expected only {', '.join(names)}"))
        seen.add(col)
    for col in names:
        if col not in header:
            problems.append(Problem(shown, header_line, col, "column is missing from the header"))
    width = len(header)
    for count, line in zip(counts, lines):
        if count != width:
            problems.append(Problem(shown, int(line), None, f"has {count} fields, the header has {width}"))
    if problems:
        raise DataError(problems)
    if records is None:  # the fast scan found the file clean: let pandas read the values
        records = pd.read_csv(io.BytesIO(raw_bytes), encoding="utf-8", dtype=str, keep_default_na=False,
                              na_filter=False, skip_blank_lines=True)
        if list(records.columns) != header or len(records) != len(lines):
            # pandas and the scan disagree: trust the csv module
            header, header_line, records, lines, counts = _slow_parse(text, shown)
    raw = pd.DataFrame(records, columns=header, dtype=object) if isinstance(records, list) else records
    raw = raw[names] if len(raw) else pd.DataFrame({n: pd.Series([], dtype=object) for n in names})
    raw.index = pd.RangeIndex(len(raw))
    table = Table(resource["name"], path, raw, list(map(int, lines)), raw)
    frame, problems = _typed(table, fields)
    table.frame = frame
    problems += _key_problems(table, resource["schema"])
    return table, problems


Parsed = tuple[list[str], int, "list[list[str]] | pd.DataFrame | None", list[int], list[int]]


def _nul_problem(text: str, shown: str) -> Problem:
    """Where the first NUL byte of a CSV file is: its line, and its column when the file parses."""
    at = text.index("\x00")
    line, column = text.count("\n", 0, at) + 1, None
    try:
        header, _, records, lines, _ = _slow_parse(text, shown)
    except DataError:
        return Problem(shown, line, None, "contains a NUL byte: not a text file")
    for record, first in zip(records or [], lines):
        hit = next((i for i, value in enumerate(record) if "\x00" in value), None)
        if hit is not None:
            line, column = first, header[hit] if hit < len(header) else None
            break
    return Problem(shown, line, column, "contains a NUL byte: not a text file")


def _slow_parse(text: str, shown: str) -> Parsed:
    """Parse with the csv module: every record, its first line and its field count."""
    records: list[list[str]] = []
    lines: list[int] = []
    blanks: list[int] = []
    header: list[str] | None = None
    header_line = 1
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last = 0
    try:
        for record in reader:
            first_line, last = last + 1, reader.line_num
            if not record:
                blanks.append(first_line)
                continue
            if header is None:
                header, header_line = record, first_line
                continue
            records.append(record)
            lines.append(first_line)
    except csv.Error as exc:
        raise DataError(Problem(shown, last + 1, None, f"not valid CSV: {exc} (in the record that starts "
                                f"on this line; the reader stopped at line {reader.line_num})")) from None
    if header is None:
        raise DataError(Problem(shown, 1, None, "file is empty: expected a header row"))
    inside = [b for b in blanks if header_line < b < (lines[-1] if lines else 0)]
    if inside:  # a row may have been lost there: say so rather than skip it
        raise DataError([Problem(shown, b, None, "a blank line inside the table: delete it, or restore "
                                                 "the row that was there") for b in inside])
    return header, header_line, records, lines, [len(r) for r in records]


def _fast_parse(raw: bytes) -> Parsed | None:
    """Find each record's first line and field count with a vectorised scan of the bytes.

    The values are left for pandas to read. Returns None whenever the file is not
    plain, well-formed CSV (an odd number of quotation marks, a quote inside an
    unquoted field, a lone carriage return, no header), so that the csv module,
    which locates such problems, reads it instead.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    b = np.frombuffer(raw, dtype=np.uint8)
    size = len(b)
    quotes = np.flatnonzero(b == 34)
    if len(quotes) % 2:
        return None
    opening, closing = quotes[0::2], quotes[1::2]
    before = b[np.maximum(opening - 1, 0)]
    if not np.all((opening == 0) | (before == 44) | (before == 10) | (before == 34)):
        return None
    after = b[np.minimum(closing + 1, size - 1)]
    if not np.all((closing == size - 1) | (after == 44) | (after == 10) | (after == 13) | (after == 34)):
        return None
    newlines = np.flatnonzero(b == 10)
    returns = np.flatnonzero(b == 13)
    outside_returns = returns[(np.searchsorted(quotes, returns) & 1) == 0]
    if len(outside_returns) and not np.all(b[np.minimum(outside_returns + 1, size - 1)] == 10):
        return None  # a carriage return that does not end a line
    ends = newlines[(np.searchsorted(quotes, newlines) & 1) == 0]
    starts = np.concatenate(([0], ends + 1))
    ends = np.concatenate((ends, [size]))
    length = ends - starts
    first = b[np.minimum(starts, max(size - 1, 0))] if size else np.zeros(len(starts), np.uint8)
    blank = (length == 0) | ((length == 1) & (first == 13))
    commas = np.flatnonzero(b == 44)
    commas = commas[(np.searchsorted(quotes, commas) & 1) == 0]
    counts = np.searchsorted(commas, ends) - np.searchsorted(commas, starts) + 1
    lines = np.searchsorted(newlines, starts) + 1
    keep = np.flatnonzero(~blank)
    if not len(keep) or np.any(blank[keep[0]:keep[-1]]):
        return None  # empty, or a blank line inside the table
    head = keep[0]
    header_text = raw[starts[head]:ends[head]].decode("utf-8").rstrip("\r")
    header = next(csv.reader([header_text]))
    rows = keep[1:]
    return header, int(lines[head]), None, lines[rows].tolist(), counts[rows].tolist()


_SIMPLE_CLASS = re.compile(r"\[[^\]\x1f]*\]\+")  # a pattern such as [a-z0-9_]+


def _fullmatch(values: np.ndarray, present: np.ndarray, pattern: str) -> np.ndarray:
    """True where a present value matches the pattern whole.

    The common case, where every value matches, is checked in one pass of the
    regular expression over all values joined by a separator they cannot contain.
    Otherwise each distinct value is tested once.
    """
    regex = re.compile(pattern)
    chosen = values[present]
    separable = pattern in (_INTEGER.pattern, _DATE.pattern) or _SIMPLE_CLASS.fullmatch(pattern)
    if separable:
        joined = "\x1f".join(chosen)
        if joined.count("\x1f") == len(chosen) - 1 and (
                not len(chosen) or re.fullmatch(f"(?:{pattern})(?:\x1f(?:{pattern}))*", joined)):
            return present.copy()
    seen: dict[str, bool] = {}
    return present & np.fromiter(
        (seen[v] if v in seen else seen.setdefault(v, regex.fullmatch(v) is not None) for v in values),
        dtype=bool, count=len(values))


def _int64(values: np.ndarray, good: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The integers (0 where not good) and where a good one is out of the int64 range."""
    chosen = np.where(good, values, "0")
    try:
        return np.fromiter(map(int, chosen), dtype=np.int64, count=len(values)), np.zeros(len(values), bool)
    except (OverflowError, ValueError):  # a value too large (ValueError: thousands of digits)
        digits = [v.lstrip("+-").lstrip("0") for v in chosen]  # more than 19 would be out of range anyway
        huge = good & np.array([len(d) > 19 or not INT64[0] <= int(v) <= INT64[1] for d, v in zip(digits, chosen)])
        return np.fromiter(map(int, np.where(huge, "0", chosen)), dtype=np.int64, count=len(values)), huge


def _snippet(value: object, width: int = 60) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _member(values: np.ndarray, allowed: set[str]) -> np.ndarray:
    return pd.Series(values, dtype=object).isin(list(allowed)).to_numpy()


def _typed(table: Table, fields: list[dict[str, Any]]) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every value against its field and return the typed frame.

    An empty cell is missing; any other text, spaces included, is a value. A value
    with a problem is missing in the typed frame.
    """
    raw = table.frame
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for fld in fields:
        name, kind = fld["name"], fld.get("type", "string")
        cons = fld.get("constraints", {})
        values = raw[name].to_numpy(dtype=object)
        present = values != ""
        complete = bool(present.all())

        def flag(mask: np.ndarray, message: str, name: str = name, values: np.ndarray = values) -> None:
            # not str.format: the message may quote the descriptor (a pattern, enum values with braces)
            for row in np.flatnonzero(mask):
                value = values[row]
                said = message.replace("{value!r}", repr(value)).replace("{value}", _snippet(value))
                problems.append(table.problem(int(row), name, said))

        if cons.get("required") and not complete:
            flag(~present, "missing required value")
        if fld.get("format") == "uri":
            flag(present & ~_fullmatch(values, present, r"https?://[^/\s]\S*"),
                 "{value!r} is not a web address (http or https)")
        if kind == "integer":
            good = _fullmatch(values, present, _INTEGER.pattern)
            flag(present & ~good, "{value!r} is not an integer")
            numbers, huge = _int64(values, good)
            flag(huge, f"{{value}} is out of range: an integer must lie between {INT64[0]} and {INT64[1]}")
            good &= ~huge
            if "minimum" in cons:
                low = good & (numbers < cons["minimum"])
                flag(low, f"{{value}} is below the minimum {cons['minimum']}")
                good &= ~low
            out[name] = numbers if cons.get("required") and good.all() else \
                pd.array(np.where(good, numbers, None), dtype="Int64")
        elif kind == "date":
            good = _fullmatch(values, present, _DATE.pattern)
            # YYYY-MM-DD compares as text as it does as a date; outside the range, pandas cannot hold it
            outside = good & ((values < EARLIEST) | (values > LATEST))
            flag(outside, f"{{value}} is outside {EARLIEST[:4]}–{LATEST[:4]}")
            good &= ~outside
            parsed = pd.to_datetime(np.where(good, values, None), format="%Y-%m-%d", errors="coerce")
            flag(present & ~outside & np.asarray(parsed.isna()), "{value!r} is not a date (YYYY-MM-DD)")
            out[name] = parsed.astype("datetime64[ns]")
        elif kind == "boolean":
            true, false = fld.get("trueValues", ["true"]), fld.get("falseValues", ["false"])
            is_true = _member(values, set(true))
            bad = present & ~is_true & ~_member(values, set(false))
            flag(bad, f"{{value!r}} is not a boolean ({'/'.join(true + false)})")
            out[name] = is_true if cons.get("required") and not bad.any() and complete \
                else pd.array(np.where(present & ~bad, is_true, None), dtype="boolean")
        else:
            if "pattern" in cons:
                long = present & (np.fromiter(map(len, values), dtype=np.int64, count=len(values)) > PATTERN_LIMIT)
                flag(long, f"{{value}} is longer than {PATTERN_LIMIT:,} characters, the most that is checked "
                           "against a pattern")
                short = present & ~long
                flag(short & ~_fullmatch(values, short, cons["pattern"]),
                     f"{{value!r}} does not match the pattern {cons['pattern']}")
            out[name] = pd.array(values if complete else np.where(present, values, None), dtype="str")
        if "enum" in cons:
            allowed = cons["enum"]
            known = _member(values, set(allowed))
            flag(present & ~known, f"{{value!r}} is not one of: {', '.join(allowed)}")
            out[name] = pd.Categorical(np.where(known, values, None), categories=allowed)
        if cons.get("unique") and len(set(values[present])) < int(present.sum()):
            flag(present & pd.Series(values).duplicated().to_numpy(),
                 "{value!r} is a duplicate; values must be unique")
    return pd.DataFrame(out, index=raw.index), problems


def _key_problems(table: Table, schema: dict[str, Any]) -> list[Problem]:
    key = schema.get("primaryKey")
    if not key:
        return []
    key = [key] if isinstance(key, str) else key
    fields = {f["name"]: f for f in schema["fields"]}
    if len(key) == 1 and fields.get(key[0], {}).get("constraints", {}).get("unique"):
        return []  # already reported by the field's unique constraint
    dup = table.frame.duplicated(subset=key)
    return [table.problem(row, "/".join(key),
                          f"duplicate {'/'.join(key)} "
                          f"{', '.join(table.frame.loc[row, key].astype(str))!r}; keys must be unique")
            for row in dup[dup].index]


def foreign_key_problems(tables: dict[str, Table], resource: dict[str, Any]) -> list[Problem]:
    """Values that point at rows which do not exist (empty values are allowed)."""
    problems: list[Problem] = []
    table = tables.get(resource["name"])
    if table is None:
        return problems
    for fk in resource["schema"].get("foreignKeys", []):
        ref = fk["reference"]
        target_name = ref["resource"] or resource["name"]
        target = tables.get(target_name)
        if target is None:
            continue
        for col, ref_col in zip(_as_list(fk["fields"]), _as_list(ref["fields"])):
            values = table.frame[col]
            bad = values.notna() & ~values.isin(target.frame[ref_col].dropna().unique())
            for row in np.flatnonzero(bad.to_numpy()):
                problems.append(table.problem(
                    int(row), col, f"{values.iloc[row]!r} is not a known {ref_col} (see {target.path.name})"))
    return problems


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
