"""The lessons' times: the reading model, the headers, the README and the teaching guide's plans."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from newsclaims import lessons

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "teaching_guide.md"


@pytest.fixture(scope="module")
def times():
    return lessons.lesson_times().set_index("notebook")


@pytest.fixture(scope="module")
def sections():
    return lessons.lesson_sections()


def test_the_model_on_a_lesson_counted_by_hand(tmp_path: Path):
    def md(text: str) -> dict:
        return {"cell_type": "markdown", "metadata": {}, "source": [text]}

    def code(*kinds: str) -> dict:
        return {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": ["x"],
                "outputs": [{"output_type": "display_data", "data": {k: {} for k in kinds}, "metadata": {}}]}

    words = " ".join(["word"] * 342)
    cells = [md("# 99 · Test\n\n" + words), code("text/plain"), md("## Part one"), code(lessons.PLOTLY),
             code(lessons.WIDGET), md("**Exercise 9.1** Guess."), md("<details><summary>Show answer</summary> "
                                                                      + "hidden " * 500 + "</details>")]
    (tmp_path / "99_test.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4,
                                                         "nbformat_minor": 5}), encoding="utf-8")
    row = lessons.lesson_times(tmp_path).iloc[0]
    # words: "99", "Test" and 342 in the first cell; "Part", "one"; "Exercise", "9", "1", "Guess": 350
    assert (row.words, row.code_cells, row.charts, row.explorers, row.exercises) == (350, 3, 1, 1, "9.1")
    # 350/180 = 1.94 min reading + 3 × 0.5 + 1 chart + 2 explorer = 6.44 → 7; the exercise 4 more → 11
    assert (row.core_minutes, row.exercise_minutes, row.total_minutes) == (7, 4, 11)
    parts = lessons.lesson_sections(tmp_path).set_index("section")
    assert list(parts.index) == ["", "Part one"]
    assert parts.at["Part one", "exercises"] == "9.1"


def header_minutes(notebook: str) -> int:
    cells = json.loads((lessons.NOTEBOOKS / f"{notebook}.ipynb").read_text(encoding="utf-8"))["cells"]
    found = re.search(r"\*\*Time\*\* \| (\d+) minutes", "".join(cells[0]["source"]))
    assert found, f"{notebook}: the header gives no time in minutes"
    return int(found.group(1))


def test_every_header_gives_the_models_time_rounded_up_to_five_minutes(times):
    for notebook, row in times.iterrows():
        assert header_minutes(notebook) == 5 * math.ceil(row.total_minutes / 5), notebook


def test_the_readme_gives_the_headers_times(times):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for notebook in times.index:
        found = re.search(rf"\| `{notebook}` \|[^\n]*\| (\d+) min \|", readme)
        assert found and int(found.group(1)) == header_minutes(notebook), notebook


def test_the_guides_table_of_times_is_the_models(times):
    guide = GUIDE.read_text(encoding="utf-8")
    for notebook, row in times.iterrows():
        found = re.search(rf"\| {notebook[:2]} · [^|]+\| (\d+) min[^|]*\| [^|]*\| (\d+) min", guide)
        assert found, f"{notebook} is missing from the guide's table of times"
        assert (int(found.group(1)), int(found.group(2))) == (row.core_minutes, row.total_minutes), notebook


def plans() -> list[tuple[str, int, list[tuple[int, int, str, str]]]]:
    """Every plan in the guide: its heading, its length, and its rows (start, end, lesson, what to do)."""
    found: list[tuple[str, int, list]] = []
    length = 0
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            minutes = re.search(r"(\d+)-minute", line)
            length = int(minutes.group(1)) if minutes else 0
        elif line.startswith("### ") and length:
            found.append((line[4:], length, []))
        elif found and length and (row := re.match(r"\| (\d+)–(\d+) \| ([^|]+) \| (.+) \|$", line)):
            found[-1][2].append((int(row.group(1)), int(row.group(2)), row.group(3).strip(), row.group(4)))
    return found


def test_the_guide_has_two_90_minute_sessions_and_45_minute_classes():
    lengths = [length for _, length, _ in plans()]
    # the three first classes (00 with 02; 04; 05), and one for each later lesson the guide plans for
    assert lengths.count(90) == 2 and lengths.count(45) >= 4 and set(lengths) == {45, 90}


@pytest.mark.parametrize("title, length, rows", plans(), ids=[p[0][:40] for p in plans()])
def test_every_plan_adds_up_set_up_included(title, length, rows, sections):
    assert rows[0][0] == 0 and rows[0][2] == "set-up", "a plan starts with the set-up"
    assert rows[-1][1] == length, f"the rows end at {rows[-1][1]}, not {length}"
    for (_, end, _, _), (start, _, _, _) in zip(rows, rows[1:]):
        assert start == end, "the rows follow one another with no gap or overlap"
    for start, end, lesson, what in rows:
        number = re.match(r"(\d\d) · ", lesson)
        if not number:
            continue
        mine = sections[sections["notebook"].str.startswith(number.group(1))]
        skip = re.search(r"\*\*Skip:\*\* ([^*]+?)\.(?: \*\*|$)", what)
        skipped = [s.strip() for s in skip.group(1).split(";")] if skip else []
        assert set(skipped) <= set(mine["section"]), f"{lesson}: no section {set(skipped) - set(mine['section'])}"
        in_class = re.search(r"\*\*In class:\*\* ([^*]+?)\.(?: \*\*|$)", what)
        chosen = re.findall(r"\d+\.\d+", in_class.group(1)) if in_class else []  # 4.1, 10.1
        kept = mine[~mine["section"].isin(skipped)]
        exercises = " ".join(kept["exercises"]).split()
        assert set(chosen) <= set(exercises), f"{lesson}: exercises {set(chosen) - set(exercises)} are not there"
        needed = (kept["minutes"].sum() - len(exercises) * lessons.EXERCISE + len(chosen) * lessons.EXERCISE)
        assert end - start >= needed, f"{title}, {lesson}: {end - start} min for {needed:.1f} min of work"


# --- What a lesson says on the article it runs on ---------------------------------------------

def test_the_seed_is_the_first_article_of_the_data():
    import pandas as pd

    assert pd.read_csv(ROOT / "data" / "articles.csv")["article_id"].iloc[0] == lessons.SEED


def test_a_remark_on_the_seed_article_is_shown_there_and_nowhere_else(art, mini_data):
    import newsclaims as nc

    mini = nc.load_article("mini", data_dir=mini_data)
    for article in (art, mini):
        note = lessons.notice(article, f"Notice the {len(article.statements)} statements.", seed="Only on CNN.")
        assert repr(note) == str(note)  # shown as plain text
        if article is art:
            assert note == "Only on CNN."
        else:
            assert note == "Notice the 2 statements."
    assert lessons.notice(mini, seed="Only on CNN.") is None  # nothing to say on another article
    assert lessons.notice(art, "x " * 80).count("\n") == 1  # wrapped at 100 characters


def test_a_note_says_what_is_not_coded_yet_and_what_to_code(art, mini_data):
    import newsclaims as nc

    mini = nc.load_article("mini", data_dir=mini_data)  # two statements, no positions, no events
    note = lessons.notice(mini, "Notice the stances.", seed="Only on CNN.", needs=("statements", "positions"))
    assert note.startswith("No positions coded yet. Article 'mini' has nothing to notice here")
    assert nc.analysis.TO_CODE["positions"] in " ".join(note.split()) and "nc.workbench(art)" in note
    assert lessons.not_coded(mini, "events", "positions").startswith("No events coded yet. No positions coded yet.")
    assert lessons.not_coded(art, *lessons.NEEDS) == ""
    with pytest.raises(KeyError, match="no table 'topicz'"):
        lessons.not_coded(art, "topicz")


def test_listed_words_a_count_in_its_order():
    import pandas as pd

    counts = pd.Series({"wang_yi": 6, "zhang_jun": 5, "david_sacks": 4, "yu_bin": 1})
    names = {"wang_yi": "Wang Yi", "zhang_jun": "Zhang Jun", "david_sacks": "David Sacks"}
    assert lessons.listed(counts, names) == "Wang Yi (6), Zhang Jun (5) and David Sacks (4)"
    assert lessons.listed(counts, names, most=1) == "Wang Yi (6)"
    assert lessons.listed(counts.iloc[::-1], most=2) == "yu_bin (1) and david_sacks (4)"
    assert lessons.listed(counts.iloc[:0]) == "none"


def test_the_poles_are_the_articles_question_on_the_seed_and_the_heaviest_conflict_elsewhere(art, mini_data):
    import dataclasses

    import newsclaims as nc

    assert lessons.poles(art) == (("united_states",), ("russia",))
    other = dataclasses.replace(art, article_id="another")  # the same coding under another id
    weights = {tuple(sorted((u, v))): d for u, v, d in nc.analysis.conflict_network(art).edges(data="weight")}
    heaviest = max(weights.values())
    (a,), (b,) = lessons.poles(other)
    assert weights[(a, b)] == heaviest and a < b
    assert lessons.poles(nc.load_article("mini", data_dir=mini_data)) == ((), ())
