"""datapackage.json itself: every malformed descriptor is a DataError that names the file, the
line and the place in it (``resources[3].path``), never a traceback, and never half used."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclaims as nc
from newsclaims import schema

from conftest import DATA

DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
ORDER = [r["name"] for r in DESCRIPTOR["resources"]]


def resource(pkg: dict, name: str) -> dict:
    return next(r for r in pkg["resources"] if r["name"] == name)


def field(pkg: dict, table: str, name: str) -> dict:
    return next(f for f in resource(pkg, table)["schema"]["fields"] if f["name"] == name)


def at(table: str, *rest: str) -> str:
    """The readable place of a resource's part: at("topics", "path") == "resources[3].path"."""
    return ".".join([f"resources[{ORDER.index(table)}]", *rest])


def fields_at(table: str, name: str) -> str:
    index = [f["name"] for f in resource(DESCRIPTOR, table)["schema"]["fields"]].index(name)
    return at(table, f"schema.fields[{index}]")


def set_in(pkg: dict, table: str, name: str, key: str, value) -> None:
    field(pkg, table, name)[key] = value


def constraint(table: str, name: str, key: str, value):
    return lambda pkg: field(pkg, table, name)["constraints"].__setitem__(key, value)


def pop(mapping_of, key: str):
    return lambda pkg: mapping_of(pkg).pop(key) and None


# (what is wrong, the change, the place the error must name, words it must say,
#  text on the line it names, when the line says something)
MALFORMED = [
    ("descriptor is a list", lambda pkg: [pkg], "the descriptor", "is not of type object", None),
    ("descriptor is a string", lambda pkg: "resources", "the descriptor", '"resources" is not of type object', None),
    ("resources is not a list", lambda pkg: pkg.update(resources={r["name"]: r for r in pkg["resources"]}),
     "resources", "is not of type array", '"resources"'),
    ("a resource is not an object", lambda pkg: pkg["resources"].__setitem__(2, "aliases.csv"),
     "resources[2]", '"aliases.csv" is not of type object', '"aliases.csv"'),
    ("path is missing", pop(lambda pkg: resource(pkg, "topics"), "path"), at("topics"), "'path' is missing", None),
    ("path is a list", lambda pkg: resource(pkg, "topics").update(path=["topics.csv"]),
     at("topics", "path"), '["topics.csv"] is not of type string', '"path"'),
    ("pattern is not a regular expression", constraint("topics", "topic_id", "pattern", "[a-z"),
     fields_at("topics", "topic_id") + ".constraints.pattern", "'[a-z' is not a valid regular expression",
     '"pattern": "[a-z"'),
    ("minimum is a string", constraint("statements", "start", "minimum", "0"),
     fields_at("statements", "start") + ".constraints.minimum", '"0" is not of type integer', '"minimum": "0"'),
    ("primary key names an unknown field", lambda pkg: resource(pkg, "actors")["schema"].update(primaryKey=["actor"]),
     at("actors", "schema.primaryKey[0]"), "'actor' is not a field of resource 'actors'", '"actor"'),
    ("foreign key names an unknown field",
     lambda pkg: resource(pkg, "aliases")["schema"]["foreignKeys"][0].update(fields=["actor"]),
     at("aliases", "schema.foreignKeys[0].fields[0]"), "'actor' is not a field of resource 'aliases'", '"actor"'),
    ("a field is not an object", lambda pkg: resource(pkg, "topics")["schema"]["fields"].__setitem__(1, "label"),
     at("topics", "schema.fields[1]"), '"label" is not of type object', '"label"'),
    ("a field has no name", pop(lambda pkg: field(pkg, "topics", "label"), "name"),
     fields_at("topics", "label"), "'name' is missing", None),
    ("enum is not a list", constraint("actors", "kind", "enum", "person"),
     fields_at("actors", "kind") + ".constraints.enum", '"person" is not of type array', '"enum": "person"'),
    ("constraints is not an object", lambda pkg: set_in(pkg, "topics", "label", "constraints", ["required"]),
     fields_at("topics", "label") + ".constraints", '["required"] is not of type object', '"constraints"'),
    ("two resources share a name", lambda pkg: pkg["resources"].append(copy.deepcopy(resource(pkg, "topics"))),
     f"resources[{len(ORDER)}].name", "'topics' is also the name of resources[3]", '"name": "topics"'),
]


def write(folder: Path, pkg) -> Path:
    path = folder / "datapackage.json"
    path.write_text(json.dumps(pkg, indent=2), encoding="utf-8")
    return path


def descriptor_error(folder: Path) -> nc.DataError:
    with pytest.raises(nc.DataError) as info:
        nc.load_corpus(folder)
    return info.value


@pytest.mark.parametrize("what, change, place, words, on_line", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_descriptor_names_the_place(data_copy, what, change, place, words, on_line):
    pkg = copy.deepcopy(DESCRIPTOR)
    changed = change(pkg)
    path = write(data_copy, pkg if changed is None else changed)
    error = descriptor_error(data_copy)
    hits = [p for p in error.problems if p.message.startswith(f"{place}: ") and words in p.message]
    assert hits, str(error)
    [p] = hits[:1]
    assert Path(p.path).name == "datapackage.json" and p.line is not None
    assert f"datapackage.json line {p.line}: {place}: " in str(error)
    if on_line:
        assert on_line in path.read_text(encoding="utf-8").splitlines()[p.line - 1]
    assert all(Path(q.path).name == "datapackage.json" for q in error.problems)


def test_a_key_given_twice_is_refused_not_overwritten(data_copy):
    path = data_copy / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    assert text.count('"path": "topics.csv",') == 1
    path.write_text(text.replace('"path": "topics.csv",', '"path": "topics.csv",\n      "path": "events.csv",'),
                    encoding="utf-8")
    [p] = descriptor_error(data_copy).problems
    assert p.message == f"{at('topics', 'path')}: key 'path' is given twice; only the last would count"
    assert '"path": "events.csv"' in path.read_text(encoding="utf-8").splitlines()[p.line - 1]


def test_a_foreign_key_to_an_unknown_field_of_another_resource(data_copy):
    pkg = copy.deepcopy(DESCRIPTOR)
    resource(pkg, "aliases")["schema"]["foreignKeys"][0]["reference"]["fields"] = ["id"]
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message == (f"{at('aliases', 'schema.foreignKeys[0].reference.fields[0]')}: "
                         "'id' is not a field of resource 'actors'")


@pytest.mark.parametrize("table, name, change, words", [
    ("events", "date", {"type": "string"}, "field 'date' must be of type date: the loader's own checks read it as one"),
    ("statements", "start", {"type": "date"}, "field 'start' must be of type integer"),
    ("articles", "text_file", {"type": "integer"}, "field 'text_file' must be of type string"),
])
def test_a_field_the_loader_reads_cannot_be_retyped(data_copy, table, name, change, words):
    pkg = copy.deepcopy(DESCRIPTOR)
    target = field(pkg, table, name)
    target.update(change)
    target.pop("constraints", None)
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message.startswith(f"{fields_at(table, name)}.type: {words}")


def test_a_field_the_loader_reads_cannot_be_left_out(data_copy):
    pkg = copy.deepcopy(DESCRIPTOR)
    resource(pkg, "statements")["schema"]["fields"].remove(field(pkg, "statements", "quote"))
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message == (f"{at('statements', 'schema.fields')}: resource 'statements' has no field 'quote', "
                         "which the loader's own checks read")


@pytest.mark.parametrize("path", ["/etc/passwd", "../../../../etc/passwd", "texts/../../outside.csv"])
def test_a_resource_path_outside_the_folder_is_refused_unread(data_copy, path):
    pkg = copy.deepcopy(DESCRIPTOR)
    resource(pkg, "topics")["path"] = path
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message.startswith(f"{at('topics', 'path')}: {json.dumps(path)} is not a path inside the data folder")


@pytest.mark.parametrize("text, words", [
    ("[" * 100_000 + "]" * 100_000, "datapackage.json: cannot be read: lists or objects nested too deeply"),
    ('{"resources": [], "x": ' + "1" * 5000 + "}", "datapackage.json: cannot be read: a number has thousands"),
    ('{"resources": [\n', "line 2: not valid JSON"),
])
def test_json_that_python_would_choke_on(data_copy, text, words):
    (data_copy / "datapackage.json").write_text(text, encoding="utf-8")
    assert words in str(descriptor_error(data_copy))


def test_a_descriptor_over_a_megabyte_is_not_read(data_copy):
    pkg = copy.deepcopy(DESCRIPTOR)
    pkg["description"] = "x" * (1 << 20)
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message == f"is {(data_copy / 'datapackage.json').stat().st_size:,} bytes, over the limit of 1,048,576"


# --- Regular expressions ------------------------------------------------------------------------

RUNAWAY = ["(a+)+$", "(a|aa)+b", "(a*)*", "([a-z]+_?)*", "(?:x|y+)+z", "(a{1,3}){2,}", "(.*a){20}x+(b|c+)+"]
SAFE = ["[a-z0-9_]+", "[a-z]{2,3}-[0-9]+", "(?:ab)+", "(a+)?b", "(ab){3}", "[A-Z][a-z]*(?:-[A-Z])?", "x|y"]


@pytest.mark.parametrize("pattern", RUNAWAY)
def test_a_pattern_that_could_run_away_is_refused_without_running_it(data_copy, pattern):
    pkg = copy.deepcopy(DESCRIPTOR)
    field(pkg, "topics", "topic_id")["constraints"]["pattern"] = pattern
    write(data_copy, pkg)
    [p] = descriptor_error(data_copy).problems
    assert p.message.startswith(f"{fields_at('topics', 'topic_id')}.constraints.pattern: {pattern!r} repeats a group")
    assert "exponential time" in p.message


@pytest.mark.parametrize("pattern", SAFE)
def test_plain_patterns_are_accepted(pattern):
    assert schema.pattern_problem(pattern) is None


@pytest.mark.parametrize("pattern, words", [("[a-z", "unterminated character set"), ("a{99999999999}", "too large"),
                                            ("a(?i)b", "global flags not at the start"), ("a**", "multiple repeat")])
def test_a_pattern_that_is_not_a_regular_expression(pattern, words):
    why = schema.pattern_problem(pattern)
    assert why.startswith(f"{pattern!r} is not a valid regular expression") and words in why


# --- Fuzzing ------------------------------------------------------------------------------------

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
JSON = st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids,
                                                                                       max_size=3), max_leaves=6)
TOKENS = st.sampled_from(["", "string", "integer", "date", "boolean", "number", "uri", "csv", "topics", "actors",
                          "topics.csv", "texts", "../x.csv", "/etc/passwd", "(a+)+", "[", "\\d{4}", "actor_id",
                          0, -1, 1, "0", 10**20, 2**63, True, [], {}, [""], ["x", "x"], {"fields": []}])


def places(node, where=()):
    yield where
    if isinstance(node, dict):
        for key, value in node.items():
            yield from places(value, where + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from places(value, where + (index,))


def mutate(pkg, where: tuple, how: str, new):
    """The descriptor with one node replaced, dropped, wrapped in a list or (for a key) renamed."""
    if not where:
        return [pkg] if how == "wrap" else new
    parent = pkg
    for step in where[:-1]:
        parent = parent[step]
    key = where[-1]
    if how == "replace":
        parent[key] = new
    elif how == "wrap":
        parent[key] = [parent[key]]
    elif how == "drop":
        del parent[key]
    elif isinstance(parent, dict):  # rename the key
        parent[new if isinstance(new, str) else str(new)] = parent.pop(key)
    return pkg


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("descriptor") / "data"
    shutil.copytree(DATA, target)
    return target


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), count=st.integers(1, 3))
def test_a_mutated_descriptor_loads_or_is_a_data_error(fuzz_folder, data, count):
    pkg = copy.deepcopy(DESCRIPTOR)
    for _ in range(count):
        everywhere = list(places(pkg))
        in_schemas = [p for p in everywhere if "schema" in p] or everywhere  # where most rules are
        where = data.draw(st.sampled_from(everywhere) | st.sampled_from(in_schemas), label="place")
        how = data.draw(st.sampled_from(["replace", "replace", "drop", "wrap", "rename"]), label="how")
        pkg = mutate(pkg, where, how, data.draw(JSON | TOKENS, label="new"))
    write(fuzz_folder, pkg)
    try:
        nc.load_corpus(fuzz_folder)
    except nc.DataError as error:
        assert error.problems
        assert all(p.path for p in error.problems)
