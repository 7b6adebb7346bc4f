"""The development corpus for the extractor (corpus/dev): it loads, it is big enough, its split and its rights hold."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

import newsclaims as nc

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpus" / "dev"
LICENCES = {  # a rights text must name one of these
    "CC BY 2.5": "https://creativecommons.org/licenses/by/2.5/",
    "public domain": "17 U.S.C. § 105",
}


@pytest.fixture(scope="module")
def dev() -> nc.Corpus:
    return nc.load_corpus(DEV)


def split_rows() -> list[dict[str, str]]:
    with open(DEV / "split.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_folder_validates_with_the_package_loader(dev):
    assert set(dev.texts) == set(dev.articles["article_id"])
    assert len(dev.paragraphs) > 0


def test_it_has_at_least_ten_articles_and_150_statements(dev):
    assert len(dev.articles) >= 10
    assert len(dev.statements) >= 150
    assert set(dev.statements["article_id"]) == set(dev.articles["article_id"]), "an article with no statement"


def test_its_schema_is_the_package_schema():
    ours = json.loads((DEV / "datapackage.json").read_text(encoding="utf-8"))
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert ours["resources"] == package["resources"]


def test_the_split_covers_every_article_exactly_once(dev):
    rows = split_rows()
    ids = [row["article_id"] for row in rows]
    assert len(ids) == len(set(ids)), "an article is in the split twice"
    assert set(ids) == set(dev.articles["article_id"])
    assert {row["half"] for row in rows} == {"tune", "test"}


def test_both_halves_have_articles_and_statements(dev):
    half = {row["article_id"]: row["half"] for row in split_rows()}
    counts = dev.statements["article_id"].map(half).value_counts()
    assert counts.get("tune", 0) > 0 and counts.get("test", 0) > 0


def test_every_article_has_a_rights_text_naming_its_licence(dev):
    for row in dev.articles.itertuples():
        named = [name for name in LICENCES if name in row.rights]
        assert len(named) == 1, f"{row.article_id}: rights name no licence (or two): {row.rights!r}"
        assert LICENCES[named[0]] in row.rights, f"{row.article_id}: rights do not link or cite the licence"
        if row.outlet == "Wikinews":
            assert named == ["CC BY 2.5"] and "Wikinews contributors" in row.rights
            assert row.author == "Wikinews contributors"


def test_the_readme_credits_every_article_and_gives_the_split(dev):
    readme = (DEV / "README.md").read_text(encoding="utf-8")
    for row in dev.articles.itertuples():
        assert f"[{row.title}]({row.url})" in readme, f"{row.article_id} is not credited by title and link"
    for row in split_rows():
        assert re.search(rf"`{row['half']}` \|[^\n]*`{row['article_id']}`", readme), row["article_id"]


def test_statement_ids_name_their_article(dev):
    for row in dev.statements.itertuples():
        assert re.fullmatch(rf"{re.escape(row.article_id)}_s\d\d", row.statement_id), row.statement_id


def test_every_actor_speaks_and_every_alias_names_someone_in_some_text(dev):
    spoken = set(dev.statements["actor_id"]) | set(dev.statements["via"].dropna())
    assert set(dev.actors["actor_id"]) == spoken
    assert set(dev.aliases["alias"]) == set(dev.mentions["alias"]), "an alias no text uses"
