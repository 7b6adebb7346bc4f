"""The committed notebooks: lesson structure, outputs, size, and running from anywhere.

Besides nbval's run on the package's data, each lesson is executed three times here, once
per kind of run (on a copy of the data with HTML in it, from another working
directory; on another article with two statements; and on a fresh article that
new-article added and nothing codes), and the tests that read a run share it.
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
        if row["article_id"] == ARTICLE:  # the doctored text is that article's
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


# --- A fresh article, as a teacher adds one: new-article, and nothing coded -----------------------

FRESH = """Harbourton (Valley Courier) The town council voted on Tuesday to close the old library on Mill Street \
and move its books to the school.

"We cannot heat a building that size any longer," said the council leader, Petra Olsen, after the vote. She \
said the move would save the town about 40,000 crowns a year.

Parents were less sure. "The school is already crowded, and the children need a quiet place to read," said \
Jonas Weber, who chairs the parents' association.

The librarian, Ida Marsh, told the Courier that the collection would be packed in March. She called the \
decision "a sad day for the town" but said the staff would stay.

The council will hold a public meeting next month to hear residents' views before the building is sold.

Olsen said the council had looked at every other option. Weber said parents would ask for the vote to be \
taken again.
"""  # invented for the tests: a short local story with a few quotes, naming no actor of the CNN article


@pytest.fixture(scope="module")
def fresh_data(tmp_path_factory) -> Path:
    """A copy of data/ to which ``python -m newsclaims new-article`` added the article ``fresh``."""
    import os
    import shutil
    import subprocess
    import sys

    from conftest import DATA

    base = tmp_path_factory.mktemp("fresh")
    shutil.copytree(DATA, base / "data")
    (base / "fresh.txt").write_text(FRESH, encoding="utf-8")
    env = {**os.environ, "NEWSCLAIMS_WORK": str(base / "work")}
    done = subprocess.run([sys.executable, "-m", "newsclaims", "new-article", str(base / "fresh.txt"), "--id", "fresh",
                           "--title", "Town to close its old library", "--outlet", "Valley Courier",
                           "--author", "A. Writer", "--published", "2026-03-03", "--url", "https://example.org/lib",
                           "--rights", "Invented for the tests.", "--data", str(base / "data")],
                          capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "fresh: 0 statements" in done.stdout
    return base / "data"


SECOND = "wikinews_turkey_libya_2020"  # the second article of data/, coded in full


def seed_words(besides: str | None = None) -> list[str]:
    """The CNN article's actors' names and aliases, those with a capital letter ("a readout" is any article's).

    With ``besides``, the names that article shares with the CNN article (the same actor, as
    the UN Security Council) are left out: they are that article's too.
    """
    import newsclaims as nc

    from conftest import ARTICLE, DATA

    def words(article_id: str) -> set[str]:
        art = nc.load_article(article_id, data_dir=DATA)
        return {*art.actors["name"], *art.aliases["alias"]}

    found = words(ARTICLE) - (words(besides) if besides else set())
    return sorted(w for w in found if any(ch.isupper() for ch in w))


# --- Each lesson executed once per kind of run, the run shared by the tests that read it ----------

@pytest.fixture(scope="module")
def executed(tmp_path_factory, doctored_data, mini_data, fresh_data):
    """``executed(run, path)``: the lesson executed once in this module, from a working directory of its own.

    ``"copy"``: on the copy of the data with HTML in it (``doctored_data``), chosen by
    $NEWSCLAIMS_DATA; ``"mini"``: on the article ``mini``, chosen by $NEWSCLAIMS_ARTICLE;
    ``"fresh"``: on the article ``fresh``, added by new-article and not coded at all;
    ``"second"``: on the package's own data, the second article chosen by $NEWSCLAIMS_ARTICLE.
    Returns the executed notebook and what the run left in its working directory.
    A run that fails fails every test that reads it, without running again.
    """
    runs: dict[tuple[str, str], tuple[nbformat.NotebookNode, list[str]] | Exception] = {}
    from conftest import DATA

    data = {"copy": doctored_data, "mini": mini_data, "fresh": fresh_data, "second": DATA}
    chosen = {"mini": "mini", "fresh": "fresh", "second": SECOND}

    def run(kind: str, path: Path) -> tuple[nbformat.NotebookNode, list[str]]:
        key = (kind, path.name)
        if key not in runs:
            here = tmp_path_factory.mktemp(f"{kind}-{path.stem}")
            work = tmp_path_factory.mktemp(f"{kind}-{path.stem}-work")
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("NEWSCLAIMS_DATA", str(data[kind]))
                patch.setenv("NEWSCLAIMS_WORK", str(work))
                if kind in chosen:
                    patch.setenv("NEWSCLAIMS_ARTICLE", chosen[kind])
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


def stderr(nb: nbformat.NotebookNode) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if o.output_type == "stream" and o.name == "stderr"]


@pytest.mark.parametrize("kind", ["fresh", "mini", "second"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_lesson_runs_on_another_article_and_names_nothing_of_the_cnn_article(executed, path, kind):
    nb, _ = executed(kind, path)
    assert not errors(nb)
    assert not stderr(nb)
    outputs = json.dumps([o for c in nb.cells if c.cell_type == "code" for o in c.outputs], ensure_ascii=False)
    if path.name.startswith("08_"):  # it compares the article with the folder's other one, the CNN article
        assert "Comparing" in outputs and "CNN" in outputs
        return
    words = seed_words(SECOND if kind == "second" else None)
    found = [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", outputs)]
    assert found == [], f"{path.name} on {kind!r} shows what belongs to the CNN article: {found}"


@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if p.name[:2] in {"00", "01", "02", "03", "04"}],
                         ids=lambda p: p.name)
def test_a_fresh_article_says_what_is_not_coded_yet(executed, path):
    nb, _ = executed("fresh", path)
    outputs = json.dumps([o for c in nb.cells if c.cell_type == "code" for o in c.outputs], ensure_ascii=False)
    assert "No statements coded yet" in outputs and "'fresh'" in outputs
    assert "nc.workbench(art)" in outputs
