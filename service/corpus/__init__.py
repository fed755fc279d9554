"""Corpus: documents on disk -> cleaned paragraphs -> sentences with exact offsets."""

from service.corpus.chrome import ChromeRules
from service.corpus.documents import load_corpus, read_document
from service.corpus.sentences import SentenceSplitter

__all__ = ["ChromeRules", "SentenceSplitter", "load_corpus", "read_document"]
