"""The coding workbench: every save checked by the loader's own checks, written through the one path, undone.

Each save is followed by a reload (``load_corpus``) that shows the data valid and as
expected; a save that would break the data is refused, and the folder is byte for
byte as it was. Completeness is counted by hand on the seed article and on a new one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import bench as wb
from newsclaims import data
from newsclaims.__main__ import main
from newsclaims.bench import (
    InUse,
    Workbench,
    accept_candidate,
    add_actor,
    add_event,
    add_position,
    add_statement,
    add_topic,
    candidates,
    delete_actor,
    delete_event,
    delete_position,
    delete_statement,
    delete_topic,
    edit_actor,
    edit_event,
    edit_position,
    edit_statement,
    edit_topic,
    reject_candidate,
    rejected,
    resolve_date,
    restore_candidate,
    suggest_form,
    undo,
)
from newsclaims.newarticle import new_article

from conftest import ARTICLE, DATA, read_rows

STORY = ("Riverton (Example News) The mayor of Riverton, Ana Ruiz, said on Monday that the old bridge would "
         "reopen in May.\n\n"
         '"We have fixed what was broken, and we have checked it twice," Ruiz said.\n\n'
         'Residents were not convinced. "It is still unsafe for children," said Ben Ode, who leads the residents\' '
         "association.\n\n"
         "The council voted on April 28 to spend more on repairs, according to the council's minutes.\n")
NEW = "bridge"
PUBLISHED = "2026-05-06"  # a Wednesday


@pytest.fixture
def folder(data_copy: Path, tmp_path: Path, monkeypatch) -> Path:
    """A copy of data/ with a new article, 'bridge', added by new_article and nothing coded."""
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path / "work"))
    source = tmp_path / "bridge.txt"
    source.write_text(STORY, encoding="utf-8")
    new_article(source, NEW, title="Bridge to reopen", outlet="Example News", author="A. Writer",
                published=PUBLISHED, url="https://example.org/bridge", rights="Invented for the tests.",
                data=data_copy)
    wb._HISTORY.clear()
    yield data_copy
    wb._HISTORY.clear()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, by its path in it (the lock file left out)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != nc.files.LOCK_NAME}


def reload(folder: Path, article_id: str = NEW) -> nc.Article:
    """The article read again from the folder: the folder is valid, or this raises."""
    return nc.load_article(article_id, data_dir=folder)


def firm(folder: Path) -> dict[str, str]:
    """What a firm stance needs besides: a basis, the first of its enum, where the folder's positions have one."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = next(r for r in descriptor["resources"] if r["name"] == "positions")["schema"]["fields"]
    spec = next((f for f in fields if f["name"] == "basis"), None)
    return {"basis": spec["constraints"]["enum"][0]} if spec else {}


def ruiz(folder: Path, **more) -> dict[str, str]:
    return add_actor(folder, NEW, "Ana Ruiz", "person", role="The mayor of Riverton", represents="",
                     aliases="Ana Ruiz, Ruiz", **more)


# --- Dates and forms ---------------------------------------------------------------------------

@pytest.mark.parametrize("words, date, precision, basis", [
    ("on Monday", "2026-05-04", "day", "resolved"),
    ("on Wednesday", PUBLISHED, "day", "resolved"),  # the day of publication is on or before it
    ("Thursday's meeting", "2026-04-30", "day", "resolved"),
    ("April 28", "2026-04-28", "day", "resolved"),
    ("on 3 May", "2026-05-03", "day", "resolved"),
    ("the November 27 deal", "2025-11-27", "day", "resolved"),  # a month and day after publication: last year's
    ("on 6 May", PUBLISHED, "day", "resolved"),  # the day of publication itself
    ("February 29", "2024-02-29", "day", "resolved"),  # the last 29 February before publication
    ("February 4, 2022", "2022-02-04", "day", "stated"),
    ("4 February 2022", "2022-02-04", "day", "stated"),
    ("2025-12-31", "2025-12-31", "day", "stated"),
    ("in March 2024", "2024-03-01", "month", "stated"),
    ("in 2014", "2014-01-01", "year", "stated"),
    ("yesterday", "2026-05-05", "day", "resolved"),
    ("for weeks", None, None, None),
    ("earlier", None, None, None),
    ("February 30", None, None, None),
])
def test_date_words_resolve_against_publication(words, date, precision, basis):
    reading = resolve_date(words, pd.Timestamp(PUBLISHED))
    assert (reading.date, reading.precision, reading.basis) == (
        dt.date.fromisoformat(date) if date else None, precision, basis), reading.how


def test_every_dated_statement_and_event_of_the_seed_article_resolves_as_coded(art):
    published = art.meta["published"]
    for s in art.statements.dropna(subset=["said_on_text"]).itertuples():
        reading = resolve_date(s.said_on_text, published)
        coded = s.said_on.date() if pd.notna(s.said_on) else None
        assert (reading.date, reading.basis) == (coded, s.said_on_basis if pd.notna(s.said_on_basis) else None), \
            s.statement_id
    for e in art.events.dropna(subset=["date_text"]).itertuples():
        reading = resolve_date(e.date_text, published)
        assert (reading.date, reading.precision, reading.basis) == (e.date.date(), e.date_precision, e.date_basis)


def test_form_suggested_by_the_quotation_marks():
    assert suggest_form('"It is still unsafe for children,"') == "direct"
    assert suggest_form("all concerns should be treated on the “basis of equality.”") == "partial"
    assert suggest_form("the old bridge would reopen in May") == "paraphrase"
    assert suggest_form("  ") == ""


VALUES = [(wb.DAY, "events", "date_precision"), (wb.MONTH, "events", "date_precision"),
          (wb.YEAR, "events", "date_precision"), (wb.STATED, "statements", "said_on_basis"),
          (wb.RESOLVED, "statements", "said_on_basis"), (wb.STATED, "events", "date_basis"),
          (wb.RESOLVED, "events", "date_basis"), (wb.INFERRED, "events", "date_basis"),
          (wb.DIRECT, "statements", "form"), (wb.PARTIAL, "statements", "form"),
          (wb.PARAPHRASE, "statements", "form"), (data.PERSON, "actors", "kind")]


@pytest.mark.parametrize("value, table, field", VALUES)
def test_values_named_in_code_are_in_the_vocabulary(value, table, field):
    assert value in data.vocabulary(table, field), f"{value!r} is no longer in {table}.{field}'s enum"


# --- The functions, one save each --------------------------------------------------------------

def test_an_actor_with_aliases_is_one_save(folder):
    ruiz(folder)
    art = reload(folder)
    row = art.actors.set_index("actor_id").loc["ana_ruiz"]
    assert (row["name"], row["kind"], row["role"]) == ("Ana Ruiz", "person", "The mayor of Riverton")
    assert sorted(art.aliases.loc[art.aliases["actor_id"] == "ana_ruiz", "alias"]) == ["Ana Ruiz", "Ruiz"]
    assert set(art.mentions["actor_id"]) == {"ana_ruiz"}
    assert wb.history(folder) == ["actor ana_ruiz with aliases Ana Ruiz, Ruiz"]


def test_accept_a_candidate_then_add_a_statement_by_its_words(folder):
    ruiz(folder)
    found = candidates(reload(folder))
    quote = '"We have fixed what was broken, and we have checked it twice,"'
    candidate = found[found["quote"] == quote].iloc[0].to_dict()
    assert candidate["actor_id"] == "ana_ruiz"
    row = accept_candidate(folder, NEW, candidate)
    art = reload(folder)
    s = art.statements.set_index("statement_id").loc[row["statement_id"]]
    assert row["statement_id"] == "bridge_s01"
    assert (s.actor_id, s.quote, s.paragraph, s.form, s.cue) == ("ana_ruiz", quote, 2, "direct", "said")
    assert art.text[s.start:s.end] == quote
    assert quote not in set(candidates(art)["quote"])  # coded: no longer a candidate

    row = add_statement(folder, NEW, 1, "  the old bridge would reopen in May ", actor_id="ana_ruiz",
                        form="paraphrase", cue="said", said_on_text="on Monday", setting="a press conference")
    art = reload(folder)
    s = art.statements.set_index("statement_id").loc[row["statement_id"]]
    assert row["statement_id"] == "bridge_s02"
    assert art.text[s.start:s.end] == s.quote == "the old bridge would reopen in May"
    assert (s.said_on, s.said_on_basis, s.said_on_text) == (pd.Timestamp("2026-05-04"), "resolved", "on Monday")
    assert "on Monday that the old bridge would reopen in May" not in set(candidates(art)["quote"])


def test_a_candidate_edited_before_it_is_accepted(folder):
    ruiz(folder)
    candidate = candidates(reload(folder)).iloc[0].to_dict()
    # the extractor leaves the time before "that" out of the claim ("said on Monday that ..."); the date is the
    # coder's to add, and the words are edited here to a shorter span
    assert candidate["quote"] == "the old bridge would reopen in May"
    row = accept_candidate(folder, NEW, candidate, words="the old bridge would reopen", said_on_text="on Monday")
    assert (row["quote"], row["form"], row["cue"], row["said_on"]) == (
        "the old bridge would reopen", "paraphrase", "said", "2026-05-04")
    assert len(reload(folder).statements) == 1


def test_a_topic_a_position_and_an_event(folder):
    ruiz(folder)
    statement = add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz",
                              form="paraphrase", cue="said")["statement_id"]
    add_topic(folder, "Reopening the bridge", "Should the old bridge reopen?", description="Its reopening in May.")
    add_position(folder, statement, "reopening_the_bridge", "support", note="She says it will reopen.", **firm(folder))
    add_event(folder, NEW, 4, "Council votes on repairs", "ana_ruiz", date_words="April 28",
              note="The council, not the mayor; the tests need an actor.")
    art = reload(folder)
    assert art.topics.set_index("topic_id").loc["reopening_the_bridge", "question"] == "Should the old bridge reopen?"
    p = art.positions.iloc[0]
    assert (p.statement_id, p.topic_id, p.holder_id, p.stance, p.hedged) == (
        statement, "reopening_the_bridge", "ana_ruiz", "support", False)
    e = art.events.iloc[0]
    assert (e.event_id, e.date, e.date_precision, e.date_basis, e.paragraph) == (
        "bridge_e01", pd.Timestamp("2026-04-28"), "day", "resolved", 4)


def test_undo_writes_back_the_bytes_each_save_replaced(folder):
    before = snapshot(folder)
    ruiz(folder)
    after_actor = snapshot(folder)
    statement = add_statement(folder, NEW, 2, '"We have fixed what was broken, and we have checked it twice,"',
                              actor_id="ana_ruiz", form="direct", cue="said")["statement_id"]
    add_topic(folder, "Reopening the bridge", "Should the old bridge reopen?")
    after_topic = snapshot(folder)
    add_position(folder, statement, "reopening_the_bridge", "support", hedged=True, note="Fixed and checked.",
                 **firm(folder))
    assert len(reload(folder).positions) == 1

    assert undo(folder) == f"position of {statement} on reopening_the_bridge (ana_ruiz: support)"
    assert snapshot(folder) == after_topic
    assert reload(folder).positions.empty
    undo(folder)
    undo(folder)
    assert snapshot(folder) == after_actor
    assert reload(folder).statements.empty
    assert undo(folder).startswith("actor ana_ruiz")  # the actor and its aliases: one save, one undo
    assert snapshot(folder) == before
    with pytest.raises(ValueError, match="nothing to undo"):
        undo(folder)


def test_undo_is_refused_when_the_file_changed_since(folder):
    ruiz(folder)
    add_topic(folder, "Reopening the bridge", "Should the old bridge reopen?")
    path = folder / "topics.csv"
    path.write_bytes(path.read_bytes() + b"other,Other,Is it other?,\n")
    changed = snapshot(folder)
    with pytest.raises(ValueError, match="topics.csv changed after the save"):
        undo(folder)
    assert snapshot(folder) == changed


def test_undo_is_refused_when_it_would_leave_a_position_without_its_statement(folder):
    ruiz(folder)
    statement = add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz",
                              form="paraphrase", cue="said")["statement_id"]
    add_position(folder, statement, "peaceful_means", "support", note="Saved in another window.", **firm(folder))
    wb._HISTORY[folder.resolve()].pop()  # as if: this session's last save is the statement
    kept = snapshot(folder)
    with pytest.raises(nc.DataError) as caught:
        undo(folder)
    assert [(Path(p.path).name, p.column) for p in caught.value.problems] == [("positions.csv", "statement_id")]
    assert snapshot(folder) == kept
    assert wb.history(folder)[-1].startswith(f"statement {statement}")  # still there to undo


# --- Refused saves leave the folder as it was ----------------------------------------------------

def test_a_position_with_an_unknown_topic_is_refused_with_file_line_and_column(folder):
    ruiz(folder)
    statement = add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz",
                              form="paraphrase", cue="said")["statement_id"]
    before = snapshot(folder)
    line = before["positions.csv"].count(b"\n") + 1
    with pytest.raises(nc.DataError) as caught:
        add_position(folder, statement, "no_such_topic", "support", note="Refused.", **firm(folder))
    assert [str(p).split("positions.csv", 1)[1] for p in caught.value.problems] == [
        f" line {line}, column topic_id: 'no_such_topic' is not a known topic_id (see topics.csv)"]
    assert snapshot(folder) == before
    assert wb.history(folder)[-1].startswith("statement")  # nothing remembered for undo


@pytest.mark.parametrize("words, message", [
    ("the new bridge would reopen in May", "not in this paragraph"),
    ("", "not in this paragraph"),
    ("e", "more than once"),
])
def test_a_statement_whose_words_are_not_in_the_paragraph_is_refused(folder, words, message):
    ruiz(folder)
    before = snapshot(folder)
    with pytest.raises(ValueError, match=message):
        add_statement(folder, NEW, 1, words, actor_id="ana_ruiz", form="paraphrase")
    assert snapshot(folder) == before


@pytest.mark.parametrize("change, column", [
    ({"actor_id": "nobody"}, "actor_id"),
    ({"form": "quotation"}, "form"),
    ({"cue": "declared"}, "cue"),
    ({"said_on_text": "on Sunday"}, "said_on_text"),
])
def test_a_statement_the_loader_would_refuse_is_refused(folder, change, column):
    ruiz(folder)
    before = snapshot(folder)
    given = {"actor_id": "ana_ruiz", "form": "paraphrase", "cue": "said"} | change
    with pytest.raises(nc.DataError) as caught:
        add_statement(folder, NEW, 1, "the old bridge would reopen in May", **given)
    line = before["statements.csv"].count(b"\n") + 1  # the new row's
    assert [(Path(p.path).name, p.line, p.column) for p in caught.value.problems] == [("statements.csv", line, column)]
    assert snapshot(folder) == before


def test_a_span_coded_twice_is_refused(folder):
    ruiz(folder)
    add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz", form="paraphrase")
    before = snapshot(folder)
    with pytest.raises(nc.DataError, match="coded twice"):
        add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz", form="paraphrase")
    assert snapshot(folder) == before


def test_actors_and_topics_refused_before_anything_is_written(folder):
    before = snapshot(folder)
    with pytest.raises(ValueError, match="'Mayor Ruiz' is not in the text"):
        add_actor(folder, NEW, "Ana Ruiz", "person", aliases="Ana Ruiz, Mayor Ruiz")
    with pytest.raises(ValueError, match="'ruiz' is not in the text"):  # case counts
        add_actor(folder, NEW, "Ana Ruiz", "person", aliases="ruiz")
    with pytest.raises(ValueError, match="already an actor 'china'"):
        add_actor(folder, NEW, "China", "state")
    line = before["actors.csv"].count(b"\n") + 1  # the new row's
    with pytest.raises(nc.DataError, match=f"actors.csv line {line}, column kind"):
        add_actor(folder, NEW, "Ana Ruiz", "mayor", aliases="Ana Ruiz")
    with pytest.raises(nc.DataError, match="column represents"):
        add_actor(folder, NEW, "Ana Ruiz", "person", represents="riverton")
    with pytest.raises(ValueError, match="yes/no question"):
        add_topic(folder, "Bridge", "The bridge.")
    with pytest.raises(ValueError, match="already a topic 'sovereignty'"):
        add_topic(folder, "Sovereignty", "Is it?")
    assert snapshot(folder) == before


def test_an_alias_another_actor_has_is_refused(folder):
    ruiz(folder)
    before = snapshot(folder)
    with pytest.raises(nc.DataError, match="aliases.csv line"):
        add_actor(folder, NEW, "Another Ruiz", "person", aliases="Ruiz")
    assert snapshot(folder) == before


def test_a_folder_that_is_not_valid_takes_no_save(folder):
    bench = Workbench(NEW, folder)
    path = folder / "events.csv"
    path.write_bytes(path.read_bytes().replace(b",2014-01-01,year,", b",2014-01-02,year,", 1))
    before = snapshot(folder)
    with pytest.raises(nc.DataError) as caught:
        ruiz(folder)
    assert "nothing can be saved until they are" in str(caught.value.problems[0])
    assert [p.column for p in caught.value.problems[1:]] == ["date"]
    bench.actor_name.value, bench.kind.value = "Ana Ruiz", "person"
    bench.save_actor()
    assert "nothing can be saved" in bench.status.value and "events.csv line 2, column date" in bench.status.value
    assert "validate: 1 problem" in bench.panel.value  # the panel says so too
    assert snapshot(folder) == before


def test_a_crlf_table_keeps_its_bytes_and_its_line_endings(folder):
    path = folder / "actors.csv"
    old = path.read_bytes().replace(b"\n", b"\r\n")
    path.write_bytes(old)
    ruiz(folder)
    new = path.read_bytes()
    assert new.startswith(old) and new[len(old):].endswith(b"\r\n") and b"\n" not in new[len(old):].replace(
        b"\r\n", b"")
    assert "ana_ruiz" in set(reload(folder).actors["actor_id"])


def test_a_field_the_descriptor_adds_to_positions_is_asked_and_written(folder):
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    positions = next(r for r in descriptor["resources"] if r["name"] == "positions")
    fields = positions["schema"]["fields"]
    if not any(f["name"] == "basis" for f in fields):  # added here when this folder's descriptor lacks it
        fields.insert(len(fields) - 1, {"name": "basis", "type": "string",
                                        "constraints": {"enum": ["stated", "implied", "inferred"]}})
        path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
        header, rows = data.read_rows(folder / "positions.csv")
        data.write_rows(folder / "positions.csv", [*header[:-1], "basis", header[-1]], rows)
    bench = Workbench(NEW, folder)
    assert "basis" in bench.extra
    assert [v for _, v in bench.extra["basis"].options][1:] == \
        next(f for f in fields if f["name"] == "basis")["constraints"]["enum"]
    ruiz(folder)
    statement = add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz",
                              form="paraphrase", cue="said")["statement_id"]
    add_position(folder, statement, "peaceful_means", "support", hedged=True, basis="implied", note="For the test.")
    assert reload(folder).positions.iloc[0]["basis"] == "implied"
    with pytest.raises(ValueError, match="no column 'strength'"):
        add_position(folder, statement, "sovereignty", "support", strength="high", note="For the test.")


# --- The widget, driven as a teacher would -------------------------------------------------------

def test_the_workbench_codes_an_article_end_to_end(folder):
    bench = nc.workbench(NEW, folder)
    assert bench.tabs.titles == Workbench.TITLES
    assert "0 statements" in bench.panel.value and "no statements" in bench.panel.value

    # a candidate with no known speaker is refused, and says what to do
    before = snapshot(folder)
    bench.accept()
    assert "no known speaker" in bench.status.value and "color:#c00000" in bench.status.value
    assert snapshot(folder) == before

    # the speaker, created in the speaker tab
    bench.actor_name.value = "Ana Ruiz"
    bench.kind.value = "person"
    bench.role.value = "The mayor of Riverton"
    bench.aliases.value = "Ana Ruiz, Ruiz"
    bench.save_actor()
    assert "Saved actor ana_ruiz" in bench.status.value
    assert "ana_ruiz" in set(reload(folder).actors["actor_id"])
    assert bench.speaker.value == "ana_ruiz"  # picked for the next statement

    # accept the candidate the extractor now gives to her
    labels = [label for label, _ in bench.candidate.options]
    bench.candidate.value = next(v for label, v in bench.candidate.options if "We have fixed" in label)
    bench.accept()
    assert "Saved statement bridge_s01" in bench.status.value, bench.status.value
    assert len(bench.candidate.options) == len(labels) - 1
    assert reload(folder).statements["quote"].tolist() == [
        '"We have fixed what was broken, and we have checked it twice,"']

    # a statement by pasted words
    bench.tabs.selected_index = 1
    bench.paragraph.value = 1
    bench.words.value = "the old bridge would reopen in May"
    assert bench.form.value == "paraphrase"  # suggested by the words
    assert "found at" in bench.paragraph_view.value
    bench.cue.value = "said"
    bench.said_on_text.value = "on Monday"
    assert "4 May 2026" in bench.said_on_view.value
    bench.save_statement()
    assert "Saved statement bridge_s02" in bench.status.value, bench.status.value
    s = reload(folder).statements.set_index("statement_id").loc["bridge_s02"]
    assert (s.quote, s.said_on, s.said_on_basis) == ("the old bridge would reopen in May",
                                                     pd.Timestamp("2026-05-04"), "resolved")
    assert bench.words.value == "" and bench.statement.value == "bridge_s02"

    # a topic, then a position on it
    bench.topic_label.value = "Reopening the bridge"
    bench.question.value = "Should the old bridge reopen?"
    bench.save_topic()
    assert bench.topic.value == "reopening_the_bridge"
    assert "Should the old bridge reopen?" in bench.question_view.value
    bench.stance.value = "support"
    for box in bench.extra.values():  # a field the descriptor adds (a basis) gets its first value
        box.value = box.options[1][1] if hasattr(box, "options") else "x"
    bench.position_note.value = "She says it will reopen in May."
    bench.save_position()
    assert "Saved the position of bridge_s02 on reopening_the_bridge" in bench.status.value, bench.status.value
    positions = reload(folder).positions
    assert positions[["statement_id", "topic_id", "holder_id", "stance"]].values.tolist() == [
        ["bridge_s02", "reopening_the_bridge", "ana_ruiz", "support"]]
    assert "2 statements, 1 position, 0 events" in bench.panel.value

    # undo the position
    bench.undo()
    assert "Undone: position of bridge_s02" in bench.status.value
    assert reload(folder).positions.empty
    assert "2 statements, 0 positions" in bench.panel.value


def test_the_workbench_shows_a_refused_save_in_red_and_changes_nothing(folder):
    bench = Workbench(NEW, folder)
    ruiz(folder)
    bench.refresh()
    bench.paragraph.value = 1
    bench.words.value = "the new bridge"
    assert "not in this paragraph" in bench.paragraph_view.value
    bench.speaker.value = "ana_ruiz"
    bench.form.value = "paraphrase"
    before = snapshot(folder)
    bench.save_statement()
    assert "Not saved, nothing changed" in bench.status.value and "not in this paragraph" in bench.status.value
    bench.words.value = "the old bridge would reopen in May"
    bench.cue.value = "declared"
    bench.save_statement()
    assert "color:#c00000" in bench.status.value
    line = before["statements.csv"].count(b"\n") + 1
    assert (f"<li>statements.csv line {line}, column cue: &#x27;declared&#x27; is not written in paragraph 1</li>"
            in bench.status.value)  # the file named inside the data folder
    assert snapshot(folder) == before
    assert bench.words.value == "the old bridge would reopen in May"  # kept, to correct


def test_events_in_the_workbench_dated_by_words_or_worked_out(folder):
    ruiz(folder)
    bench = Workbench(NEW, folder)
    bench.event_paragraph.value = 4
    bench.event_label.value = "Council votes on repairs"
    bench.event_actor.value = "ana_ruiz"
    bench.event_words.value = "on April 28"
    assert "28 April 2026" in bench.event_date_view.value
    bench.save_event()
    assert "Saved event bridge_e01" in bench.status.value, bench.status.value

    bench.event_paragraph.value = 1
    bench.event_label.value = "The bridge closes"
    bench.event_actor.value = "ana_ruiz"
    bench.event_date.value = "2026-01-10"
    before = snapshot(folder)
    bench.save_event()  # a date worked out needs a note that says how
    assert "column note: an inferred date needs a note" in bench.status.value
    assert snapshot(folder) == before
    bench.event_note.value = "Not in the article: the council's notice of closure."
    bench.save_event()
    events = reload(folder).events
    assert events[["event_id", "date_basis", "date_text"]].astype(object).where(events.notna(), None).values.tolist() \
        == [["bridge_e01", "resolved", "on April 28"], ["bridge_e02", "inferred", None]]


def test_edit_and_reject_candidates(folder):
    ruiz(folder)
    bench = Workbench(NEW, folder)
    first = bench.candidate.options[0][0]
    bench.reject()
    assert first not in [label for label, _ in bench.candidate.options]
    assert "remembered in the work folder" in bench.status.value
    bench.edit()
    assert bench.tabs.selected_index == 1
    assert bench.words.value == '"We have fixed what was broken, and we have checked it twice,"'
    assert (bench.speaker.value, bench.form.value, bench.cue.value) == ("ana_ruiz", "direct", "said")


def test_the_workbench_opens_on_an_article_with_nothing_coded(sparse_data):
    bench = Workbench("blank", sparse_data)
    assert bench.candidate.options == (("(no candidates left)", ""),)
    assert "No candidates left" in bench.candidate_view.value
    assert "0 statements" in bench.panel.value
    bench.accept()
    bench.reject()
    bench.edit()
    bench.restore()
    for table in ("statements", "positions", "events"):
        bench.edit_table.value = table
        assert [v for _, v in bench.edit_row.options] == [""]  # nothing coded: no row to edit
        bench.save_edit()
        bench.delete_row()
        bench.confirm_delete()
    assert bench.status.value == ""
    assert rejected("blank", sparse_data).empty


def test_the_workbench_opens_on_an_article_object_and_the_seed_article(art):
    bench = nc.workbench(art)
    assert bench.article_id == ARTICLE
    assert f"{ARTICLE}: complete" in bench.panel.value
    assert "validate</b>: ok" in bench.panel.value


# --- Editing and deleting: each followed by a reload; refused ones change no byte --------------------

RUIZ = '"We have fixed what was broken, and we have checked it twice,"'
UNSAFE = '"It is still unsafe for children,"'


def coded(folder: Path) -> dict[str, bytes]:
    """Two speakers, two statements (the second given to the wrong one), a topic, a position on each: the snapshot."""
    ruiz(folder)
    add_actor(folder, NEW, "Ben Ode", "person", role="who leads the residents' association", aliases="Ben Ode")
    add_statement(folder, NEW, 2, RUIZ, actor_id="ana_ruiz", form="direct", cue="said")
    add_statement(folder, NEW, 3, UNSAFE, actor_id="ana_ruiz", form="direct", cue="said")  # Ben Ode's words
    add_topic(folder, "Reopening the bridge", "Should the old bridge reopen?")
    add_position(folder, "bridge_s01", "reopening_the_bridge", "support", note="Fixed and checked.", **firm(folder))
    add_position(folder, "bridge_s02", "reopening_the_bridge", "support", note="Mistyped: unsafe means no.",
                 **firm(folder))
    return snapshot(folder)


def changed_lines(before: bytes, after: bytes) -> tuple[list[bytes], list[bytes]]:
    """The lines only the old file has, and those only the new one has (order kept)."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    return [line for line in old if line not in new], [line for line in new if line not in old]


def test_a_wrong_speaker_and_a_mistyped_stance_are_edited_then_undone(folder):
    before = coded(folder)
    row = edit_statement(folder, "bridge_s02", actor_id="ben_ode")
    assert row["actor_id"] == "ben_ode"
    art = reload(folder)
    speakers = art.statements.set_index("statement_id")["actor_id"]
    assert speakers.to_dict() == {"bridge_s01": "ana_ruiz", "bridge_s02": "ben_ode"}
    holders = art.positions.set_index("statement_id")["holder_id"]
    assert holders.to_dict() == {"bridge_s01": "ana_ruiz", "bridge_s02": "ben_ode"}  # the holder follows the speaker
    after_speaker = snapshot(folder)
    gone, added = changed_lines(before["statements.csv"], after_speaker["statements.csv"])
    assert len(gone) == len(added) == 1 and gone[0].startswith(b"bridge_s02,") and b",ben_ode," in added[0]
    assert {name for name in before if before[name] != after_speaker[name]} == {"statements.csv", "positions.csv"}
    assert wb.history(folder)[-1] == "edited statement bridge_s02: actor_id (and the holder of its 1 position)"

    edit_position(folder, "bridge_s02", "reopening_the_bridge", stance="oppose")
    p = reload(folder).positions.set_index("statement_id").loc["bridge_s02"]
    assert (p.stance, p.holder_id, p.note) == ("oppose", "ben_ode", "Mistyped: unsafe means no.")

    undo(folder)
    assert snapshot(folder) == after_speaker
    assert reload(folder).positions.set_index("statement_id").loc["bridge_s02", "stance"] == "support"
    undo(folder)
    assert snapshot(folder) == before
    assert reload(folder).statements.set_index("statement_id").loc["bridge_s02", "actor_id"] == "ana_ruiz"


def test_new_words_and_date_words_are_located_and_resolved_again(folder):
    ruiz(folder)
    add_statement(folder, NEW, 1, "on Monday that the old bridge would reopen in May", actor_id="ana_ruiz",
                  form="paraphrase", cue="said")
    edit_statement(folder, "bridge_s01", words="the old bridge would reopen in May", said_on_text="on Monday")
    art = reload(folder)
    s = art.statements.iloc[0]
    assert (s.start, s.end) == (STORY.index("the old bridge"), STORY.index(" in May") + len(" in May"))
    assert art.text[s.start:s.end] == s.quote == "the old bridge would reopen in May"
    assert (s.said_on, s.said_on_basis) == (pd.Timestamp("2026-05-04"), "resolved")
    edit_statement(folder, "bridge_s01", said_on_text=None)  # emptied: the date and its basis go with the words
    s = reload(folder).statements.iloc[0]
    assert pd.isna(s.said_on) and pd.isna(s.said_on_basis) and pd.isna(s.said_on_text)
    edit_statement(folder, "bridge_s01", paragraph=2, words=RUIZ, form="direct")
    s = reload(folder).statements.iloc[0]
    assert (s.paragraph, s.quote, s.start) == (2, RUIZ, STORY.index(RUIZ))


def test_actors_topics_and_events_are_edited(folder):
    ruiz(folder)
    add_event(folder, NEW, 4, "Council votes on repairs", "ana_ruiz", date_words="April 28")
    edit_actor(folder, "ana_ruiz", aliases="Ruiz", role="Mayor of Riverton")
    art = reload(folder)
    assert art.aliases.loc[art.aliases["actor_id"] == "ana_ruiz", "alias"].tolist() == ["Ruiz"]
    assert art.actors.set_index("actor_id").loc["ana_ruiz", "role"] == "Mayor of Riverton"
    assert wb.history(folder)[-1] == "edited actor ana_ruiz: role; aliases now Ruiz"
    add_topic(folder, "Bridge", "Should it reopen?")
    edit_topic(folder, "bridge", question="Should the old bridge reopen in May?", description="Its date.")
    t = nc.load_corpus(folder).topics.set_index("topic_id").loc["bridge"]
    assert (t.question, t.description) == ("Should the old bridge reopen in May?", "Its date.")
    edit_event(folder, "bridge_e01", date_words="on Monday", label="Repairs end")
    e = reload(folder).events.iloc[0]
    assert (e.date, e.date_basis, e.date_text, e.label) == (pd.Timestamp("2026-05-04"), "resolved", "on Monday",
                                                            "Repairs end")


def test_deletes_that_would_leave_references_are_refused_with_the_reason(folder):
    before = coded(folder)
    with pytest.raises(InUse) as caught:
        delete_actor(folder, "ana_ruiz")
    assert sorted((u.table, u.key, u.field) for u in caught.value.uses) == [
        ("positions", ("bridge_s01", "reopening_the_bridge", "ana_ruiz"), "holder_id"),
        ("positions", ("bridge_s02", "reopening_the_bridge", "ana_ruiz"), "holder_id"),
        ("statements", ("bridge_s01",), "actor_id"), ("statements", ("bridge_s02",), "actor_id")]
    assert "statement bridge_s01 (actor_id)" in str(caught.value) and "cascade=True" in str(caught.value)
    with pytest.raises(InUse, match=r"statement bridge_s01 is still used by 1 row: position "
                                    r"bridge_s01/reopening_the_bridge/ana_ruiz \(statement_id\)"):
        delete_statement(folder, "bridge_s01")
    with pytest.raises(InUse, match="topic reopening_the_bridge is still used by 2 rows"):
        delete_topic(folder, "reopening_the_bridge")
    with pytest.raises(ValueError, match="there is no statement 'bridge_s09'"):
        delete_statement(folder, "bridge_s09")
    assert snapshot(folder) == before
    assert len(reload(folder).statements) == 2
    assert wb.history(folder)[-1].startswith("position of bridge_s02")  # nothing remembered


def test_a_delete_asked_to_cascade_takes_what_needs_it_and_undo_puts_it_back(folder):
    coded(folder)
    edit_statement(folder, "bridge_s02", actor_id="ben_ode", addressee_id="ana_ruiz")
    before = snapshot(folder)
    what = delete_actor(folder, "ana_ruiz", cascade=True)
    assert what == ("deleted actor ana_ruiz, with statement bridge_s01, position bridge_s01/reopening_the_bridge/"
                    "ana_ruiz; emptied addressee_id of statement bridge_s02")
    art = reload(folder)
    assert "ana_ruiz" not in set(art.actors["actor_id"]) and "ana_ruiz" not in set(art.aliases["actor_id"])
    assert art.statements["statement_id"].tolist() == ["bridge_s02"]
    assert pd.isna(art.statements.iloc[0]["addressee_id"])
    assert art.positions[["statement_id", "holder_id"]].values.tolist() == [["bridge_s02", "ben_ode"]]
    assert undo(folder) == what
    assert snapshot(folder) == before
    assert reload(folder).statements.set_index("statement_id").loc["bridge_s02", "addressee_id"] == "ana_ruiz"


def test_rows_nothing_points_at_are_deleted_and_undone_one_by_one(folder):
    before = coded(folder)
    add_event(folder, NEW, 4, "Council votes on repairs", "ben_ode", date_words="April 28")
    add_topic(folder, "Children", "Is the bridge safe for children?")
    start = snapshot(folder)
    delete_position(folder, "bridge_s02", "reopening_the_bridge")
    assert reload(folder).positions["statement_id"].tolist() == ["bridge_s01"]
    delete_statement(folder, "bridge_s02")  # no position rests on it now
    assert reload(folder).statements["statement_id"].tolist() == ["bridge_s01"]
    delete_event(folder, "bridge_e01")
    assert reload(folder).events.empty
    delete_topic(folder, "children")
    assert "children" not in set(reload(folder).topics["topic_id"])
    delete_actor(folder, "ben_ode")  # no statement, position or event left: its alias goes with it
    art = reload(folder)
    assert "ben_ode" not in set(art.actors["actor_id"]) and "Ben Ode" not in set(art.aliases["alias"])
    for _ in range(5):
        undo(folder)
    assert snapshot(folder) == start
    undo(folder), undo(folder)
    assert snapshot(folder) == before


@pytest.mark.parametrize("call, error, message", [
    (lambda f: edit_position(f, "bridge_s02", "reopening_the_bridge", stance="maybe"), nc.DataError,
     r"positions.csv line {bridge_s02,reopening_the_bridge}, column stance"),
    (lambda f: edit_statement(f, "bridge_s02", cue="declared"), nc.DataError,
     r"statements.csv line {bridge_s02,}, column cue: 'declared' is not written in paragraph 3"),
    (lambda f: edit_actor(f, "ben_ode", kind="planet"), nc.DataError, r"actors.csv line \d+, column kind"),
    (lambda f: edit_actor(f, "ben_ode", aliases="Ben Ode, Ruiz"), nc.DataError, r"aliases.csv line \d+"),
    (lambda f: edit_statement(f, "bridge_s02", words="the new bridge"), ValueError, "not in this paragraph"),
    (lambda f: edit_statement(f, "bridge_s02", statement_id="x"), ValueError, "ids stay as they are"),
    (lambda f: edit_statement(f, "bridge_s02", end=3), ValueError, "offsets and resolved dates follow"),
    (lambda f: edit_statement(f, "bridge_s02", mood="sad"), ValueError, "statements has no column 'mood'"),
    (lambda f: edit_statement(f, "bridge_s02", form="direct"), ValueError, "nothing to save"),
    (lambda f: edit_topic(f, "reopening_the_bridge", question="Reopen."), ValueError, "yes/no question"),
    (lambda f: edit_actor(f, "ben_ode", aliases="Mr Ode"), ValueError, "'Mr Ode' is in no article's text"),
    (lambda f: edit_event(f, "bridge_e09", label="x"), ValueError, "there is no event 'bridge_e09'"),
])
def test_an_edit_that_would_break_the_data_is_refused_and_changes_nothing(folder, call, error, message):
    before = coded(folder)

    def line(found: re.Match) -> str:  # {start of the row} -> the row's line in its file, counted here
        name = "positions.csv" if "," in found.group(1).rstrip(",") else "statements.csv"
        lines = before[name].decode().splitlines()
        return str(next(n for n, text in enumerate(lines, 1) if text.startswith(found.group(1))))

    with pytest.raises(error, match=re.sub(r"\{([^}]+)\}", line, message)):
        call(folder)
    assert snapshot(folder) == before
    assert len(reload(folder).statements) == 2


def test_an_edit_keeps_every_other_row_byte_for_byte_with_its_line_endings(folder):
    ruiz(folder, note="Two lines,\nin one note.")
    path = folder / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n").replace(
        b"Two lines,\r\nin", b"Two lines,\nin"))  # CR LF between rows, a bare LF inside the quoted note
    before = path.read_bytes()
    edit_actor(folder, "china", role="A state")
    gone, added = changed_lines(before, path.read_bytes())
    assert len(gone) == len(added) == 1 and gone[0].startswith(b"china,") and added[0].endswith(b",A state,\r\n")
    assert b'"Two lines,\nin one note."' in path.read_bytes()
    assert reload(folder).actors.set_index("actor_id").loc["ana_ruiz", "note"] == "Two lines,\nin one note."
    undo(folder)
    assert path.read_bytes() == before


# --- Rejected candidates: remembered in the work folder --------------------------------------------

def test_rejected_candidates_are_remembered_in_the_work_folder_across_reloads(folder, tmp_path):
    ruiz(folder)
    data_before = snapshot(folder)
    bench = Workbench(NEW, folder)
    first = bench.found.iloc[0]
    offered = len(bench.found)
    bench.reject()
    assert snapshot(folder) == data_before  # the data folder is not touched
    saved = tmp_path / "work" / nc.files.rejected_file(NEW)
    assert nc.files.read_rows(saved)[1] == [{"start": str(first.start), "end": str(first.end),
                                             "paragraph": str(first.paragraph), "quote": first.quote}]
    assert not [p for p in folder.rglob("*rejected*")]

    again = Workbench(NEW, folder)  # as after a reload of the page
    assert len(again.found) == offered - 1
    assert (first.start, first.end) not in set(zip(again.found["start"], again.found["end"]))
    assert reload(folder).statements.empty

    again.show_rejected.value = True  # the toggle brings it back, marked
    assert len(again.found) == offered
    label, value = next((label, v) for label, v in again.candidate.options if label.startswith("rejected · "))
    assert first.quote[:40] in label
    again.candidate.value = value
    assert again.restore_button.layout.display == ""
    again.restore()
    assert rejected(NEW, folder).empty
    assert len(Workbench(NEW, folder).found) == offered


def test_rejections_by_function_and_a_file_changed_by_hand(folder, tmp_path):
    ruiz(folder)
    found = candidates(reload(folder))
    one, two = found.iloc[0].to_dict(), found.iloc[1].to_dict()
    assert reject_candidate(folder, NEW, one) is True
    assert reject_candidate(folder, NEW, one) is False  # once only
    assert reject_candidate(folder, NEW, two) is True
    assert rejected(NEW, folder)[["start", "end"]].values.tolist() == [[one["start"], one["end"]],
                                                                      [two["start"], two["end"]]]
    assert len(candidates(reload(folder), set(zip(rejected(NEW, folder)["start"],
                                                   rejected(NEW, folder)["end"])))) == len(found) - 2
    assert restore_candidate(folder, NEW, one) is True and restore_candidate(folder, NEW, one) is False
    path = tmp_path / "work" / nc.files.rejected_file(NEW)
    path.write_text("start,end,paragraph,quote\n12,x,1,words\n", encoding="utf-8")
    with pytest.raises(nc.DataError, match=r"bridge_rejected.csv line 2, column end: 'x' is not a whole number"):
        rejected(NEW, folder)
    bench = Workbench(NEW, folder)
    assert "cannot be read" in bench.status.value


# --- Editing and deleting in the widget ------------------------------------------------------------

def test_the_workbench_edits_and_deletes_rows(folder):
    coded(folder)
    bench = Workbench(NEW, folder)
    assert bench.tabs.titles[-1] == "Edit or delete"
    bench.edit_table.value = "statements"
    assert [v for _, v in bench.edit_row.options] == ["", "bridge_s01", "bridge_s02"]
    bench.edit_row.value = "bridge_s02"
    assert bench.edit_fields["quote"].value == UNSAFE and bench.edit_fields["actor_id"].value == "ana_ruiz"
    assert "start" not in bench.edit_fields and "statement_id" not in bench.edit_fields
    bench.edit_fields["actor_id"].value = "ben_ode"
    bench.save_edit()
    assert "Saved the statement bridge_s02: actor_id" in bench.status.value, bench.status.value
    assert reload(folder).statements.set_index("statement_id").loc["bridge_s02", "actor_id"] == "ben_ode"
    assert bench.edit_row.value == "bridge_s02" and bench.edit_fields["actor_id"].value == "ben_ode"

    bench.edit_table.value = "positions"
    bench.edit_row.value = "bridge_s02\treopening_the_bridge\tben_ode"
    bench.edit_fields["stance"].value = "oppose"
    bench.edit_fields["hedged"].value = True
    bench.save_edit()
    p = reload(folder).positions.set_index("statement_id").loc["bridge_s02"]
    assert (p.stance, p.hedged) == ("oppose", True)

    # a delete asks first; refused while the actor speaks, with the reason; then asked to cascade
    bench.edit_table.value = "actors"
    bench.edit_row.value = "ana_ruiz"
    before = snapshot(folder)
    bench.delete_row()
    assert bench.confirm.layout.display == "" and "Delete the actor" in bench.confirm_view.value
    bench.cancel_delete()
    assert bench.confirm.layout.display == "none" and snapshot(folder) == before
    bench.delete_row()
    bench.confirm_delete()
    assert "still used by" in bench.status.value and "color:#c00000" in bench.status.value
    assert bench.confirm.layout.display == ""  # still asking
    assert snapshot(folder) == before
    bench.cascade.value = True
    bench.confirm_delete()
    assert "Deleted actor ana_ruiz, with statement bridge_s01" in bench.status.value, bench.status.value
    assert bench.confirm.layout.display == "none"
    assert "ana_ruiz" not in set(reload(folder).actors["actor_id"])
    bench.undo()
    assert snapshot(folder) == before
    assert "ana_ruiz" in [v for _, v in bench.edit_row.options]


# --- Completeness ----------------------------------------------------------------------------------

def test_the_seed_article_is_complete(art):
    gaps = data.completeness(art)
    assert gaps[gaps["level"] == "needed"].empty
    # what is left to check: the statements with no position, which the codebook allows
    without = set(art.statements["statement_id"]) - set(art.positions["statement_id"])
    assert set(gaps["item"]) == without
    assert set(gaps["gap"]) == {"statement without a position"}
    # and every article of the package is complete, the second as well as the seed
    assert data.completeness_summary() == [f"{r['article_id']}: complete" for r in read_rows(DATA / "articles.csv")[1]]


def test_a_new_article_lacks_everything(folder):
    gaps = data.completeness(folder, NEW)
    assert gaps[["gap", "item", "paragraph"]].values.tolist() == [
        ["no statements", NEW, pd.NA],
        ["quoted passage not coded", '"We have fixed what was broken, and we have checked it twice,"', 2],
        ["quoted passage not coded", '"It is still unsafe for children,"', 3]]
    assert set(gaps["level"]) == {"needed"}

    ruiz(folder)  # a person with no side
    add_statement(folder, NEW, 2, '"We have fixed what was broken, and we have checked it twice,"',
                  actor_id="ana_ruiz", form="direct", cue="said")
    gaps = data.completeness(folder, NEW)
    assert gaps[["gap", "item"]].values.tolist() == [
        ["no positions", NEW], ["quoted passage not coded", '"It is still unsafe for children,"'],
        ["person without a side", "ana_ruiz"]]
    assert data.completeness_summary(folder)[-1] == (
        f"{NEW}: 1 statement, 0 positions; to do: no positions (1), quoted passage not coded (1), "
        "person without a side (1) (python -m newsclaims validate --complete)")


def test_statements_without_positions_are_listed_to_check_unless_the_note_says_so(folder):
    ruiz(folder, affiliation="united_nations")
    one = add_statement(folder, NEW, 2, '"We have fixed what was broken, and we have checked it twice,"',
                        actor_id="ana_ruiz", form="direct", cue="said")["statement_id"]
    add_statement(folder, NEW, 1, "the old bridge would reopen in May", actor_id="ana_ruiz", form="paraphrase",
                  cue="said", note="No position: a forecast, on no topic.")
    add_position(folder, one, "peaceful_means", "support", note="For the test.", **firm(folder))
    gaps = data.completeness(folder, NEW)
    assert gaps[["level", "gap"]].values.tolist() == [["needed", "quoted passage not coded"]]
    add_statement(folder, NEW, 3, '"It is still unsafe for children,"', actor_id="ana_ruiz", form="direct",
                  cue="said")
    gaps = data.completeness(folder, NEW)
    assert gaps[["level", "gap", "item"]].values.tolist() == [["check", "statement without a position", "bridge_s03"]]
    assert data.completeness_summary(folder)[-1] == f"{NEW}: complete"


def test_validate_says_how_complete_each_article_is(folder, capsys):
    assert main(["validate", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    coded = [r["article_id"] for r in read_rows(DATA / "articles.csv")[1]]  # the package's articles, all complete
    assert out[0].startswith(f"ok: {len(coded) + 1} articles, ")
    assert out[1:] == [f"{a}: complete" for a in coded] + [
        f"{NEW}: 0 statements — code some (python -m newsclaims validate --complete)"]

    assert main(["validate", "--complete", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"{ARTICLE}: complete"
    between = out[2:out.index(f"{NEW}: 0 statements — code some")]
    assert [line for line in between if not line.startswith("  check: statement without a position: ")] == [
        f"{a}: complete" for a in coded[1:]]
    tail = out[out.index(f"{NEW}: 0 statements — code some") + 1:]
    assert [line.split(":")[:2] for line in tail] == [["  needed", " no statements"],
                                                     ["  needed", " quoted passage not coded"],
                                                     ["  needed", " quoted passage not coded"]]
    assert "paragraph 3" in tail[2]


def test_completeness_of_articles_at_each_stage_of_their_coding(sparse_data):
    gaps = data.completeness(sparse_data)
    found = {aid: sorted(zip(g["gap"], g["item"])) for aid, g in gaps.groupby("article_id") if aid != ARTICLE}
    assert found == {
        "blank": [("no statements", "blank")],
        "silent": [("no statements", "silent")],
        "mini": [("no positions", "mini"), ("person without a side", "maria_lopez"),
                 ("person without a side", "tom_ek")],
        "solo": [("person without a side", "ana_berg")],
    }
    assert data.completeness(sparse_data, "blank")["article_id"].tolist() == ["blank"]
    empty = data.completeness(nc.load_article("blank", data_dir=sparse_data)).iloc[:0]
    assert list(empty.columns) == data.COMPLETENESS_COLUMNS
    with pytest.raises(KeyError):
        data.completeness(sparse_data, "no_such_article")
