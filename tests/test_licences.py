"""What a teacher may reuse is stated: the code's licence, the data's, and each article text's rights."""

from __future__ import annotations

import json
import re
from pathlib import Path

import newsclaims as nc

ROOT = Path(__file__).resolve().parents[1]


def anchors(markdown: str) -> set[str]:
    """GitHub's anchors for the headings of a markdown file."""
    return {re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
            for line in markdown.splitlines() if line.startswith("#")}


def test_the_readme_links_three_terms_and_every_link_resolves():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\((LICENSE[^)]*)\)", readme)
    assert {"LICENSE", "LICENSES.md"} <= {link.split("#")[0] for link in links}
    licences = (ROOT / "LICENSES.md").read_text(encoding="utf-8")
    for link in links:
        path, _, anchor = link.partition("#")
        assert (ROOT / path).is_file(), link
        if anchor:
            assert anchor in anchors(licences), f"{link}: no such heading in LICENSES.md"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_data_package_names_its_licence_and_every_article_its_rights():
    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
    articles = nc.list_articles()
    assert articles["rights"].str.len().gt(20).all()
    assert "`cnn_china_ukraine_2022`" in (ROOT / "LICENSES.md").read_text(encoding="utf-8")
