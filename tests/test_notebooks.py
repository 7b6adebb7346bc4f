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


# --- Lessons against a copy of the data, with HTML in it ------------------------------------

def doctored_folder(target: Path) -> Path:
    """A copy of data/ with HTML in a quote, an actor's name, a topic label and a note."""
    import shutil

    from conftest import ARTICLE, DANGEROUS, DATA, read_rows, set_value, write_rows

    shutil.copytree(DATA, target)
    text_path = target / "texts" / f"{ARTICLE}.txt"
    old, new = DANGEROUS["text"]
    text = text_path.read_text(encoding="utf-8").replace(old, new)
    text_path.write_text(text, encoding="utf-8")
    header, rows = read_rows(target / "statements.csv")
    for row in rows:
        row["quote"] = text[int(row["start"]):int(row["end"])]
    write_rows(target / "statements.csv", header, rows)
    set_value(target / "actors.csv", "actor_id", "wang_yi", "name", DANGEROUS["name"])
    set_value(target / "topics.csv", "topic_id", "nato_enlargement", "label", DANGEROUS["label"])
    set_value(target / "articles.csv", "article_id", ARTICLE, "title", "A copy <b>of</b> the article")
    header, rows = read_rows(target / "positions.csv")
    rows[0]["note"] = DANGEROUS["note"]
    write_rows(target / "positions.csv", header, rows)
    return target


@pytest.fixture(scope="module")
def doctored_data(tmp_path_factory):
    return doctored_folder(tmp_path_factory.mktemp("doctored") / "data")


@pytest.mark.filterwarnings("ignore:Your element with mimetype:UserWarning")  # plotly JSON has no HTML form
@pytest.mark.parametrize("name", ["00_start_here.ipynb", "01_the_article.ipynb", "04_positions.ipynb"])
def test_lessons_run_on_a_chosen_copy_and_export_safe_html(doctored_data, tmp_path, monkeypatch, name):
    from nbconvert import HTMLExporter

    monkeypatch.setenv("NEWSCLAIMS_DATA", str(doctored_data))
    nb = nbformat.read(NOTEBOOKS[[p.name for p in NOTEBOOKS].index(name)], as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if name.startswith("00_"):  # the lesson reads the copy chosen by NEWSCLAIMS_DATA
        assert "A copy <b>of</b> the article" in json.dumps(outputs)
    html, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    # Widget state is JSON inside a script block; a label there is shown as text by the widget.
    # It must not be able to close its block; everywhere else, data must be escaped.
    state = re.compile(r'<script type="application/vnd.jupyter.widget-state\+json">(.*?)</script>', re.S)
    for block in state.findall(html):
        assert "</script" not in block.lower()
    page = state.sub("", html)
    for raw in ("<img src=x onerror=1>", "<script>alert", "<b>friends</b>", "A copy <b>of</b>"):
        assert raw not in page, raw
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_lesson_runs_from_another_working_directory(tmp_path, monkeypatch, path):
    monkeypatch.chdir(tmp_path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


@pytest.mark.filterwarnings("ignore:Your element with mimetype:UserWarning")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_runs_on_another_article_chosen_by_id(mini_data, tmp_path, monkeypatch, path):
    monkeypatch.setenv("NEWSCLAIMS_DATA", str(mini_data))
    monkeypatch.setenv("NEWSCLAIMS_ARTICLE", "mini")
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path / "work"))
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    if path.name.startswith("00_"):
        assert "Ferry to run again" in json.dumps(outputs)
