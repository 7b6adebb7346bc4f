"""newsclaims: one news article as data — actors, statements and positions.

>>> import newsclaims as nc
>>> art = nc.load_article()
>>> art.meta["title"]
'As the West condemns Russia over Ukraine, Beijing strikes a different tone'
"""

from .data import Article, Corpus, data_dir, list_articles, load_article, load_corpus
from .schema import DataError, Problem

__all__ = ["Article", "Corpus", "DataError", "Problem", "data_dir", "list_articles",
           "load_article", "load_corpus"]
