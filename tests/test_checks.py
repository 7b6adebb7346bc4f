"""Self-checks: right answers (worked out by hand, see the notebooks' answers) pass, wrong ones do not."""

from __future__ import annotations

import pytest

import newsclaims as nc

RIGHT = {
    "1.1": 25,
    "1.2": "2022-02-19",
    "1.3": (16, 2),
    "2.1": "Ukraine",
    "2.2": 6,
    "2.3": ["Zhang Jun", "David Sacks", "Alfred Wu", "Yu Bin", "State Department readout"],
    "3.1": ["china", "china_russia", "experts", "united_states", "western_officials"],
    "3.2": 6,
    "3.3": ["cnn22_s04", "cnn22_s14", "cnn22_s15", "cnn22_s33"],
    "4.1": ["China–Russia alignment", "NATO enlargement", "Western sanctions"],
    "4.2": "invasion_threat",
    "4.3": ["china", "wang_yi", "zhang_jun"],
    "4.4": 14,
    "5.2": 0.878,
    "6.1": 6,
}
WRONG = {"1.1": 26, "1.2": "2022-02-20", "1.3": (2, 16), "2.1": "Russia", "2.2": 0.5, "2.3": ["Wang Yi"],
         "3.1": ["china"], "3.2": 7, "3.3": ["cnn22_s04"], "4.1": ["minsk"], "4.2": "sovereignty",
         "4.3": ["china", "yu_bin"], "4.4": 13, "5.2": 0.9, "6.1": 5}


@pytest.fixture(scope="module")
def art():
    return nc.load_article()


def test_every_exercise_with_a_code_answer_has_a_check():
    assert set(nc.checks.CHECKS) == set(RIGHT) == set(WRONG)


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_right_answers_pass(art, exercise):
    verdict = nc.checks.check(exercise, RIGHT[exercise], art)
    assert verdict.right is True, verdict


@pytest.mark.parametrize("exercise", sorted(WRONG))
def test_wrong_answers_fail_and_point_to_the_answer(art, exercise):
    verdict = nc.checks.check(exercise, WRONG[exercise], art)
    assert verdict.right is False
    assert "Show answer" in str(verdict)


def test_no_answer_yet(art):
    verdict = nc.checks.check("1.1", ..., art)
    assert verdict.right is None and "in place of ..." in str(verdict)
    assert "&lt;" not in verdict._repr_html_() and verdict._repr_html_().startswith("<p ")


def test_a_check_follows_the_data(art, data_copy):
    from conftest import set_value

    set_value(data_copy / "positions.csv", "statement_id", "cnn22_s01", "hedged", "true")
    copy = nc.load_article(data_dir=data_copy)
    assert nc.checks.check("4.4", 15, copy).right and not nc.checks.check("4.4", 14, copy).right


def test_unknown_exercise():
    with pytest.raises(KeyError, match="1.1"):
        nc.checks.check("9.9", 1)
