"""Wiring: settings -> word data, dictionary, thesauri, reader, pipeline, store, index, verifier."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from service.claims.analysis import ClaimAnalyzer
from service.claims.dictionary import Dictionary
from service.claims.thesaurus import Thesaurus
from service.collection import Collection, open_index
from service.corpus import ChromeRules, SentenceSplitter
from service.corpus.passages import Pipeline
from service.index import SentenceIndex
from service.lexicon import Lexicon, data_path, files_digest
from service.reading import READING_VERSION, Reader, Vocabulary
from service.reading.forenames import given_names, given_names_digest
from service.stance import StanceJudge
from service.store import SqliteDocumentStore
from service.verify import Verifier

log = logging.getLogger(__name__)
INDEX_FILE = "index.sqlite3"
STORE_FILE = "documents.sqlite3"


def open_dictionary(config: Mapping[str, Any]) -> Dictionary:
    """Return the English-German lookup, built from the Ding file on first use."""
    source = Path(config["DICTIONARY_PATH"])
    return Dictionary.open(source if source.exists() else None, Path(config["DATA_DIR"]))


_thesauri: dict[tuple[Path, str, Path], Thesaurus] = {}


def open_thesaurus(config: Mapping[str, Any], reader: Reader) -> Thesaurus:
    """Return the thesauri in the configured folder, read once per process and word data
    (none without the folder)."""
    folder = config.get("THESAURUS_DIR")
    if not folder:
        return Thesaurus()
    key = (Path(folder).absolute(), reader.lexicon.digest, Path(config["DATA_DIR"]).absolute())
    if key not in _thesauri:

        def stem(word: str, language: str) -> str | None:
            if reader.lexicon.is_stopword(word):
                return None
            return reader.terms.stem_of(word, language, keep=False)  # a list, not a text

        _thesauri[key] = Thesaurus.open(key[0], key[2], stem, reader.lexicon.digest)
    return _thesauri[key]


def vocabulary_of(dictionary: Dictionary | None, lexicon: Lexicon) -> Vocabulary:
    """Return the common words and place names of the dictionary (none without one)."""
    if dictionary is None or not dictionary.available:
        return Vocabulary()
    return Vocabulary(
        dictionary.words("de-noun"),
        dictionary.words("de"),
        dictionary.words("en"),
        dictionary.words("place") - lexicon.calendar_words,
        lexicon.noun_endings,
        lexicon.word_endings,
        lexicon.noun_suffixes,
        given_names(),
    )


def build_pipeline(dictionary: Dictionary | None = None) -> Pipeline:
    """Return the document pipeline from the bundled data files and the dictionary's words."""
    lexicon = Lexicon()
    vocabulary = vocabulary_of(dictionary, lexicon)
    signature = dictionary.signature if dictionary is not None else "none"
    files = [data_path(f) for f in ("chrome.toml", "segmentation.toml")]
    data = f"{files_digest(files)}:{lexicon.digest}:{given_names_digest()}"
    digest = f"{READING_VERSION}:{data}:{signature}"
    return Pipeline(
        ChromeRules.load(), SentenceSplitter.load(), Reader(lexicon, vocabulary), digest
    )


def keys_path(config: Mapping[str, Any]) -> Path:
    """Return the API key file: as set, else keys.json in the data directory."""
    return Path(config["KEYS_FILE"] or Path(config["DATA_DIR"]) / "keys.json")


def _logged_progress(every: float = 5.0) -> Callable[[int], None]:
    """Return a progress callback that logs how many documents are indexed, every few seconds
    (a first start on a large corpus directory says what it is doing)."""
    done, last = 0, time.monotonic()

    def report(count: int) -> None:
        nonlocal done, last
        done += count
        if time.monotonic() - last >= every:
            log.info("indexing: %d documents so far", done)
            last = time.monotonic()

    return report


def open_collection(
    config: Mapping[str, Any], pipeline: Pipeline, progress: Callable[[int], None] | None = None
) -> Collection:
    """Return the store and its index under the data directory: the corpus directory's
    documents synced into the store, and the index caught up with the store."""
    data = Path(config["DATA_DIR"])
    collection = Collection(
        SqliteDocumentStore(data / STORE_FILE), open_index(data / INDEX_FILE), pipeline
    )
    report = collection.sync_directory(Path(config["CORPUS_DIR"]))
    if report is not None:
        log.info("corpus directory synced: %s", report)
    changed = collection.catch_up(progress or _logged_progress())
    log.info(
        "index current at corpus version %s (%d documents indexed now)",
        collection.index.corpus_version,
        changed,
    )
    return collection


def verifier_for(
    index: SentenceIndex, pipeline: Pipeline, dictionary: Dictionary, config: Mapping[str, Any]
) -> Verifier:
    """Return a Verifier that answers from an already opened index."""
    claims = ClaimAnalyzer(pipeline.reader, dictionary, open_thesaurus(config, pipeline.reader))
    judge = StanceJudge(pipeline.reader.lexicon, pipeline.reader.vocabulary)
    return Verifier(index, claims, judge, pipeline.digest, int(config["CANDIDATES"]))


def build_service(config: Mapping[str, Any]) -> tuple[Collection, Verifier]:
    """Return the collection and a verifier over it, ready to answer."""
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    collection = open_collection(config, pipeline)
    return collection, verifier_for(collection.index, pipeline, dictionary, config)
