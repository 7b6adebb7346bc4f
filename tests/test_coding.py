"""Students' answers and marks (coding.py): saved through the one write path, merged by time,
read whatever a spreadsheet did to them, and failures shown in the widgets. Tested with real
processes, kill -9, a full disk and a read-only folder."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsclaims as nc
from newsclaims import coding, files
from newsclaims.schema import DataError

LIB = str(Path(coding.__file__).resolve().parents[1])
CAN_MOUNT = shutil.which("unshare") is not None and os.geteuid() == 0 and subprocess.run(
    ["unshare", "-m", "true"], capture_output=True).returncode == 0
needs_mounts = pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to mount a tiny or read-only "
                                                        "file system in a private mount namespace")
ANSWER = {"actor_id": "zhang_jun", "form": "partial", "topic_id": "peaceful_means", "holder_id": "zhang_jun",
          "stance": "support", "hedged": "false"}



def run_python(code: str, *, mount: str = "") -> dict:
    """Run code in a fresh Python process (in a private mount namespace after ``mount``); the JSON it prints last."""
    command = [sys.executable, "-c", textwrap.dedent(code)]
    if mount:
        command = ["unshare", "-m", "sh", "-c", f'{mount} && exec "$0" "$@"', *command]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": LIB},
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def temporary(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- Names ---------------------------------------------------------------------------------------

def test_files_are_named_by_student_article_and_kind(art, tmp_path):
    assert coding.CodingStore("Ana Lee", art.article_id, tmp_path).path.name == f"Ana_Lee.{art.article_id}.csv"
    assert coding.MarkStore("Ana Lee", art.article_id, tmp_path).path.name == f"Ana_Lee.{art.article_id}.marks.csv"


def test_files_named_the_old_way_are_read_and_left_untouched(tmp_path):
    old = tmp_path / "Ana_Lee_story.csv"
    old.write_text("statement_id,actor_id,form,topic_id,stance,answered_at\n"
                   "s1,zhang_jun,direct,peaceful_means,support,2025-03-01T10:00:00+00:00\n")
    old_marks = tmp_path / "Ana_Lee_story_marks.csv"
    old_marks.write_text("paragraph,start,end,text,marked_at\n"
                         "3,10,20,some words,2025-03-01T10:00:00+00:00\n"
                         "3,10,20,some words,2025-03-01T10:00:00+00:00\n")  # the same mark twice
    before = old.read_bytes(), old_marks.read_bytes()
    store, marks = coding.CodingStore("Ana Lee", "story", tmp_path), coding.MarkStore("Ana Lee", "story", tmp_path)
    assert store.legacy == old and marks.legacy == old_marks
    assert store.answered() == {"s1"} and len(marks.marks()) == 2
    assert marks.marks()["mark_id"].nunique() == 2  # each old mark has its own id, the same in every window
    assert coding.MarkStore("Ana Lee", "story", tmp_path).marks()["mark_id"].tolist() == \
        marks.marks()["mark_id"].tolist()
    store.save("s2", **ANSWER)
    marks.add(4, 0, 5, "other")
    assert coding.CodingStore("Ana Lee", "story", tmp_path).answered() == {"s1", "s2"}
    assert len(coding.MarkStore("Ana Lee", "story", tmp_path).marks()) == 3
    assert (tmp_path / "Ana_Lee.story.csv").exists() and (old.read_bytes(), old_marks.read_bytes()) == before


def test_load_codings_tells_student_and_article_apart(tmp_path):
    # cy and cy_my code story and my_story: named the old way, cy + my_story and cy_my + story were one file
    for student in ("cy", "cy_my"):
        for article in ("story", "my_story"):
            coding.CodingStore(student, article, tmp_path).save("s1", **{**ANSWER, "form": f"{student}/{article}"})
    coding.MarkStore("cy", "story", tmp_path).add(1, 0, 3, "abc")  # marks are not codings
    (tmp_path / "story_review.csv").write_text("quote,rule\nx,y\n")  # nor are review files
    for article in ("story", "my_story"):
        codings = coding.load_codings(tmp_path, article)
        assert sorted(codings) == ["cy", "cy_my"]
        assert {name: c["form"].tolist() for name, c in codings.items()} == {
            "cy": [f"cy/{article}"], "cy_my": [f"cy_my/{article}"]}
    assert sorted(coding.load_codings(tmp_path)) == ["cy.my_story", "cy.story", "cy_my.my_story", "cy_my.story"]
    coding.CodingStore("ana", "peer_review", tmp_path).save("s1", **ANSWER)
    assert list(coding.load_codings(tmp_path, "peer_review")) == ["ana"]


def test_load_codings_names_a_file_it_cannot_place(tmp_path):
    coding.CodingStore("ana", "story", tmp_path).save("s1", **ANSWER)
    shutil.copy(tmp_path / "ana.story.csv", tmp_path / "bo_story.csv")  # named the old way
    with pytest.warns(UserWarning, match="bo_story.csv"):
        assert list(coding.load_codings(tmp_path, "story")) == ["ana"]
    (tmp_path / "cy.story.csv").write_text("name,grade\ncy,A\n")
    with pytest.raises(DataError, match=r"cy\.story\.csv: not a coding file"):
        coding.load_codings(tmp_path, "story")


# --- Reading what a spreadsheet saved --------------------------------------------------------------

def test_a_file_saved_by_excel_with_a_byte_order_mark_loads(tmp_path):
    (tmp_path / "ana.story.csv").write_bytes(
        "\ufeffstatement_id,actor_id,form,topic_id,stance,answered_at\r\n"
        "s1,zhang_jun,direct,peaceful_means,support,2025-03-01T10:00:00+00:00\r\n".encode())
    assert coding.CodingStore("ana", "story", tmp_path).answers()["form"].tolist() == ["direct"]
    assert list(coding.load_codings(tmp_path, "story")) == ["ana"]


def test_latin_1_short_rows_and_other_files_are_refused_naming_the_file(tmp_path):
    path = tmp_path / "ana.story.csv"
    path.write_bytes("statement_id,actor_id,form,topic_id,stance,answered_at\n"
                     "s1,zhang_jun,direct,caf\xe9,support,\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"ana\.story\.csv line 2: not UTF-8"):
        coding.CodingStore("ana", "story", tmp_path)
    path.write_text("statement_id,actor_id,form,topic_id,stance,answered_at\ns1,zhang_jun\n")
    with pytest.raises(DataError, match=r"ana\.story\.csv line 2: has 2 fields, the header has 6"):
        coding.CodingStore("ana", "story", tmp_path)
    path.write_text("name,grade\nana,A\n")
    with pytest.raises(DataError, match=r"ana\.story\.csv: not a coding file \(missing columns"):
        coding.CodingStore("ana", "story", tmp_path)
    (tmp_path / "ana.story.marks.csv").write_text("paragraph,start,end,text,marked_at\nthree,1,2,x,\n")
    with pytest.raises(DataError, match=r"ana\.story\.marks\.csv column paragraph: mark 1 has 'three'"):
        coding.MarkStore("ana", "story", tmp_path)


def test_columns_a_teacher_added_are_kept(tmp_path):
    path = tmp_path / "ana.story.csv"
    path.write_text("statement_id,actor_id,form,topic_id,stance,answered_at,comment\n"
                    "s1,zhang_jun,direct,peaceful_means,support,2025-03-01T10:00:00+00:00,good\n")
    coding.CodingStore("ana", "story", tmp_path).save("s2", **ANSWER)
    header, rows = files.read_rows(path)
    assert header == [*coding.COLUMNS, "comment"] and [r["comment"] for r in rows] == ["good", ""]


# --- Two windows, two processes, kill -9 ---------------------------------------------------------

def test_two_windows_the_latest_answer_wins(tmp_path):
    a = coding.CodingStore("ana", "story", tmp_path)
    b = coding.CodingStore("ana", "story", tmp_path)
    a.save("s1", **{**ANSWER, "form": "direct"})
    b.save("s1", **{**ANSWER, "form": "paraphrase"})  # later, in the other window
    a.save("s2", **ANSWER)  # a still holds its older s1 in memory: it must not overwrite b's
    for store in (a, coding.CodingStore("ana", "story", tmp_path)):
        assert store.answers().set_index("statement_id")["form"].to_dict() == {"s1": "paraphrase", "s2": "partial"}
    stamps = coding.CodingStore("ana", "story", tmp_path).answers()["answered_at"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00", s) for s in stamps)


def test_the_answer_being_saved_wins_over_a_clock_ahead(tmp_path):
    path = tmp_path / "ana.story.csv"
    path.write_text("statement_id,actor_id,form,topic_id,stance,answered_at\n"
                    "s1,zhang_jun,direct,peaceful_means,support,2999-01-01T00:00:00.000000+00:00\n")
    coding.CodingStore("ana", "story", tmp_path).save("s1", **ANSWER)
    saved = coding.CodingStore("ana", "story", tmp_path).answers().iloc[0]
    assert saved["form"] == "partial" and saved["answered_at"] == "2999-01-01T00:00:00.000001+00:00"


def test_two_windows_marks_add_up_and_undo_removes_its_own(tmp_path):
    a, b = coding.MarkStore("ana", "story", tmp_path), coding.MarkStore("ana", "story", tmp_path)
    mine = a.add(3, 0, 5, "first")
    theirs = b.add(3, 10, 15, "second")
    assert a.undo(3) == mine  # the last mark a shows in paragraph 3 is its own
    assert coding.MarkStore("ana", "story", tmp_path).marks()["mark_id"].tolist() == [theirs]
    assert b.undo(3) == theirs and a.undo(3) is None  # gone already: nothing else is removed
    assert coding.MarkStore("ana", "story", tmp_path).marks().empty
    header, _ = files.read_rows(a.path)
    assert header == coding.MARK_COLUMNS


SAVE_200 = """
    import sys
    from pathlib import Path
    from newsclaims.coding import CodingStore, MarkStore
    folder, who, kind = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    if kind == "answers":
        store = CodingStore("ana", "story", folder)
        for i in range(200):
            store.save(f"{who}{i:03d}", actor_id="x", form="direct", topic_id="t", stance="support")
    else:
        store = MarkStore("ana", "story", folder)
        for i in range(200):
            store.add(1, i, i + 1, who)
"""


@pytest.mark.parametrize("kind", ["answers", "marks"])
def test_two_processes_saving_200_times_each_lose_nothing(tmp_path, kind):
    script = textwrap.dedent(SAVE_200)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), who, kind],
                              env={**os.environ, "PYTHONPATH": LIB}) for who in ("a", "b")]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    if kind == "answers":
        saved = sorted(coding.CodingStore("ana", "story", tmp_path).answered())
        assert saved == sorted(f"{who}{i:03d}" for who in "ab" for i in range(200))
    else:
        marks = coding.MarkStore("ana", "story", tmp_path).marks()
        assert sorted(zip(marks["text"], marks["start"])) == [(who, i) for who in "ab" for i in range(200)]
        assert marks["mark_id"].nunique() == 400
    assert not temporary(tmp_path)


KEEP_SAVING = """
    import sys
    from pathlib import Path
    from newsclaims.coding import CodingStore
    store = CodingStore("ana", "story", Path(sys.argv[1]))
    n = 0
    while True:
        store.save(f"s{n % 2000:04d}", actor_id="x" * 50, form="direct", topic_id=str(n), stance="support")
        if n == 0:
            print("saving", flush=True)
        n += 1
"""


def test_kill_9_while_saving_leaves_a_whole_file_and_the_next_save_clears_up(tmp_path):
    files.write_rows(tmp_path / "ana.story.csv", coding.COLUMNS,
                     [{"statement_id": f"s{i:04d}", "answered_at": "2025-01-01T00:00:00+00:00"} for i in range(2000)])
    script = textwrap.dedent(KEEP_SAVING)
    for delay in (0.05, 0.1, 0.2, 0.3, 0.45, 0.6):
        proc = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": LIB})
        assert proc.stdout.readline() == "saving\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert len(coding.CodingStore("ana", "story", tmp_path).answered()) == 2000  # whole, never torn
    coding.CodingStore("ana", "story", tmp_path).save("s0000", **ANSWER)
    assert not temporary(tmp_path)
    assert len(coding.CodingStore("ana", "story", tmp_path).answered()) == 2000


# --- A save that fails, shown in the widgets ------------------------------------------------------

DRIVE_WIDGETS = """
    import json
    from pathlib import Path
    import newsclaims as nc
    from newsclaims import coding
    folder = Path({folder!r})
    art = nc.load_article()
    if {fill}:  # a tiny disk: three answers and a mark first, then fill it up
        store = coding.CodingStore("ana", art.article_id, folder)
        for sid in ("cnn22_s01", "cnn22_s02", "cnn22_s03"):
            store.save(sid, **{answer!r})
        coding.MarkStore("ana", art.article_id, folder).add(3, 0, 5, "words")
        with open(folder / "filler", "wb", buffering=0) as f:
            try:
                while f.write(b"x" * 4096):
                    pass
            except OSError:
                pass
    store = coding.CodingStore("ana", art.article_id, folder)
    before = store.path.read_bytes()
    box = coding.coding_widget(art, store)
    out = {{"start": box.children[-1].value}}
    for field, value in {answer!r}.items():
        box.ask[field].value = value
    box.ask["actor_id"].value = "china"
    box.save()
    out["failed"], out["view"] = box.children[-1].value, box.children[0].value
    box.back()
    out["back"], out["back_view"] = box.children[-1].value, box.children[0].value
    out["same"] = store.path.read_bytes() == before
    marks = coding.MarkStore("ana", art.article_id, folder)
    marking = coding.marking_widget(art, marks)
    marking.paragraph.value = 3
    marking.words.value = "Beijing welcomed and encouraged every effort for a diplomatic solution"
    marking.mark()
    out["mark"], out["marks"] = marking.children[-1].value, len(coding.MarkStore("ana", art.article_id, folder).marks())
    out["words"] = marking.words.value
    out["left"] = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
    print(json.dumps(out))
"""


def check_failed_save(out: dict, reason: str) -> None:
    assert "3 of 37 answered" in out["start"]
    assert f'style="{coding.ERROR_STYLE}"' in out["failed"] and coding.ERROR_STYLE == "color:#c00000"  # red
    assert "Nothing was saved" in out["failed"] and reason in out["failed"]
    assert "3 of 37 answered" in out["failed"] and "Statement 4 of 37" in out["view"]  # nothing moved on
    assert "3 of 37 answered" in out["back"] and "Statement 3 of 37" in out["back_view"]
    assert out["same"] and not out["left"]
    assert f'style="{coding.ERROR_STYLE}"' in out["mark"] and reason in out["mark"]
    assert out["marks"] == 1 and out["words"]  # the pasted words stay, to try again


@needs_mounts
def test_a_read_only_work_folder_shows_the_error_in_red_and_changes_nothing(art, tmp_path):
    folder = tmp_path / "work"
    folder.mkdir()
    store = coding.CodingStore("ana", art.article_id, folder)
    for sid in ("cnn22_s01", "cnn22_s02", "cnn22_s03"):
        store.save(sid, **ANSWER)
    coding.MarkStore("ana", art.article_id, folder).add(3, 0, 5, "words")
    before = sorted((p.name, p.read_bytes()) for p in folder.iterdir())
    out = run_python(DRIVE_WIDGETS.format(folder=str(folder), fill=False, answer=ANSWER),
                     mount=f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder}")
    check_failed_save(out, "read-only")
    assert sorted((p.name, p.read_bytes()) for p in folder.iterdir()) == before


@needs_mounts
def test_a_full_disk_shows_the_error_in_red_and_changes_nothing(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    out = run_python(DRIVE_WIDGETS.format(folder=str(disk), fill=True, answer=ANSWER),
                     mount=f"mount -t tmpfs -o size=64k tmpfs {disk}")
    check_failed_save(out, "the disk is full")


def test_a_file_broken_since_it_was_opened_is_shown_not_raised(art, tmp_path):
    store = coding.CodingStore("ana", art.article_id, tmp_path)
    box = coding.coding_widget(art, store)
    store.path.write_bytes(b"statement_id,actor_id,form,topic_id,stance,answered_at\ns1,caf\xe9,,,,\n")
    for field, value in ANSWER.items():
        box.ask[field].value = value
    box.save()
    assert coding.ERROR_STYLE in box.children[-1].value and "not UTF-8" in box.children[-1].value
    assert "0 of 37 answered" in box.children[-1].value and store.answers().empty


# --- What the widgets show ---------------------------------------------------------------------

def test_an_answer_not_among_the_choices_is_a_warning_not_a_crash(art, tmp_path):
    files.write_rows(tmp_path / f"ana.{art.article_id}.csv", coding.COLUMNS, [
        {"statement_id": "cnn22_s01", "actor_id": "zhang_jun", "form": "quoted", "topic_id": "peaceful_means",
         "stance": "support", "answered_at": "2025-03-01T10:00:00+00:00"}])
    box = coding.coding_widget(art, coding.CodingStore("ana", art.article_id, tmp_path))
    assert "Statement 2 of 37" in box.children[0].value
    box.back()
    assert "Statement 1 of 37" in box.children[0].value
    assert box.ask["form"].value == "" and box.ask["actor_id"].value == "zhang_jun"
    status = box.children[-1].value
    assert coding.WARNING_STYLE in status and "form “quoted”" in status and "1 of 37 answered" in status


def test_an_article_with_no_statements_says_so(art, tmp_path):
    empty = dataclasses.replace(art, statements=art.statements.iloc[:0], positions=art.positions.iloc[:0])
    for box in (coding.coding_widget(empty, coding.CodingStore("ana", art.article_id, tmp_path)),
                coding.marking_widget(empty, coding.MarkStore("ana", art.article_id, tmp_path))):
        assert "No statements coded yet" in box.children[0].value
    coding_box = coding.CodingWidget(empty, coding.CodingStore("ana", art.article_id, tmp_path))
    marking_box = coding.MarkingWidget(empty, coding.MarkStore("ana", art.article_id, tmp_path))
    for press in (coding_box.save, coding_box.back, marking_box.mark, marking_box.undo, marking_box.check):
        press()  # does nothing: there is nothing to code
    assert coding_box.ask == {} and not list(tmp_path.iterdir())


def test_the_widgets_are_classes_whose_buttons_call_their_methods(art, tmp_path):
    box = coding.coding_widget(art, coding.CodingStore("ana", art.article_id, tmp_path))
    assert type(box) is coding.CodingWidget and isinstance(box, nc.widgets.Explorer)
    assert box.save.__func__ is coding.CodingWidget.save and box.back.__func__ is coding.CodingWidget.back
    back, save = box.children[-2].children
    for field, value in ANSWER.items():
        box.ask[field].value = value
    save.click()
    assert box.position == 1 and "1 of 37 answered" in box.status.value
    back.click()
    assert box.position == 0 and box.ask["actor_id"].value == ANSWER["actor_id"]
    marking = coding.marking_widget(art, coding.MarkStore("ana", art.article_id, tmp_path))
    assert type(marking) is coding.MarkingWidget and marking.check.__func__ is coding.MarkingWidget.check
    mark, undo = marking.children[2].children[1:]
    marking.paragraph.value = 3
    marking.words.value = "Beijing welcomed and encouraged every effort for a diplomatic solution"
    mark.click()
    assert len(marking.store.marks()) == 1 and "1 marked in this paragraph" in marking.view.value
    undo.click()
    assert marking.store.marks().empty


# --- Holder and hedge, and files saved before they were asked -------------------------------------

OLD_HEADER = ["statement_id", "actor_id", "form", "topic_id", "stance", "answered_at"]


def test_the_widget_asks_for_holder_and_hedge_and_saves_them(art, tmp_path):
    store = coding.CodingStore("ana", art.article_id, tmp_path)
    box = coding.coding_widget(art, store)
    assert list(box.ask) == ["actor_id", "form", "topic_id", "holder_id", "stance", "hedged"]
    assert [label for label, _ in box.ask["hedged"].options] == ["(choose)", "firm", "hedged", "no stance"]
    for field, value in {**ANSWER, "stance": "neutral", "hedged": "true"}.items():
        box.ask[field].value = value
    box.save()
    header, rows = files.read_rows(store.path)
    assert header == coding.COLUMNS
    assert (rows[0]["holder_id"], rows[0]["hedged"]) == ("zhang_jun", "true")


def test_a_file_saved_before_holder_and_hedge_were_asked_loads(art, tmp_path):
    files.write_rows(tmp_path / f"ana.{art.article_id}.csv", OLD_HEADER, [
        {"statement_id": "cnn22_s02", "actor_id": "zhang_jun", "form": "paraphrase", "topic_id": "condemn_russia",
         "stance": "neutral", "answered_at": "2025-03-01T10:00:00+00:00"}])
    store = coding.CodingStore("ana", art.article_id, tmp_path)
    answers = store.answers()
    assert list(answers.columns) == coding.COLUMNS
    assert answers.iloc[0][["holder_id", "hedged"]].tolist() == ["", ""]
    # missing is missing: no holder or hedge to compare, and no difference shown for them
    result = nc.agreement(answers, nc.reference_coding(art)).set_index("field")
    assert result.loc["holder_id", "n"] == result.loc["hedged", "n"] == 0
    assert result.loc["stance", "agreement"] == 100.0
    assert coding.differences(art, store).empty
    # the class's folder reads it too
    assert coding.load_codings(tmp_path, art.article_id)["ana"].iloc[0]["hedged"] == ""
    # the next save writes every column and keeps the old answer
    store.save("cnn22_s03", **ANSWER)
    header, rows = files.read_rows(store.path)
    assert header == coding.COLUMNS
    assert [r["statement_id"] for r in rows] == ["cnn22_s02", "cnn22_s03"] and rows[0]["stance"] == "neutral"
