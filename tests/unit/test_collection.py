"""The store and the index derived from it: who wins, catching up, rebuilding."""

from __future__ import annotations

import shutil

import pytest

from service.collection import Collection, open_index
from service.engine import build_pipeline
from service.index import SentenceIndex
from service.store import (
    DIRECTORY,
    WRITTEN,
    PreconditionFailedError,
    SqliteDocumentStore,
    StoreDamagedError,
    make_document,
)
from tests.conftest import SEEDS

SHIPPED = "001_988a8c305475f8e9"


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()


@pytest.fixture()
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


def collection_at(folder, pipeline) -> Collection:
    return Collection(
        SqliteDocumentStore(folder / "documents.sqlite3"),
        SentenceIndex(folder / "index.sqlite3"),
        pipeline,
    )


def test_written_documents_win_over_the_directory_and_stay_deleted(tmp_path, corpus, pipeline):
    docs = collection_at(tmp_path, pipeline)
    docs.sync_directory(corpus)
    docs.catch_up()
    assert docs.store.get(SHIPPED).origin == DIRECTORY
    mine = make_document("Eine eigene Fassung. Sie ersetzt die Datei.", document_id=SHIPPED)
    assert docs.write(mine).result == "updated"
    report = docs.sync_directory(corpus)
    assert report.shadowed == 1
    assert docs.store.get(SHIPPED).origin == WRITTEN
    assert "eigene Fassung" in docs.document(SHIPPED).text

    other = "000_0eee8b3b34ad2595"
    assert docs.delete(other)
    docs.sync_directory(corpus)  # the file is still there, the deletion holds
    docs.catch_up()
    assert docs.document(other) is None

    (corpus / "002_e43b8271938f3035.txt").unlink()
    report = docs.sync_directory(corpus)
    docs.catch_up()
    assert report.removed == 1 and docs.document("002_e43b8271938f3035") is None
    assert [d.document_id for d in docs.export()] == [SHIPPED]


def test_an_index_left_behind_catches_up_once(tmp_path, pipeline):
    docs = collection_at(tmp_path, pipeline)
    # A crash between the store's commit and the index's: the store has it, the index not.
    docs.store.put(make_document("Der Deich hielt stand. 40 Helfer waren im Einsatz.", "d1"))
    assert not docs.is_current() and docs.document("d1") is None
    other_process = collection_at(tmp_path, pipeline)
    assert other_process.catch_up() == 1
    assert docs.catch_up() == 0  # already applied by the other process
    assert docs.is_current() and docs.document("d1").info["passage_count"] == 2


def test_a_new_pipeline_or_store_reads_everything_again(tmp_path, pipeline):
    docs = collection_at(tmp_path, pipeline)
    docs.write(make_document("Ein Satz. Noch ein Satz.", "a"))
    changed = build_pipeline()
    object.__setattr__(changed, "digest", pipeline.digest + "-changed")
    again = Collection(docs.store, docs.index, changed)
    assert not again.is_current()
    assert again.catch_up() == 1 and again.is_current()
    fresh_store = SqliteDocumentStore(tmp_path / "other.sqlite3")
    moved = Collection(fresh_store, docs.index, pipeline)
    assert moved.catch_up() == 0 and moved.is_current()
    assert moved.document("a") is None  # the index now mirrors the other store


def test_conditions_on_writes(tmp_path, pipeline):
    docs = collection_at(tmp_path, pipeline)
    first = docs.write(make_document("Erste Fassung.", "c"))
    with pytest.raises(PreconditionFailedError):
        docs.write(make_document("Zweite Fassung.", "c"), if_match=["not-the-tag"])
    with pytest.raises(PreconditionFailedError):
        docs.write(make_document("Zweite Fassung.", "c"), if_none_match=["*"])
    with pytest.raises(PreconditionFailedError):
        docs.delete("missing", if_match=["*"])
    second = docs.write(make_document("Zweite Fassung.", "c"), if_match=[first.stored.etag])
    assert second.result == "updated"
    assert docs.write(make_document("Zweite Fassung.", "c")).result == "unchanged"


def test_derived_ids_are_stable():
    a = make_document("Text.", url="https://Example.org/a/#top")
    b = make_document("Anderer Text.", url="https://example.org/a")
    assert a.document_id == b.document_id
    assert make_document("Ein  Text.").document_id == make_document("Ein Text.").document_id


def test_damaged_files(tmp_path):
    (tmp_path / "documents.sqlite3").write_bytes(b"no database here" * 500)
    with pytest.raises(StoreDamagedError, match="python -m service import"):
        SqliteDocumentStore(tmp_path / "documents.sqlite3")
    (tmp_path / "index.sqlite3").write_bytes(b"no database here" * 500)
    index = open_index(tmp_path / "index.sqlite3")
    assert index.passage_count() == 0
    assert (tmp_path / "index.sqlite3.damaged").exists()


def test_a_forked_process_opens_connections_of_its_own(tmp_path):
    import multiprocessing

    from service.connections import Connections

    connections = Connections(tmp_path / "x.sqlite3", 1)
    inherited = id(connections.get())
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=lambda: writer.send(id(connections.get()) != inherited))
    child.start()
    child.join(10)
    assert reader.recv() is True
    assert id(connections.get()) == inherited  # the parent keeps its own
