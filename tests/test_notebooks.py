"""The committed notebooks: lesson structure, outputs, size, and running from anywhere.

Besides nbval's run on the package's data, each lesson is executed twice here, once
per kind of run (on a copy of the data with HTML in it, from another working
directory; and on another article), and the tests that read a run share it.
"""

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
    # a new headline: the frame's spans of the old one no longer apply (validate would refuse them)
    header, rows = read_rows(target / "frame.csv")
    write_rows(target / "frame.csv", header, [r for r in rows if r["source"] != "title"])
    header, rows = read_rows(target / "positions.csv")
    rows[0]["note"] = DANGEROUS["note"]
    write_rows(target / "positions.csv", header, rows)
    return target


@pytest.fixture(scope="module")
def doctored_data(tmp_path_factory):
    return doctored_folder(tmp_path_factory.mktemp("doctored") / "data")


# --- Each lesson executed once per kind of run, the run shared by the tests that read it ----------

@pytest.fixture(scope="module")
def executed(tmp_path_factory, doctored_data, mini_data):
    """``executed(run, path)``: the lesson executed once in this module, from a working directory of its own.

    ``"copy"``: on the copy of the data with HTML in it (``doctored_data``), chosen by
    $NEWSCLAIMS_DATA; ``"mini"``: on the article ``mini``, chosen by $NEWSCLAIMS_ARTICLE.
    Returns the executed notebook and what the run left in its working directory.
    A run that fails fails every test that reads it, without running again.
    """
    runs: dict[tuple[str, str], tuple[nbformat.NotebookNode, list[str]] | Exception] = {}
    data = {"copy": doctored_data, "mini": mini_data}

    def run(kind: str, path: Path) -> tuple[nbformat.NotebookNode, list[str]]:
        key = (kind, path.name)
        if key not in runs:
            here = tmp_path_factory.mktemp(f"{kind}-{path.stem}")
            work = tmp_path_factory.mktemp(f"{kind}-{path.stem}-work")
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("NEWSCLAIMS_DATA", str(data[kind]))
                patch.setenv("NEWSCLAIMS_WORK", str(work))
                if kind == "mini":
                    patch.setenv("NEWSCLAIMS_ARTICLE", "mini")
                else:
                    patch.delenv("NEWSCLAIMS_ARTICLE", raising=False)
                nb = nbformat.read(path, as_version=4)
                try:
                    NotebookClient(nb, timeout=180, kernel_name="python3",
                                   resources={"metadata": {"path": str(here)}}).execute()
                except Exception as error:  # kept, and raised for each test that reads the run
                    runs[key] = error
                else:
                    runs[key] = (nb, sorted(p.name for p in here.iterdir()))
        found = runs[key]
        if isinstance(found, Exception):
            raise found
        return found

    return run


def errors(nb: nbformat.NotebookNode) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_runs_from_another_working_directory_and_writes_nothing_there(executed, path):
    nb, left = executed("copy", path)
    assert not errors(nb)
    assert left == []


@pytest.mark.filterwarnings("ignore:Your element with mimetype:UserWarning")  # plotly JSON has no HTML form
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_lessons_run_on_a_chosen_copy_and_export_safe_html(executed, path):
    from nbconvert import HTMLExporter

    nb, _ = executed("copy", path)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    if path.name.startswith("00_"):  # the lesson reads the copy chosen by NEWSCLAIMS_DATA
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_runs_on_another_article_chosen_by_id(executed, path):
    nb, _ = executed("mini", path)
    assert not errors(nb)
    if path.name.startswith("00_"):
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert "Ferry to run again" in json.dumps(outputs)
