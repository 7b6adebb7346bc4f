"""Generate a corpus of N copies of the seed article, for the loader benchmarks.

Each copy gets its own article, statement and event ids and its own text file;
actors, aliases and topics are shared, as they would be in a real corpus.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from newsclaims.data import read_rows, write_rows
from newsclaims.files import data_dir as package_data


def make_corpus(target: Path, copies: int, source: Path | None = None) -> Path:
    """Write a data folder with ``copies`` copies of every article in ``source``."""
    source = source or package_data()
    target.mkdir(parents=True, exist_ok=True)
    (target / "texts").mkdir(exist_ok=True)
    for name in ("datapackage.json", "actors.csv", "aliases.csv", "topics.csv", "sources.csv"):
        shutil.copy(source / name, target / name)
    tables = {name: read_rows(source / f"{name}.csv")
              for name in ("articles", "statements", "positions", "events", "frame", "labels", "voices",
                           "source_passages")}
    out: dict[str, list[dict[str, str]]] = {name: [] for name in tables}
    for i in range(copies):
        tag = f"c{i:05d}"
        for a in tables["articles"][1]:
            text_file = f"texts/{a['article_id']}_{tag}.txt"
            shutil.copy(source / a["text_file"], target / text_file)
            out["articles"].append(a | {"article_id": f"{a['article_id']}_{tag}", "text_file": text_file})
        for s in tables["statements"][1]:
            out["statements"].append(s | {"statement_id": f"{s['statement_id']}_{tag}",
                                          "article_id": f"{s['article_id']}_{tag}"})
        for p in tables["positions"][1]:
            out["positions"].append(p | {"statement_id": f"{p['statement_id']}_{tag}"})
        for p in tables["source_passages"][1]:
            out["source_passages"].append(p | {"statement_id": f"{p['statement_id']}_{tag}"})
        for e in tables["events"][1]:
            out["events"].append(e | {"event_id": f"{e['event_id']}_{tag}", "article_id": f"{e['article_id']}_{tag}"})
        for name, key in (("frame", "frame_id"), ("labels", "label_id"), ("voices", None)):
            for r in tables[name][1]:
                out[name].append(r | {"article_id": f"{r['article_id']}_{tag}"}
                                 | ({key: f"{r[key]}_{tag}"} if key else {}))
    for name, (header, _) in tables.items():
        write_rows(target / f"{name}.csv", header, out[name])
    return target
