"""``python -m newsclaims validate``: output and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import DATA, line_of, read_rows, set_value


def run(*args: str, env: dict[str, str] | None = None, cwd: str | None = None):
    return subprocess.run([sys.executable, "-m", "newsclaims", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, cwd=cwd, timeout=120)


def test_validate_ok_with_counts(tmp_path):
    done = run("validate", cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")
    # the counts, worked out from the files: every article's paragraphs, every statement
    articles = read_rows(DATA / "articles.csv")[1]
    paragraphs = sum(len((DATA / a["text_file"]).read_text(encoding="utf-8").strip().split("\n\n")) for a in articles)
    statements = len(read_rows(DATA / "statements.csv")[1])
    assert done.stdout.startswith(f"ok: {len(articles)} article{'s' * (len(articles) != 1)}, {paragraphs} paragraphs, ")
    assert f", {statements} statements, " in done.stdout
    for a in articles:  # one completeness line per article
        assert f"\n{a['article_id']}: " in done.stdout
    assert done.stderr == ""


def test_validate_a_named_folder(data_copy):
    set_value(data_copy / "statements.csv", "statement_id", "cnn22_s05", "form", "quotation")
    assert run("validate").returncode == 0
    done = run("validate", str(data_copy))
    assert done.returncode == 1
    assert done.stdout == ""


def test_validate_prints_every_problem_one_per_line(data_copy):
    path = data_copy / "statements.csv"
    set_value(path, "statement_id", "cnn22_s05", "form", "quotation")
    set_value(path, "statement_id", "cnn22_s09", "actor_id", "nobody")
    done = run("validate", str(data_copy))
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[-1] == "2 problems found"
    assert lines[0].endswith(f"statements.csv line {line_of(path, 'cnn22_s05,')}, column form: "
                             "'quotation' is not one of: direct, partial, paraphrase")
    assert lines[1].endswith(f"statements.csv line {line_of(path, 'cnn22_s09,')}, column actor_id: "
                             "'nobody' is not a known actor_id (see actors.csv)")


def test_validate_uses_the_environment_folder(data_copy):
    (data_copy / "events.csv").unlink()
    done = run("validate", env={"NEWSCLAIMS_DATA": str(data_copy)})
    assert done.returncode == 1
    assert "events.csv: file is missing" in done.stderr


def test_unknown_command_fails():
    done = run("frobnicate")
    assert done.returncode == 2
    assert "invalid choice" in done.stderr
