"""The committed notebooks: lesson structure, outputs, size, and running from anywhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_small_and_without_errors(path):
    assert path.stat().st_size < 1_000_000
    code = [c for c in cells(path) if c["cell_type"] == "code"]
    assert all(c["execution_count"] is not None for c in code)
    outputs = [o for c in code for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert not [o for o in outputs if o["output_type"] == "stream" and o["name"] == "stderr"]
    # plotly's own JSON mimetype, never plotly.js embedded in HTML
    html = " ".join("".join(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "plotly" not in html.lower()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_header(path):
    head = source(cells(path)[0])
    for field in ("What you will learn", "Time", "Prerequisites", "Data used", "Libraries"):
        assert f"**{field}**" in head, field


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_exercises_with_hidden_answers_and_a_next_link(path):
    text = [source(c) for c in cells(path) if c["cell_type"] == "markdown"]
    number = path.name[:2]
    exercises = [t for t in text if re.search(rf"\*\*Exercise {int(number)}\.\d+\.\*\*", t)]
    answers = [t for t in text if t.startswith("<details><summary>Show answer</summary>")]
    assert len(exercises) >= 3 and len(answers) == len(exercises)
    links = re.findall(r"\]\((\d\d_[a-z_]+\.ipynb)\)", text[-1])
    assert links and all((path.parent / link).exists() for link in links)


def test_a_lesson_runs_from_another_working_directory(tmp_path):
    nb = nbformat.read(LESSONS[0], as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert list(tmp_path.iterdir()) == []  # and writes nothing there
