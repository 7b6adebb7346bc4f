"""Adding an article: every value checked before anything is written; the row and text together or not at all."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import newsclaims as nc

from conftest import ARTICLE, DATA, read_rows

SAMPLE = ("Riverton (Example News) The mayor, Ana Ruiz, said the old bridge would reopen in May.\n\n"
          '"We have fixed what was broken, and we have checked it twice," Ruiz said – café’s “owner” too.\n')
REQUIRED = ("--title", "Bridge to reopen", "--outlet", "Example News", "--author", "A. Writer",
            "--published", "2026-05-04", "--url", "https://example.org/bridge", "--rights", "Invented.")
CAN_MOUNT = shutil.which("unshare") is not None and os.geteuid() == 0 and subprocess.run(
    ["unshare", "-m", "true"], capture_output=True).returncode == 0


def cli(*args: str, env: dict[str, str]):
    return subprocess.run([sys.executable, "-m", "newsclaims", *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def options(**changed: str) -> list[str]:
    """The required options with some changed (``author=None`` leaves --author out)."""
    given = dict(zip(REQUIRED[::2], REQUIRED[1::2])) | {f"--{k}": v for k, v in changed.items()}
    return [part for name, value in given.items() if value is not None for part in (name, value)]


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    return path


@pytest.fixture
def untouched(data_copy: Path, tmp_path: Path):
    """Asserts, when called, that nothing was written: not the data folder, not a review file."""
    def files_in(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.is_file() and p.name != nc.files.LOCK_NAME}

    before = files_in(data_copy)

    def check() -> None:
        assert files_in(data_copy) == before
        assert not list((tmp_path / "work").glob("*review*"))
    return check


def test_a_new_article_validates_and_loads_with_its_text_verbatim(data_copy, tmp_path, story):
    env = {"NEWSCLAIMS_WORK": str(tmp_path / "work")}
    old = (data_copy / "articles.csv").read_bytes()
    done = cli("new-article", str(story), "--id", "example_bridge", *REQUIRED, "--dateline", "Riverton",
               "--data", str(data_copy), env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    n = len(read_rows(DATA / "articles.csv")[1]) + 1  # the package's articles and the new one
    ok = next(i for i, line in enumerate(lines) if line.startswith("ok: "))
    assert lines[ok].startswith(f"ok: {n} articles, ") and len(lines[ok + 1:]) == n  # then one line per article
    assert lines[-1] == ("example_bridge: 0 statements — code some "
                         "(python -m newsclaims validate --complete)")
    assert cli("validate", str(data_copy), env=env).stdout.startswith(f"ok: {n} articles, ")
    assert (data_copy / "texts" / "example_bridge.txt").read_bytes() == story.read_bytes()
    assert (data_copy / "articles.csv").read_bytes().startswith(old)  # the rows there are kept byte for byte
    art = nc.load_article("example_bridge", data_dir=data_copy)
    assert art.text == SAMPLE and len(art.paragraphs) == 2 and art.statements.empty
    assert art.meta["author"] == "A. Writer" and art.meta["dateline"] == "Riverton"
    assert art.meta["published"] == pd.Timestamp("2026-05-04")
    # the review files are in the work folder, not the data folder
    review = pd.read_csv(tmp_path / "work" / "example_bridge_review.csv")
    assert review["quote"].str.contains("We have fixed what was broken").any()
    assert "ana_ruiz" in set(review["suggested_actor_id"])
    assert (tmp_path / "work" / "example_bridge_actors_review.csv").is_file()
    assert not list(data_copy.rglob("*review*"))
    # the seed article is untouched
    assert len(nc.load_article(ARTICLE, data_dir=data_copy).statements) == 37


def test_a_malformed_articles_csv_is_reported_by_line_and_left_as_it_is(data_copy, tmp_path, story, untouched):
    path = data_copy / "articles.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].removesuffix("\n") + ",stray\n"
    path.write_text("".join(lines), encoding="utf-8")
    untouched_now = path.read_bytes()
    done = cli("new-article", str(story), "--id", "example_bridge", *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert "articles.csv line 2: has 13 fields, the header has 12" in done.stderr
    assert "nothing was written" in done.stderr
    assert path.read_bytes() == untouched_now
    assert not (data_copy / "texts" / "example_bridge.txt").exists()


@pytest.mark.skipif(not CAN_MOUNT, reason="needs root and unshare to mount a tiny file system in a private "
                                          "mount namespace")
def test_a_full_disk_writes_neither_the_row_nor_the_text(data_copy, tmp_path):
    big = tmp_path / "big.txt"
    paragraph = "The mayor said the bridge would reopen in May, and residents said it would not. " * 12
    big.write_text("\n\n".join([paragraph.strip()] * 200) + "\n", encoding="utf-8")  # ~190 KB
    disk = tmp_path / "disk"
    disk.mkdir()
    # room for the data folder and about 48 KB more: less than the text needs
    size = sum(p.stat().st_size for p in data_copy.rglob("*") if p.is_file()) // 1024 + 48 + 4 * len(
        list(data_copy.rglob("*")))
    script = ('disk="$1" data="$2" python="$3" text="$4"; shift 4; '
              f'mount -t tmpfs -o size={size}k tmpfs "$disk" && cp -r "$data"/. "$disk"/ && df -k "$disk" | tail -1 && '
              '"$python" -m newsclaims new-article "$text" --id big_story "$@"; echo "RC $?"; '
              'sha256sum "$disk"/articles.csv; ls -A "$disk" "$disk"/texts')
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(disk), str(data_copy), sys.executable,
                           str(big), *REQUIRED, "--data", str(disk)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NEWSCLAIMS_WORK": str(tmp_path / "work")})
    free = int(done.stdout.splitlines()[0].split()[3]) * 1024
    assert big.stat().st_size > free
    assert "RC 1" in done.stdout, done.stdout + done.stderr
    assert "the disk is full" in done.stderr
    digest = hashlib.sha256((data_copy / "articles.csv").read_bytes()).hexdigest()
    assert f"{digest}  {disk}/articles.csv" in done.stdout
    listed = done.stdout.split("RC 1", 1)[1].split()
    assert "big_story.txt" not in listed
    assert not [name for name in listed if name.endswith(".tmp")]


def test_a_dangling_link_at_the_text_is_refused_and_its_target_not_made(data_copy, tmp_path, story):
    outside = tmp_path / "outside.txt"
    link = data_copy / "texts" / "example_bridge.txt"
    link.symlink_to(outside)
    before = (data_copy / "articles.csv").read_bytes()
    done = cli("new-article", str(story), "--id", "example_bridge", *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert "texts/example_bridge.txt: exists already (a link)" in done.stderr
    assert not outside.exists() and link.is_symlink()
    assert (data_copy / "articles.csv").read_bytes() == before


def test_the_schema_s_required_fields_are_required_options(data_copy, tmp_path, story, untouched):
    done = cli("new-article", str(story), "--id", "example_bridge",
               *options(author=None, url=None, rights=None), "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 2
    assert "the following arguments are required: --author, --url, --rights" in done.stderr
    untouched()


def test_the_options_follow_the_descriptor(data_copy, tmp_path, story):
    path = data_copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    articles = next(r for r in descriptor["resources"] if r["name"] == "articles")
    next(f for f in articles["schema"]["fields"] if f["name"] == "dateline")["constraints"] = {"required": True}
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    done = cli("new-article", str(story), "--id", "example_bridge", *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 2 and "required: --dateline" in done.stderr
    assert not (data_copy / "texts" / "example_bridge.txt").exists()


@pytest.mark.parametrize("published", ["2022", "now", "3022-02-22", "2022-02-30", "1850-01-01"])
def test_a_publication_date_is_a_real_date_between_1900_and_2100(data_copy, tmp_path, story, untouched, published):
    done = cli("new-article", str(story), "--id", "example_bridge", *options(published=published),
               "--data", str(data_copy), env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert f"--published: {published!r} is not a date (YYYY-MM-DD) between 1900 and 2100" in done.stderr
    untouched()


def test_a_long_id_is_refused_before_anything_is_written(data_copy, tmp_path, story, untouched):
    done = cli("new-article", str(story), "--id", "a" * 250, *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert "--id: is 250 characters long; at most 64" in done.stderr
    assert "Traceback" not in done.stderr
    untouched()


def test_each_problem_is_named_by_its_option_and_all_are_reported_at_once(data_copy, tmp_path, story, untouched):
    done = cli("new-article", str(story), "--id", "Bad Id", *options(title="", url="ftp://example.org",
                                                                      rights="one\ntwo"),
               "--data", str(data_copy), env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "new-article: --id: 'Bad Id' does not match the pattern [a-z0-9_]+",
        "new-article: --title: missing required value",
        "new-article: --url: 'ftp://example.org' is not a web address (http or https)",
        "new-article: --rights: has a line break: give the value on one line",
        "new-article: 4 problems; nothing was written",
    ]
    untouched()


def test_review_files_are_never_written_into_the_data_folder(data_copy, tmp_path, story, untouched):
    done = cli("new-article", str(story), "--id", "example_bridge", *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(data_copy / "work")})
    assert done.returncode == 1
    assert "must not be saved in the data folder" in done.stderr
    assert not (data_copy / "work").exists()
    untouched()


def test_a_badly_laid_out_text_is_reported_by_line(data_copy, tmp_path, untouched):
    text = tmp_path / "story.txt"
    text.write_bytes(b"First paragraph.\r\n\r\nSecond\nparagraph.\n")
    done = cli("new-article", str(text), "--id", "example_bridge", *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert "story.txt line 1: Windows line ending (CR LF)" in done.stderr
    assert "story.txt line 4: a paragraph continues on a new line" in done.stderr
    untouched()


def test_an_existing_article_is_never_overwritten(data_copy, tmp_path, story, untouched):
    done = cli("new-article", str(story), "--id", ARTICLE, *REQUIRED, "--data", str(data_copy),
               env={"NEWSCLAIMS_WORK": str(tmp_path / "work")})
    assert done.returncode == 1
    assert f"--id: there is already an article {ARTICLE!r}" in done.stderr
    untouched()


@pytest.mark.parametrize("bad_id", ["Bad Id", "x-y", "", "../up", "a" * 65])
def test_ids_from_python(data_copy, tmp_path, story, untouched, bad_id, monkeypatch):
    from newsclaims.newarticle import new_article

    monkeypatch.setenv("NEWSCLAIMS_WORK", str(tmp_path / "work"))
    values = dict(zip((o.removeprefix("--") for o in REQUIRED[::2]), REQUIRED[1::2]))
    with pytest.raises(nc.DataError, match="^article_id: "):
        new_article(story, bad_id, data=data_copy, **values)
    untouched()


def test_add_row_appends_through_the_one_write_path(data_copy, monkeypatch):
    from newsclaims import files
    from newsclaims.newarticle import add_row

    written = []
    write_rows = files.write_rows
    monkeypatch.setattr(files, "write_rows", lambda path, header, rows: written.append(path) or
                        write_rows(path, header, rows))
    row = add_row(data_copy, "actors", actor_id="ana_ruiz", name="Ana Ruiz", kind="person", note=None)
    header, _ = files.read_rows(data_copy / "actors.csv")
    assert list(row) == header and row["name"] == "Ana Ruiz" and row["note"] == row["role"] == ""
    add_row(data_copy, "aliases", actor_id="ana_ruiz", alias="Ruiz")
    assert written == [data_copy / "actors.csv", data_copy / "aliases.csv"]
    n, m = (len(read_rows(data_copy / f"{t}.csv")[1]) for t in ("articles", "statements"))
    assert nc.data.problems(data_copy) == [f"ok: {n} article{'s' * (n != 1)}, {m} statements"]
    actors = nc.load_corpus(data_copy).actors
    assert actors.iloc[-1]["actor_id"] == "ana_ruiz" and len(actors) == len(nc.load_corpus().actors) + 1


def test_add_row_refuses_an_unknown_table_or_column_and_writes_nothing(data_copy):
    from newsclaims.newarticle import add_row

    before = (data_copy / "actors.csv").read_bytes()
    with pytest.raises(ValueError, match="no table 'speakers'; its tables are articles, actors"):
        add_row(data_copy, "speakers", actor_id="x")
    with pytest.raises(ValueError, match="actors has no column 'party'"):
        add_row(data_copy, "actors", actor_id="x", party="none")
    assert (data_copy / "actors.csv").read_bytes() == before


def test_add_row_writes_numbers_as_text(data_copy):
    from newsclaims.newarticle import add_row

    text = nc.load_article(data_dir=data_copy).text
    quote = text[100:140]
    row = add_row(data_copy, "statements", statement_id="cnn22_s99", article_id=ARTICLE, actor_id="china",
                  quote=quote, start=100, end=140, paragraph=1, form="paraphrase")
    assert (row["start"], row["end"], row["paragraph"]) == ("100", "140", "1")


def test_the_review_files_hold_names_not_pronouns_weekdays_or_sentence_words():
    from newsclaims.newarticle import _review_files, review_names

    text = ("On Monday, Russian President Vladimir Putin met Ana Ruiz in Moscow. He said the talks had failed.\n\n"
            "The Kremlin said nothing. Officials left. The U.S. Ambassador said the vote was a test.\n\n"
            '"We will not sign this deal today," she said.\n')
    names = review_names(text)
    assert names.to_dict() == {"Vladimir Putin": 1, "Ana Ruiz": 1, "Moscow": 1, "Kremlin": 1}
    assert nc.extract.junk_share(names.index) == 0.0
    statements, actors = (pd.read_csv(io.BytesIO(content)) for content in _review_files(text))
    assert actors["name"].tolist() == names.index.tolist()
    assert actors["suggested_actor_id"].tolist() == ["vladimir_putin", "ana_ruiz", "moscow", "kremlin"]
    # no pronoun is a speaker: "He" and "she" stand for the latest person named, or a title
    assert statements["speaker_text"].tolist() == ["Ana Ruiz", "U.S. Ambassador", "U.S. Ambassador"]
