"""Chinese search for a bulletin site: Pagefind with our own tokens, or Material's lunr search as a fallback.

tokens.py      the one rule that cuts text and queries into tokens (search.js mirrors it)
vocabulary.py  union words and the site's names, indexed as one token each
documents.py   one bulletin as Pagefind indexes it
indexer.py     stage the documents, run Pagefind, write the bundle under site/pagefind/
lunr.py        what engine: lunr needs (jieba, the separator)
theme/         search.js and search.css: the search box in Material's header
"""
