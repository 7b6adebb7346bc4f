"""newsclaims: one news article as data — actors, statements and positions.

>>> import newsclaims as nc
>>> art = nc.load_article()
>>> art.meta["title"]
'As the West condemns Russia over Ukraine, Beijing strikes a different tone'

The derived tables, charts and explorers live in three modules, loaded with the package:
``nc.analysis`` (DataFrames and networks), ``nc.charts`` (plotly figures) and
``nc.widgets`` (ipywidgets explorers); ``nc.sources`` checks each statement against its primary
text (tables, a word-by-word comparison, a chart and an explorer; lesson 09); ``nc.frame`` sets the
article's frame (headline, caption, lede, narration, labels) against its body, and its sources
(lesson 10). ``nc.workbench(art)`` opens the coding workbench, where a teacher codes an article;
``nc.bench`` holds the functions behind it (add, edit, delete, undo), to call from Python.
"""

from . import analysis, charts, checks, coding, export, lessons, newarticle, widgets
from .data import Article, Corpus, list_articles, load_article, load_corpus
from .extract import extract_statements
from .files import data_dir, work_dir
from .reliability import agreement, class_agreement, reference_coding
from .schema import DataError, Problem

__all__ = [
    "Article",
    "Corpus",
    "DataError",
    "Problem",
    "agreement",
    "analysis",
    "bench",
    "charts",
    "checks",
    "class_agreement",
    "coding",
    "compare",
    "data_dir",
    "export",
    "extract_statements",
    "frame",
    "list_articles",
    "load_article",
    "lessons",
    "load_corpus",
    "newarticle",
    "reference_coding",
    "sources",
    "widgets",
    "work_dir",
    "workbench",
]

# Loaded when first used, so that `import newsclaims` stays cheap (benchmarks/RESULTS.md, import cost):
# the coding workbench, and the modules of lessons 08 to 10.
_LATER = ("bench", "compare", "frame", "sources")


def __getattr__(name: str) -> object:
    import importlib

    if name in _LATER:
        return importlib.import_module(f".{name}", __name__)  # and it is an attribute of the package from then on
    if name == "workbench":
        from .bench import workbench

        return workbench
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
