"""Wiring: settings -> word data, dictionary, reader, pipeline, index (synced), verifier."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from service.claims.analysis import ClaimAnalyzer
from service.claims.dictionary import Dictionary
from service.corpus import ChromeRules, SentenceSplitter, load_corpus
from service.corpus.passages import Pipeline
from service.index import SentenceIndex
from service.lexicon import Lexicon, data_path, files_digest
from service.reading import READING_VERSION, Reader, Vocabulary
from service.stance import StanceJudge
from service.verify import Verifier

log = logging.getLogger(__name__)
INDEX_FILE = "index.sqlite3"


def open_dictionary(config: Mapping[str, Any]) -> Dictionary:
    """Return the English-German lookup, built from the Ding file on first use."""
    source = Path(config["DICTIONARY_PATH"])
    return Dictionary.open(source if source.exists() else None, Path(config["DATA_DIR"]))


def vocabulary_of(dictionary: Dictionary | None, lexicon: Lexicon) -> Vocabulary:
    """Return the common words and place names of the dictionary (none without one)."""
    if dictionary is None or not dictionary.available:
        return Vocabulary()
    return Vocabulary(
        dictionary.words("de-noun"),
        dictionary.words("de"),
        dictionary.words("en"),
        dictionary.words("place"),
        lexicon.noun_endings,
        lexicon.word_endings,
    )


def build_pipeline(dictionary: Dictionary | None = None) -> Pipeline:
    """Return the document pipeline from the bundled data files and the dictionary's words."""
    lexicon = Lexicon()
    vocabulary = vocabulary_of(dictionary, lexicon)
    signature = dictionary.signature if dictionary is not None else "none"
    files = [data_path(f) for f in ("chrome.toml", "segmentation.toml")]
    digest = f"{READING_VERSION}:{files_digest(files)}:{lexicon.digest}:{signature}"
    return Pipeline(
        ChromeRules.load(), SentenceSplitter.load(), Reader(lexicon, vocabulary), digest
    )


def corpus_fingerprint(corpus_dir: Path) -> str:
    """Return a cheap fingerprint of the corpus files (names, sizes, modification times)."""
    if not corpus_dir.is_dir():
        return ""
    parts = [
        f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}"
        for p in sorted(corpus_dir.glob("*"))
        if p.is_file()
    ]
    return "|".join(parts)


def open_index(config: Mapping[str, Any], pipeline: Pipeline) -> SentenceIndex:
    """Return the index under the data directory, synced with the corpus directory."""
    index = SentenceIndex(Path(config["DATA_DIR"]) / INDEX_FILE)
    corpus_dir = Path(config["CORPUS_DIR"])
    if corpus_dir.is_dir():
        report = index.sync(load_corpus(corpus_dir), pipeline)
        log.info("index synced: %s", report)
    else:
        log.warning("corpus directory %s not found; serving the index as it is", corpus_dir)
    return index


def verifier_for(
    index: SentenceIndex, pipeline: Pipeline, dictionary: Dictionary, config: Mapping[str, Any]
) -> Verifier:
    """Return a Verifier that answers from an already opened index."""
    claims = ClaimAnalyzer(pipeline.reader, dictionary)
    judge = StanceJudge(pipeline.reader.lexicon, pipeline.reader.vocabulary)
    return Verifier(index, claims, judge, pipeline.digest, int(config["CANDIDATES"]))


def build_verifier(config: Mapping[str, Any]) -> Verifier:
    """Return a ready Verifier for the given settings, its index synced with the corpus."""
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    return verifier_for(open_index(config, pipeline), pipeline, dictionary, config)
