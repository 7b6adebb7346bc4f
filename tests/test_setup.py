"""The lock: requirements.txt pins every package exactly and agrees with requirements.in and pyproject.toml.

requirements.in names the packages chosen by hand, with the reasons; `make lock` compiles it into
requirements.txt. These tests read the files only: they need no network and install nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
EDITABLE = "-e ."


def requirement_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) for every line that is neither blank nor a comment."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text = line.split(" #", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if text:
            out.append((number, text))
    return out


def locked() -> dict[str, list[Requirement]]:
    """Each package in requirements.txt, by its normalised name (more than one entry when markers differ)."""
    out: dict[str, list[Requirement]] = {}
    for _, text in requirement_lines(ROOT / "requirements.txt"):
        if text != EDITABLE:
            req = Requirement(text)
            out.setdefault(canonicalize_name(req.name), []).append(req)
    return out


def pinned_version(req: Requirement) -> str | None:
    """The version of an exact pin (name==version), else None."""
    specs = list(req.specifier)
    if len(specs) == 1 and specs[0].operator == "==" and "*" not in specs[0].version:
        return specs[0].version
    return None


def test_every_locked_line_is_an_exact_pin():
    bad = []
    for number, text in requirement_lines(ROOT / "requirements.txt"):
        if text == EDITABLE:
            continue
        try:
            req = Requirement(text)
        except InvalidRequirement as error:
            bad.append(f"requirements.txt line {number}: {text!r} is not a requirement ({error})")
            continue
        if pinned_version(req) is None or req.url or req.extras:
            bad.append(f"requirements.txt line {number}: {text!r} is not one exact pin (name==version)")
    assert not bad, "\n".join(bad)


def test_the_lock_ends_by_installing_the_library_editable():
    lines = [text for _, text in requirement_lines(ROOT / "requirements.txt")]
    assert lines.count(EDITABLE) == 1, "requirements.txt must install the library once, with `-e .`"
    assert lines[-1] == EDITABLE, "the last requirement of requirements.txt must be `-e .` (compile it with make lock)"
    assert "newsclaims" not in locked(), "the library is installed from lib/ by `-e .`, not pinned from an index"


def test_every_package_in_the_lock_is_pinned_once_per_platform():
    twice = {name: [str(r) for r in reqs] for name, reqs in locked().items()
             if len(reqs) > 1 and any(r.marker is None for r in reqs)}
    assert not twice, f"pinned twice without markers to choose between the pins: {twice}"


@pytest.mark.parametrize("source", ["requirements.in", "pyproject.toml"])
def test_the_lock_holds_every_package_chosen_by_hand(source):
    lock = locked()
    if source == "requirements.in":
        lines = [text for _, text in requirement_lines(ROOT / source)]
        assert EDITABLE in lines, "requirements.in must install the library with `-e .`"
        chosen = [Requirement(text) for text in lines if text != EDITABLE]
    else:
        chosen = [Requirement(text) for text in
                  tomllib.loads((ROOT / source).read_text(encoding="utf-8"))["project"]["dependencies"]]
    problems = []
    for req in chosen:
        entries = lock.get(canonicalize_name(req.name))
        if not entries:
            problems.append(f"{source}: {req.name} is not in requirements.txt (run make lock)")
            continue
        for entry in entries:
            version = pinned_version(entry)
            if version is None or not req.specifier.contains(version, prereleases=True):
                problems.append(f"{source} asks for {req}, requirements.txt has {entry} (run make lock)")
    assert not problems, "\n".join(problems)
