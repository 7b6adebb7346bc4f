"""Enforce a Frictionless table schema (from data/datapackage.json) on CSV files.

The descriptor is the one source of truth: field names, types, required values,
enums, unique and primary keys, and foreign keys all come from it. Every problem
found in a file is collected and reported together in one :class:`DataError`.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

csv.field_size_limit(sys.maxsize)

SUPPORTED_TYPES = {"string", "integer", "date", "boolean"}
SUPPORTED_CONSTRAINTS = {"required", "unique", "enum", "pattern", "minimum"}
# Descriptor keys the loader understands; any other key would be a rule it silently ignores.
RESOURCE_KEYS = {"name", "path", "description", "title", "profile", "format", "encoding", "mediatype", "schema"}
SCHEMA_KEYS = {"fields", "primaryKey", "foreignKeys", "missingValues"}
FIELD_KEYS = {"name", "type", "description", "title", "constraints", "trueValues", "falseValues", "format"}
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def read_text(path: Path) -> str:
    """Read a UTF-8 file (a byte-order mark is allowed); raise DataError naming the bad byte."""
    shown = display_path(path)
    if not path.is_file():
        raise DataError(Problem(shown, None, None, "file is missing"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        pos = exc.start
        line = raw.count(b"\n", 0, pos) + 1
        col = pos - (raw.rfind(b"\n", 0, pos) + 1) + 1
        raise DataError(
            Problem(shown, line, None, f"not UTF-8: byte 0x{raw[pos]:02x} at character {col}")
        ) from None
    return text


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


def descriptor_problems(resource: dict[str, Any], resources: set[str], shown: str) -> list[Problem]:
    """Everything in a resource's descriptor that this loader would not enforce.

    The loader reads the descriptor and enforces it; a key it does not know would be a
    rule that quietly goes unchecked, so it is reported instead.
    """
    name = resource.get("name", "?")
    out: list[Problem] = []

    def bad(message: str) -> None:
        out.append(Problem(shown, None, None, f"resource {name!r}: {message}"))

    for key in sorted(set(resource) - RESOURCE_KEYS):
        bad(f"key {key!r} is not enforced by the loader")
    if resource.get("encoding", "utf-8").lower() not in ("utf-8", "utf8"):
        bad("encoding must be utf-8")
    if resource.get("format", "csv") != "csv":
        bad("format must be csv")
    schema = resource.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        bad("needs a schema with a list of fields")
        return out
    for key in sorted(set(schema) - SCHEMA_KEYS):
        bad(f"schema key {key!r} is not enforced by the loader")
    if schema.get("missingValues", [""]) != [""]:
        bad('missingValues must be [""]: an empty cell is the only missing value')
    for fld in schema["fields"]:
        where = f"field {fld.get('name')!r}"
        kind = fld.get("type", "string")
        if kind not in SUPPORTED_TYPES:
            bad(f"{where} has type {kind!r}, which the loader does not enforce")
        for key in sorted(set(fld) - FIELD_KEYS):
            bad(f"{where} has key {key!r}, which the loader does not enforce")
        if fld.get("format", "default") not in ("default", "uri" if kind == "string" else "default"):
            bad(f"{where} has format {fld['format']!r}, which the loader does not enforce")
        for key in sorted(set(fld.get("constraints", {})) - SUPPORTED_CONSTRAINTS):
            bad(f"{where} has constraint {key!r}, which the loader does not enforce")
        enum = fld.get("constraints", {}).get("enum")
        if enum is not None and (kind != "string" or not all(isinstance(v, str) for v in enum)):
            bad(f"{where}: enum values must be strings on a string field")
    for fk in schema.get("foreignKeys", []):
        target = fk.get("reference", {}).get("resource")
        if target not in resources | {""}:
            bad(f"foreign key on {fk.get('fields')!r} points at unknown resource {target!r}")
        elif len(_as_list(fk["fields"])) != 1:
            bad("foreign keys over several fields are not enforced by the loader")
    return out


def read_table(data_dir: Path, resource: dict[str, Any]) -> tuple[Table, list[Problem]]:
    """Read one resource's CSV, check it against its schema and return it typed.

    Returns the table and the problems in its values; a value with a problem is
    missing (NA) in the typed frame, so that later checks can still run on the
    rest. Raises DataError when the file cannot be read as a table at all.
    """
    path = data_dir / resource["path"]
    shown = display_path(path)
    text = read_text(path)
    fields = resource["schema"]["fields"]
    names = [f["name"] for f in fields]

    records: list[list[str]] = []
    lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 1
    problems: list[Problem] = []
    try:
        last = 0
        for record in reader:
            first_line, last = last + 1, reader.line_num
            if not record:
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
        raise DataError(Problem(shown, None, None, "file is empty: expected a header row"))
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
    for record, line in zip(records, lines):
        if len(record) != width:
            problems.append(Problem(shown, line, None,
                                    f"has {len(record)} fields, the header has {width}"))
    if problems:
        raise DataError(problems)

    raw = pd.DataFrame(records, columns=header, dtype=object)[names] if records else \
        pd.DataFrame({n: pd.Series([], dtype=object) for n in names})
    table = Table(resource["name"], path, raw, lines, raw)
    frame, problems = _typed(table, fields)
    table.frame = frame
    problems += _key_problems(table, resource["schema"])
    return table, problems


def _typed(table: Table, fields: list[dict[str, Any]]) -> tuple[pd.DataFrame, list[Problem]]:
    raw = table.frame
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for fld in fields:
        name, kind = fld["name"], fld.get("type", "string")
        cons = fld.get("constraints", {})
        values = raw[name].astype(str)
        empty = values.str.strip() == ""
        present = ~empty

        def flag(mask: pd.Series, message: str, name: str = name) -> None:
            for row in mask[mask].index:
                problems.append(table.problem(row, name, message.format(value=raw.at[row, name])))

        if cons.get("required"):
            flag(empty, "missing required value")
        if fld.get("format") == "uri":
            parts = values.str.extract(r"^(?P<scheme>[a-z]+)://(?P<host>[^/\s]+)\S*$")
            flag(present & ~parts["scheme"].isin(["http", "https"]), "{value!r} is not a web address (http or https)")
        if kind == "integer":
            bad = present & ~values.str.fullmatch(_INTEGER.pattern)
            flag(bad, "{value!r} is not an integer")
            numbers = pd.to_numeric(values.where(present & ~bad), errors="coerce")
            if "minimum" in cons:
                low = numbers < cons["minimum"]
                flag(low, f"{{value}} is below the minimum {cons['minimum']}")
                numbers = numbers.where(~low)
            col = numbers.astype("Int64")
            out[name] = col.astype("int64") if cons.get("required") and not col.isna().any() else col
        elif kind == "date":
            parsed = pd.to_datetime(values.where(present), format="%Y-%m-%d", errors="coerce")
            bad = present & (parsed.isna() | ~values.str.fullmatch(_DATE.pattern))
            flag(bad, "{value!r} is not a date (YYYY-MM-DD)")
            out[name] = parsed.astype("datetime64[ns]")
        elif kind == "boolean":
            true, false = fld.get("trueValues", ["true"]), fld.get("falseValues", ["false"])
            bad = present & ~values.isin(true + false)
            flag(bad, f"{{value!r}} is not a boolean ({'/'.join(true + false)})")
            col = values.isin(true)
            out[name] = col if cons.get("required") and not bad.any() and present.all() \
                else col.astype("boolean").where(present & ~bad)
        else:
            if "pattern" in cons:
                flag(present & ~values.str.fullmatch(cons["pattern"]),
                     f"{{value!r}} does not match the pattern {cons['pattern']}")
            out[name] = values.where(present).astype("str")
        if "enum" in cons:
            allowed = cons["enum"]
            known = values.isin(allowed)
            flag(present & ~known, f"{{value!r}} is not one of: {', '.join(allowed)}")
            out[name] = pd.Categorical(values.where(known), categories=allowed)
        if cons.get("unique"):
            dup = present & values.duplicated(keep=False)
            flag(dup & values.duplicated(), "{value!r} is a duplicate; values must be unique")
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
            known = set(target.frame[ref_col].dropna().astype(str))
            bad = values.notna() & ~values.astype(str).isin(known)
            for row in bad[bad].index:
                problems.append(table.problem(
                    row, col, f"{values[row]!r} is not a known {ref_col} (see {target.path.name})"))
    return problems


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)
