"""The persistent index: built once, reused, updated document by document."""

import shutil

import pytest

from service.corpus import load_corpus
from service.corpus.documents import read_document
from service.engine import build_pipeline
from service.index import SentenceIndex
from service.index.store import within_budget
from service.reading import codec
from tests.conftest import SEEDS


@pytest.fixture()
def corpus(tmp_path):
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline()


def test_build_then_reuse(tmp_path, corpus, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    first = index.sync(load_corpus(corpus), pipeline)
    assert (first.added, first.removed) == (5, 0)
    count = index.passage_count()
    reopened = SentenceIndex(tmp_path / "index.sqlite3")
    second = reopened.sync(load_corpus(corpus), pipeline)
    assert (second.added, second.removed, second.unchanged) == (0, 0, 5)
    assert second.corpus_version == first.corpus_version
    assert reopened.passage_count() == count


def test_changed_added_and_removed_documents(tmp_path, corpus, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    v1 = index.sync(load_corpus(corpus), pipeline).corpus_version
    (corpus / "005_neu.txt").write_text("Neue Meldung\n\nDie OVKS zog alle Truppen ab.", "utf-8")
    (corpus / "003_1028b10afef81a0c.txt").unlink()
    report = index.sync(load_corpus(corpus), pipeline)
    assert (report.added, report.removed, report.unchanged) == (1, 1, 4)
    assert report.corpus_version != v1
    ids = [d["document_id"] for d in index.documents()]
    assert "005_neu" in ids and "003_1028b10afef81a0c" not in ids
    hits = index.search(["ovks", "truppen"], 10)
    assert any(c.passage.source.document_id == "005_neu" for c in hits)
    assert not any(c.passage.source.document_id == "003_1028b10afef81a0c" for c in hits)


def test_add_and_remove_one_document(tmp_path, corpus, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    index.sync(load_corpus(corpus), pipeline)
    path = tmp_path / "extra.txt"
    path.write_text("Eiffelturm gesperrt\n\nDer Eiffelturm in Paris bleibt geschlossen.", "utf-8")
    index.add_documents([read_document(path)], pipeline)
    assert [c.passage.source.document_id for c in index.search(["eiffelturm"], 5)] == ["extra"] * 2
    before = index.passage_count()
    assert index.remove_document("extra") is True
    assert index.passage_count() == before - 2
    assert index.search(["eiffelturm"], 5) == []
    assert index.remove_document("extra") is False


def test_a_document_without_a_language_gets_it_from_its_words(tmp_path, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    english = tmp_path / "english.txt"
    english.write_text("Storm hits the coast\n\nThe storm has damaged more than 300 homes.")
    german = tmp_path / "german.txt"
    german.write_text("Sturm an der Küste\n\nDer Sturm hat mehr als 300 Häuser beschädigt.")
    index.add_documents([read_document(english), read_document(german)], pipeline)
    languages = {d["document_id"]: d["language"] for d in index.documents()}
    assert languages == {"english": "en", "german": "de"}
    hits = index.search(["storm"], 5)
    assert hits and {h.passage.language for h in hits} == {"en"}


def test_offsets_stay_exact_where_a_document_has_characters_that_do_not_show(tmp_path, pipeline):
    raw = (
        "\ufeffTruppen in Kasach\u00adstan\n\n"
        "Die OVKS schickte 2\u200b500 Sol\u00addaten. Sie blie\u200dben eine Wo\u2060che.\n"
    )
    path = tmp_path / "marked.txt"
    path.write_text(raw, "utf-8")
    index = SentenceIndex(tmp_path / "index.sqlite3")
    index.add_documents([read_document(path)], pipeline)
    _, clean, passages = index.document("marked")
    assert (
        clean == "Truppen in Kasachstan\n\nDie OVKS schickte 2500 Soldaten. Sie blieben eine Woche."
    )
    texts = {p.text: raw[p.source.char_start : p.source.char_end] for p in passages}
    assert texts == {
        "Truppen in Kasachstan": "Truppen in Kasach\u00adstan",
        "Die OVKS schickte 2500 Soldaten.": "Die OVKS schickte 2\u200b500 Sol\u00addaten.",
        "Sie blieben eine Woche.": "Sie blie\u200dben eine Wo\u2060che.",
    }
    [hit] = index.search(["ovks", "2500", "soldat"], 5)
    reading = codec.loads(hit.passage.text, hit.passage.reading)
    assert [q.text for q in reading.quantities] == ["2500"]
    assert reading.text[reading.quantities[0].start : reading.quantities[0].end] == "2500"


def test_pipeline_change_rebuilds(tmp_path, corpus, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    index.sync(load_corpus(corpus), pipeline)
    changed = type(pipeline)(pipeline.chrome, pipeline.splitter, pipeline.reader, "other")
    report = index.sync(load_corpus(corpus), changed)
    assert report.rebuilt and report.added == 5


def test_search_uses_the_term_index(verifier):
    hits = verifier.index.search(["ovks", "2500", "soldat"], 5)
    assert hits and all(c.bm25 > 0 for c in hits)
    assert "2500 Soldaten" in hits[0].passage.text


def test_document_frequencies_count_passages_per_term(verifier):
    index = verifier.index
    frequencies = index.document_frequencies(["ovks", "2500", "ovks", "zzzunbekannt"])
    assert set(frequencies) == {"ovks", "2500"}  # a term never seen is left out
    for term, df in frequencies.items():
        matching = index.db.execute(
            "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?", (f'"{term}"',)
        ).fetchone()[0]
        assert df == matching > 0
    assert index.document_frequencies([]) == {}


def test_posting_budget_drops_the_most_frequent_terms():
    frequencies = {"mensch": 26_000, "gestorb": 1_500, "1000": 1_000, "covid": 8_600}
    assert within_budget(frequencies, 12_000) == ["1000", "gestorb", "covid"]
    assert within_budget(frequencies, 100) == ["1000"]  # the rarest term always stays
    assert within_budget({}, 100) == []


def test_passage_count_follows_every_write(tmp_path, corpus, pipeline):
    index = SentenceIndex(tmp_path / "index.sqlite3")
    index.sync(load_corpus(corpus), pipeline)
    counted = index.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    assert index.passage_count() == counted == sum(d["passage_count"] for d in index.documents())
