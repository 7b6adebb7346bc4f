"""Agreement statistics against published worked examples, and a student's coding driven headless."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import newsclaims as nc
from newsclaims import coding
from newsclaims import reliability as ag

from conftest import DATA


def pairs(yy: int, yn: int, ny: int, nn: int) -> tuple[list[str], list[str]]:
    """Two coders' yes/no answers from a 2×2 table (rows coder A, columns coder B)."""
    a = ["yes"] * (yy + yn) + ["no"] * (ny + nn)
    b = ["yes"] * yy + ["no"] * yn + ["yes"] * ny + ["no"] * nn
    return a, b


@pytest.mark.parametrize("table, kappa", [
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals, p_o = 0.7, p_e = 0.5
    ((20, 5, 10, 15), 0.4),
    # Wikipedia, "Cohen's kappa", same percentages but different numbers: the two tables of 100
    ((45, 15, 25, 15), 0.1304),
    ((25, 35, 5, 35), 0.2593),
])
def test_cohen_kappa_published_examples(table, kappa):
    assert ag.cohen_kappa(*pairs(*table)) == pytest.approx(kappa, abs=1e-4)


def test_cohen_kappa_edges():
    assert ag.cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    with pytest.raises(ValueError):
        ag.cohen_kappa(["a"], ["a", "b"])
    assert math.isnan(ag.cohen_kappa(["", "a"], [np.nan, ""]))  # no item with both answers


# --- Missing is missing: a blank or NaN answer is no answer, in every statistic alike -------------

@pytest.mark.parametrize("blank", [np.nan, None, "", "  "])
def test_cohen_kappa_leaves_out_items_without_both_answers(blank):
    # By hand: the first item is left out, leaving a = b = [a, b]. p_o = 2/2 = 1;
    # each coder gives a and b half the time, so p_e = 0.5*0.5 + 0.5*0.5 = 0.5;
    # kappa = (1 - 0.5) / (1 - 0.5) = 1. (Counting the blank as a disagreement gave 1/3.)
    assert ag.cohen_kappa([blank, "a", "b"], [blank, "a", "b"]) == 1.0
    # one side blank is enough to leave the item out: [a, b] against [a, b] again
    assert ag.cohen_kappa([blank, "a", "b"], ["b", "a", "b"]) == 1.0


@pytest.mark.parametrize("blank", [np.nan, ""])
def test_agreement_counts_only_statements_answered_on_both_sides(blank):
    student = pd.DataFrame({"statement_id": ["s1", "s2", "s3", "s4"],
                            "form": ["direct", "partial", blank, "paraphrase"]})
    reference = pd.DataFrame({"statement_id": ["s1", "s2", "s3", "s4"],
                              "form": ["direct", "partial", "direct", "paraphrase"]})
    row = ag.agreement(student, reference, fields=("form",)).iloc[0]
    # By hand: s3 has no answer from the student, so it is left out: 3 statements,
    # all three agree (100%). Kappa: both give direct, partial and paraphrase once
    # each, p_e = 3 * (1/3 * 1/3) = 1/3, p_o = 1, kappa = (1 - 1/3) / (1 - 1/3) = 1.
    assert (row["n"], row["agreement"], row["kappa"]) == (3, 100.0, 1.0)


def test_agreement_with_no_answer_on_a_field_is_nan_not_zero():
    student = pd.DataFrame({"statement_id": ["s1"], "form": [""], "stance": ["support"]})
    reference = pd.DataFrame({"statement_id": ["s1"], "form": ["direct"], "stance": ["support"]})
    result = ag.agreement(student, reference, fields=("form", "stance")).set_index("field")
    assert result.loc["form", "n"] == 0 and math.isnan(result.loc["form", "agreement"])
    assert result.loc["stance", "n"] == 1 and result.loc["stance", "agreement"] == 100.0


@pytest.mark.parametrize("blank", [np.nan, ""])
def test_class_agreement_treats_a_blank_answer_as_missing_not_as_a_category(blank):
    # Three coders, four statements; coder A left u3 blank.
    #        u1 u2 u3 u4
    #   A    a  a  -  b
    #   B    a  a  a  b
    #   C    a  a  b  b
    # By hand (Krippendorff's nominal alpha = 1 - (n - 1) * D_o / D_e over the coincidences):
    #   u1, u2: three a's, 6 ordered pairs weighted 1/(3-1): o(a,a) += 3 each;
    #   u3: a and b: o(a,b) = o(b,a) = 1;  u4: three b's: o(b,b) += 3.
    #   n_a = 3 + 3 + 1 = 7, n_b = 1 + 3 = 4, n = 11; D_o = o(a,b) + o(b,a) = 2;
    #   D_e = 2 * n_a * n_b = 56; alpha = 1 - 10 * 2 / 56 = 9/14 = 0.642857.
    # Had the blank been a category "" (what it used to be): u3 holds "", a and b, each of its
    # 6 ordered pairs disagrees and weighs 1/2, D_o = 3; n_"" = 1, n = 12;
    # D_e = 2 * (1*7 + 1*4 + 7*4) = 78; alpha = 1 - 11 * 3 / 78 = 15/26 = 0.576923.
    codings = {"A": pd.DataFrame({"statement_id": ["u1", "u2", "u3", "u4"], "form": ["a", "a", blank, "b"]}),
               "B": pd.DataFrame({"statement_id": ["u1", "u2", "u3", "u4"], "form": ["a", "a", "a", "b"]}),
               "C": pd.DataFrame({"statement_id": ["u1", "u2", "u3", "u4"], "form": ["a", "a", "b", "b"]})}
    result = ag.class_agreement(codings, fields=("form",)).iloc[0]
    assert result["alpha"] == pytest.approx(9 / 14, abs=1e-9)
    assert round(result["alpha"], 4) == 0.6429 and result["units"] == 4


def test_confusion_chart_leaves_out_blank_answers():
    student = pd.DataFrame({"statement_id": ["s1", "s2", "s3"], "form": ["direct", "", np.nan]})
    reference = pd.DataFrame({"statement_id": ["s1", "s2", "s3"], "form": ["direct", "partial", "direct"]})
    fig = nc.charts.confusion_chart(student, reference, "form")
    assert "1 of 1" in fig.layout.title.text and list(fig.data[0].x) == ["direct"]


def test_krippendorff_published_examples():
    nan = np.nan
    # Wikipedia, "Krippendorff's alpha", a computational example: 3 coders, 15 units, nominal alpha 0.691
    wiki = {"A": [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
            "B": [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
            "C": [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4]}
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, nominal 0.743
    paper = {"A": [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
             "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
             "C": [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
             "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]}
    for data, alpha in ((wiki, 0.691), (paper, 0.743)):
        codings = {coder: pd.DataFrame({"statement_id": [f"u{i}" for i, v in enumerate(values) if not math.isnan(v)],
                                        "form": [str(int(v)) for v in values if not math.isnan(v)]})
                   for coder, values in data.items()}
        result = ag.class_agreement(codings, fields=("form",)).iloc[0]
        assert result["alpha"] == pytest.approx(alpha, abs=1e-3)
        assert result["coders"] == len(data)



def test_reference_coding_has_a_row_per_position(art):
    ref = ag.reference_coding(art)
    # 44 positions, one row each (holders included), and 4 statements with none (s18, s22, s29, s30);
    # s21 (Sacks on "China's embrace of Russia") records China's stance on alignment since the second reading
    assert len(ref) == 48
    assert list(ref.columns) == ["statement_id", "actor_id", "form", "topic_id", "holder_id", "stance", "hedged"]
    s02 = ref[ref["statement_id"] == "cnn22_s02"].iloc[0]
    assert (s02["topic_id"], s02["holder_id"], s02["stance"], s02["hedged"]) == \
        ("condemn_russia", "zhang_jun", "neutral", "true")
    assert ref.loc[ref["statement_id"] == "cnn22_s30", ["topic_id", "holder_id", "stance", "hedged"]
                   ].values.tolist() == [["none", "none", "none", "none"]]


def test_any_coded_topic_of_a_statement_matches(art):
    ref = ag.reference_coding(art)
    # s05 touches peaceful_means, un_charter and take_sides; choosing un_charter agrees
    student = pd.DataFrame([{"statement_id": "cnn22_s05", "actor_id": "zhang_jun", "form": "direct",
                             "topic_id": "un_charter", "holder_id": "zhang_jun", "stance": "support",
                             "hedged": "false"}])
    result = ag.agreement(student, ref).set_index("field")["agreement"]
    assert result.to_dict() == {"actor_id": 100.0, "form": 100.0, "topic_id": 100.0, "holder_id": 100.0,
                                "stance": 100.0, "hedged": 100.0}


def test_agreement_counts_by_hand(art):
    ref = ag.reference_coding(art).drop_duplicates("statement_id").head(10).reset_index(drop=True)
    student = ref.copy()
    student.loc[[0, 1], "form"] = "direct"  # two of ten wrong
    result = ag.agreement(student, ref).set_index("field")
    assert result.loc["form", "n"] == 10 and result.loc["form", "agreement"] == 80.0
    assert result.loc["actor_id", "kappa"] == 1.0
    assert result.loc["form", "kappa"] == pytest.approx(ag.cohen_kappa(student["form"], ref["form"]))


def test_coding_widget_saves_each_answer_and_resumes(art, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path))
    store = coding.CodingStore("Ana Lee", art.article_id)
    box = coding.coding_widget(art, store)
    answers = [("zhang_jun", "partial", "peaceful_means", "zhang_jun", "support", "false"),
               ("zhang_jun", "paraphrase", "condemn_russia", "zhang_jun", "oppose", "true"),  # reference: neutral
               ("china", "paraphrase", "peaceful_means", "zhang_jun", "support", "false")]    # reference: zhang_jun
    for answer in answers:
        for dropdown, value in zip(box.ask.values(), answer):
            dropdown.value = value
        box.save()
    path = tmp_path / f"Ana_Lee.{art.article_id}.csv"
    saved = pd.read_csv(path, dtype=str)
    assert saved["statement_id"].tolist() == ["cnn22_s01", "cnn22_s02", "cnn22_s03"]
    assert saved["stance"].tolist() == ["support", "oppose", "support"]
    # a new kernel: the widget starts at the first unanswered statement
    again = coding.coding_widget(art, coding.CodingStore("Ana Lee", art.article_id))
    assert "Statement 4 of 37" in again.children[0].value
    # the numbers
    result = nc.agreement(saved, nc.reference_coding(art)).set_index("field")
    assert result.loc["actor_id", "agreement"] == pytest.approx(200 / 3)
    assert result.loc["stance", "agreement"] == pytest.approx(200 / 3)
    assert result.loc["form", "agreement"] == 100.0
    diffs = coding.differences(art, coding.CodingStore("Ana Lee", art.article_id))
    assert diffs[["statement_id", "field", "yours", "reference"]].values.tolist() == [
        ["cnn22_s02", "stance", "oppose", "neutral"], ["cnn22_s03", "actor_id", "china", "zhang_jun"]]
    assert "stopped short of condemning" in diffs.iloc[0]["note"].lower()


def test_unfinished_answer_is_not_saved(art, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path))
    box = coding.coding_widget(art, coding.CodingStore("b", art.article_id))
    box.ask["actor_id"].value = "zhang_jun"
    box.save()
    assert not list(tmp_path.glob("*.csv"))
    assert "Choose form, topic, holder, stance, hedged first" in box.children[-1].value


def test_student_work_never_goes_into_data(monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(DATA / "work"))
    with pytest.raises(ValueError, match="must not be saved in the data folder"):
        coding.work_dir()
    assert not (DATA / "work").exists()


def test_confusion_chart(art):
    ref = ag.reference_coding(art).drop_duplicates("statement_id").head(6).reset_index(drop=True)
    student = ref.copy()
    student.loc[0, "form"] = "direct"
    fig = nc.charts.confusion_chart(student, ref, "form")
    assert "5 of 6" in fig.layout.title.text
    assert "cnn22_s01" in str(fig.data[0].customdata)


def test_confusion_chart_keeps_its_old_name_in_reliability_for_one_release():
    with pytest.warns(DeprecationWarning, match="newsclaims.charts.confusion_chart"):
        old = ag.confusion_chart
    assert old is nc.charts.confusion_chart
    with pytest.raises(AttributeError):
        ag.no_such_function  # noqa: B018


def test_harder_mode_marks_are_saved_and_compared(art, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path))
    box = coding.marking_widget(art, coding.MarkStore("Ana", art.article_id))
    box.paragraph.value = 3
    box.words.value = "Beijing welcomed and encouraged every effort for a diplomatic solution"  # s03, exactly
    box.mark()
    box.words.value = "China's UN Ambassador Zhang Jun"  # not a statement
    box.mark()
    box.words.value = "words that are not there"
    box.mark()
    assert "not in this paragraph" in box.children[-1].value
    saved = pd.read_csv(tmp_path / f"Ana.{art.article_id}.marks.csv")
    assert saved["text"].tolist() == ["Beijing welcomed and encouraged every effort for a diplomatic solution",
                                      "China's UN Ambassador Zhang Jun"]
    box.check()
    assert "You found 1 of 2 statements here." in box.children[-1].value
    table = coding.compare_marks(art, coding.MarkStore("Ana", art.article_id).marks(), [3])
    assert table["result"].tolist() == ["found", "missed", "not a statement in the reference"]
    assert table["statement_id"].tolist()[:2] == ["cnn22_s03", "cnn22_s04"]
    box.undo()
    assert len(coding.MarkStore("Ana", art.article_id).marks()) == 1


def test_overlap():
    from newsclaims.text import overlap

    assert overlap((0, 10), (0, 10)) == 1.0
    assert overlap((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert overlap((0, 4), (6, 9)) == 0.0


def test_a_wrong_topic_gets_no_credit_for_its_stance(art):
    ref = ag.reference_coding(art)
    # s05 is coded on peaceful_means, un_charter (support) and take_sides (oppose, hedged)
    student = pd.DataFrame([{"statement_id": "cnn22_s05", "actor_id": "zhang_jun", "form": "direct",
                             "topic_id": "nato_enlargement", "stance": "oppose"}])
    result = ag.agreement(student, ref).set_index("field")["agreement"]
    assert result["topic_id"] == 0.0 and result["stance"] == 0.0


def test_two_windows_on_one_file_lose_nothing(art, tmp_path):
    first = coding.CodingStore("ana", art.article_id, tmp_path)
    second = coding.CodingStore("ana", art.article_id, tmp_path)
    answer = {"actor_id": "zhang_jun", "form": "partial", "topic_id": "peaceful_means", "stance": "support"}
    first.save("cnn22_s01", **answer)
    second.save("cnn22_s02", **answer)  # second was opened before first saved
    saved = coding.CodingStore("ana", art.article_id, tmp_path).answers()
    assert saved["statement_id"].tolist() == ["cnn22_s01", "cnn22_s02"]


def test_load_codings_reads_only_codings(art, tmp_path):
    store = coding.CodingStore("ana", art.article_id, tmp_path)
    store.save("cnn22_s01", actor_id="zhang_jun", form="partial", topic_id="peaceful_means", stance="support")
    coding.MarkStore("ana", art.article_id, tmp_path).add(3, 0, 5, "words")
    codings = coding.load_codings(tmp_path, art.article_id)
    assert list(codings) == ["ana"] and len(codings["ana"]) == 1


# --- Holder and hedge: the stance of the holder you chose ------------------------------------

def s19(holder, stance, hedged="false"):
    """One answer to cnn22_s19, David Sacks on Minsk: China supports a return, Putin 'tore that up'."""
    return pd.DataFrame([{"statement_id": "cnn22_s19", "actor_id": "david_sacks", "form": "partial",
                          "topic_id": "minsk", "holder_id": holder, "stance": stance, "hedged": hedged}])


def test_s19_has_two_holders_with_opposite_stances_on_one_topic(art):
    pos = art.positions[art.positions["statement_id"] == "cnn22_s19"]
    assert pos[["topic_id", "holder_id", "stance"]].astype(str).values.tolist() == [
        ["minsk", "china", "support"], ["minsk", "vladimir_putin", "oppose"]]


@pytest.mark.parametrize("holder, stance, holder_agrees, stance_agrees", [
    ("china", "support", True, True),
    ("china", "oppose", True, False),           # oppose is Putin's stance, not China's
    ("vladimir_putin", "oppose", True, True),
    ("vladimir_putin", "support", True, False),  # support is China's stance, not Putin's
    ("russia", "oppose", False, False),          # not a holder the reference codes here: China's row counts
])
def test_the_stance_is_scored_against_the_holder_you_chose(art, holder, stance, holder_agrees, stance_agrees):
    result = ag.agreement(s19(holder, stance), ag.reference_coding(art)).set_index("field")
    assert result.loc["topic_id", "agreement"] == 100.0
    assert result.loc["holder_id", "agreement"] == (100.0 if holder_agrees else 0.0)
    assert result.loc["stance", "agreement"] == (100.0 if stance_agrees else 0.0)
    assert result.loc["hedged", "agreement"] == 100.0  # both of s19's stances are firm


def test_s19_is_flagged_in_the_note(art):
    result = ag.agreement(s19("vladimir_putin", "oppose"), ag.reference_coding(art)).set_index("field")
    assert "cnn22_s19" in result.loc["stance", "note"] and "the holder you chose" in result.loc["stance", "note"]
    assert "cnn22_s19" not in result.loc["form", "note"]


def test_with_no_holder_the_first_holders_stance_counts(art):
    # a file saved before the holder was asked: the holder is missing, and s19's stance is China's (first)
    result = ag.agreement(s19("", "oppose"), ag.reference_coding(art)).set_index("field")
    assert result.loc["holder_id", "n"] == 0 and math.isnan(result.loc["holder_id", "agreement"])
    assert result.loc["stance", "agreement"] == 0.0
    assert ag.agreement(s19("", "support"), ag.reference_coding(art)).set_index("field").loc["stance",
                                                                                             "agreement"] == 100.0


def test_a_student_coding_without_holder_or_hedged_columns_counts_them_as_missing(art):
    old = s19("china", "support").drop(columns=["holder_id", "hedged"])
    result = ag.agreement(old, ag.reference_coding(art)).set_index("field")
    assert result.loc["holder_id", "n"] == result.loc["hedged", "n"] == 0
    assert result.loc["stance", "agreement"] == 100.0


def test_two_holders_with_the_same_stance_agree_either_way(art):
    # s09, the joint statement: China and Russia both support alignment
    for holder in ("china", "russia"):
        student = pd.DataFrame([{"statement_id": "cnn22_s09", "topic_id": "china_russia_alignment",
                                 "holder_id": holder, "stance": "support", "hedged": "false"}])
        result = ag.agreement(student, ag.reference_coding(art), fields=("holder_id", "stance")).set_index("field")
        assert result["agreement"].tolist() == [100.0, 100.0] and "cnn22_s09" not in result.loc["stance", "note"]


def test_hedged_as_true_false_or_text(art):
    for hedged in (True, "true", np.True_):
        student = pd.DataFrame([{"statement_id": "cnn22_s02", "topic_id": "condemn_russia", "holder_id": "zhang_jun",
                                 "stance": "neutral", "hedged": hedged}])
        assert ag.agreement(student, ag.reference_coding(art), fields=("hedged",)).iloc[0]["agreement"] == 100.0


# --- Small numbers: a note when kappa or alpha says little ----------------------------------------

def test_three_statements_kappa_zero_at_67_percent_has_a_note():
    # By hand: the reference says paraphrase three times, the student twice; p_o = 2/3;
    # p_e = 1 * 2/3 (paraphrase) + 0 * 1/3 (partial) = 2/3, so kappa = 0 at 67% agreement.
    student = pd.DataFrame({"statement_id": ["a", "b", "c"], "form": ["paraphrase", "paraphrase", "partial"]})
    reference = pd.DataFrame({"statement_id": ["a", "b", "c"], "form": ["paraphrase"] * 3})
    row = ag.agreement(student, reference, fields=("form",)).iloc[0]
    assert row["n"] == 3 and row["agreement"] == pytest.approx(200 / 3) and row["kappa"] == 0.0
    assert "only 3 statements" in row["note"] and "too few for kappa" in row["note"]
    assert "'paraphrase' is 83% of the answers" in row["note"] and "kappa paradox" in row["note"]


def test_no_note_when_there_are_enough_varied_answers():
    forms = ["direct", "partial", "paraphrase"] * 4
    student = pd.DataFrame({"statement_id": [f"s{i}" for i in range(12)], "form": forms})
    row = ag.agreement(student, student.copy(), fields=("form",)).iloc[0]
    assert row["n"] == 12 and row["note"] == ""


def test_one_dominant_answer_is_noted_however_many_statements():
    # 20 statements, 19 support in each coding, but not on the same ones: they disagree on s18 and s19.
    # By hand: p_o = 18/20 = 0.9; p_e = 0.95 * 0.95 + 0.05 * 0.05 = 0.905; kappa = -0.005 / 0.095 = -0.053.
    a = ["support"] * 19 + ["oppose"]
    b = ["support"] * 18 + ["oppose", "support"]
    student = pd.DataFrame({"statement_id": [f"s{i}" for i in range(20)], "stance": a})
    reference = pd.DataFrame({"statement_id": [f"s{i}" for i in range(20)], "stance": b})
    row = ag.agreement(student, reference, fields=("stance",)).iloc[0]
    assert row["agreement"] == 90.0 and row["kappa"] == pytest.approx(-0.005 / 0.095)
    assert "only 20" not in row["note"] and "'support' is 95% of the answers" in row["note"]


def test_class_agreement_notes_few_units():
    codings = {c: pd.DataFrame({"statement_id": ["u1", "u2", "u3"], "form": ["a", "b", "a"]}) for c in "AB"}
    row = ag.class_agreement(codings, fields=("form",)).iloc[0]
    assert row["units"] == 3 and "only 3 statements" in row["note"] and "too few for alpha" in row["note"]


def test_the_example_coding_is_the_reference_with_the_listed_answers_changed(art):
    reference = ag.reference_coding(art).drop_duplicates("statement_id").reset_index(drop=True)
    example = ag.example_coding(art)
    differs = example != reference
    changed = {(field, row) for field, rows, value in ag.EXAMPLE_CHANGES for row in rows
               if reference.at[row, field] != value}
    assert {(field, int(row)) for field in example.columns for row in example.index[differs[field]]} == changed
    assert len(changed) == 7  # two speakers, three forms and two stances, as lesson 05 says
    for field, rows, value in ag.EXAMPLE_CHANGES:
        assert (example.loc[list(rows), field] == value).all()
    before = example.copy()
    changed = ag.change_answers(example, "form", [0, 99], "quoted")  # row 99 is past the end: left out
    assert changed.at[0, "form"] == "quoted" and len(changed) == len(example)
    pd.testing.assert_frame_equal(example, before)  # a copy is changed, not the coding given


# --- The second article's two codings (data/README.md, "The second article": "Checking the coding") ---------------

def second_article_answers():
    """The second coder's answers matched to the first coding's statements by span overlap (at least 0.5)."""
    from newsclaims.extract import _match

    from conftest import ROOT

    art = nc.load_article("wikinews_turkey_libya_2020", data_dir=DATA)
    second = pd.read_csv(ROOT / "docs" / "agreement" / "wikinews_turkey_libya_2020.second_coding.csv", dtype=str,
                         keep_default_na=False).astype({"paragraph": int, "start": int, "end": int})
    first = art.statements.astype({"paragraph": int, "start": int, "end": int}).reset_index(drop=True)
    pairs = _match(second, first, 0.5)
    answers = second.iloc[[i for i, _, _ in pairs]].assign(
        statement_id=[first["statement_id"].iloc[j] for _, j, _ in pairs])
    return art, second, pairs, answers


def test_the_second_codings_quotes_are_the_text_of_their_spans():
    art, second, _, _ = second_article_answers()
    assert [art.text[r.start:r.end] for r in second.itertuples()] == second["quote"].tolist()


def test_the_second_articles_agreement_is_as_data_readme_reports_it():
    # data/README.md: the same 19 statements, none missed; after settling, every field agrees on every statement
    # but the hedge of two stances (wn20_s04, wn20_s12): 17/19, kappa 0.81
    art, second, pairs, answers = second_article_answers()
    assert len(second) == len(art.statements) == len(pairs) == 19
    table = ag.agreement(answers, ag.reference_coding(art)).set_index("field")
    assert (table["n"] == 19).all()
    assert (table.drop(index="hedged")["agreement"] == 100).all()
    assert round(table.loc["hedged", "agreement"] / 100 * 19) == 17
    assert table.loc["hedged", "kappa"] == pytest.approx(0.81, abs=0.005)
