"""The coding workbench in JupyterLab in chromium: one statement coded end to end, kept after a reload.

The lab serves a copy of notebooks/ with $NEWSCLAIMS_DATA set to a copy of the data
folder holding a new article, added by new_article and chosen by $NEWSCLAIMS_ARTICLE;
the package's data/ is never written.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys

import pytest

from .conftest import ROOT, SCREENSHOTS, free_port, serve
from .test_lessons import run_all

pytestmark = pytest.mark.browser

NOTEBOOK = "teacher/code_an_article.ipynb"
ARTICLE = "bridge"
STORY = ("Riverton (Example News) The mayor of Riverton, Ana Ruiz, said on Monday that the old bridge would "
         "reopen in May.\n\n"
         '"We have fixed what was broken, and we have checked it twice," Ruiz said.\n\n'
         'Residents were not convinced. "It is still unsafe for children," said Ben Ode.\n')
QUOTE = '"We have fixed what was broken, and we have checked it twice,"'


@pytest.fixture(scope="module")
def coding_lab(tmp_path_factory):
    """JupyterLab on a copy of the data with a new article: (base url, token, data folder)."""
    from newsclaims.newarticle import new_article

    work = tmp_path_factory.mktemp("coding-lab")
    data = work / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns(".newsclaims.lock"))
    source = work / "bridge.txt"
    source.write_text(STORY, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSCLAIMS_WORK", str(work / "review"))
        new_article(source, ARTICLE, title="Bridge to reopen", outlet="Example News", author="A. Writer",
                    published="2026-05-06", url="https://example.org/bridge", rights="Invented for the tests.",
                    data=data)
    served = work / "notebooks"
    shutil.copytree(ROOT / "notebooks", served, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    env = dict(os.environ,
               JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_DATA_DIR=str(work / "jupyter-data"),
               JUPYTERLAB_SETTINGS_DIR=str(work / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
               NEWSCLAIMS_WORK=str(work / "student-work"), NEWSCLAIMS_DATA=str(data), NEWSCLAIMS_ARTICLE=ARTICLE)
    port, token = free_port(), secrets.token_hex(16)
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
               "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    with serve(command, env, f"{base}/api/status?token={token}", work / "lab.log"):
        yield base, token, data


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def no_errors(page) -> None:
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    assert "Error displaying widget" not in page.content()


def tab(page, title: str) -> None:
    page.locator(".lm-TabBar-tab", has_text=title).first.click()


def status(page, text: str) -> None:
    """Wait until the workbench's status line says this."""
    page.locator(".nc-wb-status", has_text=text).wait_for(timeout=30_000)


def test_one_statement_coded_through_the_workbench_is_kept_after_a_reload(coding_lab, page):
    import newsclaims as nc

    base, token, data = coding_lab
    before = (data / "statements.csv").read_bytes()
    run_all(page, base, token, NOTEBOOK)
    try:
        no_errors(page)
        panel = page.locator(".nc-wb-panel")
        panel.wait_for()
        assert "0 statements" in panel.inner_text()

        # the speaker, in the speaker tab
        tab(page, "Speaker")
        page.locator(".nc-wb-actor-name input").fill("Ana Ruiz")
        page.locator(".nc-wb-kind select").select_option("person")
        page.locator(".nc-wb-role input").fill("The mayor of Riverton")
        page.locator(".nc-wb-aliases input").fill("Ana Ruiz, Ruiz")
        page.locator(".nc-wb-save-actor").click()
        status(page, "Saved actor ana_ruiz")

        # the statement, by its words pasted from paragraph 2
        tab(page, "Statement")
        paragraph = page.locator(".nc-wb-paragraph input")
        paragraph.fill("2")
        paragraph.press("Enter")
        page.locator(".nc-wb-words textarea").fill(QUOTE)
        page.locator(".widget-html", has_text="found at").first.wait_for(timeout=30_000)
        assert page.locator(".nc-wb-speaker select").input_value() == "Ana Ruiz (person)"  # the new actor, picked
        assert page.locator(".nc-wb-form select").input_value() == "direct"  # suggested by the quotation marks
        page.locator(".nc-wb-cue input").fill("said")
        page.locator(".nc-wb-said-on input").fill("on Monday")
        page.locator(".widget-html", has_text="4 May 2026").first.wait_for(timeout=30_000)
        page.locator(".nc-wb-save-statement").click()
        status(page, "Saved statement bridge_s01")
        assert "1 statement, 0 positions" in panel.inner_text()
        shot(page, "workbench_statement_saved")
    finally:
        shot(page, "workbench")

    # on disk: the folder validates, and holds the statement with its exact span
    art = nc.load_article(ARTICLE, data_dir=data)
    s = art.statements.set_index("statement_id").loc["bridge_s01"]
    assert (s.actor_id, s.quote, s.paragraph, s.form, s.cue, s.said_on_basis) == (
        "ana_ruiz", QUOTE, 2, "direct", "said", "resolved")
    assert art.text[s.start:s.end] == QUOTE
    assert (data / "statements.csv").read_bytes().startswith(before.rstrip(b"\n"))
    assert nc.data.problems(data)[0].startswith(f"ok: {len(nc.list_articles(ROOT / 'data')) + 1} articles, ")

    # reload the page and run the notebook again: the statement is still there
    page.reload()
    run_all(page, base, token, NOTEBOOK)
    try:
        no_errors(page)
        panel = page.locator(".nc-wb-panel")
        assert "1 statement, 0 positions" in panel.inner_text()
        assert QUOTE in (page.locator(".nc-wb-coded").text_content() or "")
        assert "validate: ok" in panel.inner_text()
        candidates = page.locator(".nc-wb-candidate select").evaluate("s => [...s.options].map(o => o.text)")
        assert not [c for c in candidates if "We have fixed" in c]  # coded: no longer a candidate
    finally:
        shot(page, "workbench_after_reload")


def test_a_statement_edited_in_the_workbench_is_kept_after_a_reload(coding_lab, page):
    import newsclaims as nc

    base, token, data = coding_lab
    unsafe = '"It is still unsafe for children,"'
    if "ben_ode" not in set(nc.load_corpus(data).actors["actor_id"]):
        nc.bench.add_actor(data, ARTICLE, "Ben Ode", "person", aliases="Ben Ode")
    statement = nc.bench.add_statement(data, ARTICLE, 3, unsafe, actor_id="ben_ode", form="direct",
                                       cue="said")["statement_id"]
    note = "Checked in the browser: a warning, on no topic yet."
    others = [line for line in (data / "statements.csv").read_bytes().splitlines()
              if not line.startswith(statement.encode())]

    def choose_row() -> None:
        tab(page, "Edit or delete")
        page.locator(".nc-wb-edit-table select").select_option(label="Statements")
        row = page.locator(".nc-wb-edit-row option", has_text="still unsafe")
        row.wait_for(state="attached", timeout=30_000)  # the rows of the table chosen, sent by the kernel
        page.locator(".nc-wb-edit-row select").select_option(label=row.text_content())
        page.locator(".nc-wb-edit-note input").wait_for(timeout=30_000)

    run_all(page, base, token, NOTEBOOK)
    try:
        no_errors(page)
        choose_row()
        assert page.locator(".nc-wb-edit-quote textarea").input_value() == unsafe
        page.locator(".nc-wb-edit-note input").fill(note)
        page.locator(".nc-wb-edit-save").click()
        status(page, f"Saved the statement {statement}: note")
        shot(page, "workbench_statement_edited")
    finally:
        shot(page, "workbench_edit")

    # on disk: the folder validates, the statement has its note, every other row is as it was
    s = nc.load_article(ARTICLE, data_dir=data).statements.set_index("statement_id").loc[statement]
    assert (s.note, s.quote, s.actor_id) == (note, unsafe, "ben_ode")
    assert [line for line in (data / "statements.csv").read_bytes().splitlines()
            if not line.startswith(statement.encode())] == others
    assert nc.data.problems(data)[0].startswith(f"ok: {len(nc.list_articles(ROOT / 'data')) + 1} articles, ")

    # reload the page and run the notebook again: the edit is still there
    page.reload()
    run_all(page, base, token, NOTEBOOK)
    try:
        no_errors(page)
        choose_row()
        assert page.locator(".nc-wb-edit-note input").input_value() == note
        assert "validate: ok" in page.locator(".nc-wb-panel").inner_text()
    finally:
        shot(page, "workbench_edit_after_reload")
