"""Thesauri: synonym sets read from mythes files, kept once read, used for a claim's words."""

import pytest

from service.claims.analysis import ClaimAnalyzer
from service.claims.thesaurus import CACHE_NAME, Thesaurus
from service.engine import open_thesaurus
from service.stance import StanceJudge
from service.stance.coverage import Weights

GERMAN = """UTF-8
drosseln|2
(Verb)|drosseln|dämpfen|abbremsen|zügeln (ugs.)
(Verb)|drosseln|Fahrzeug (Oberbegriff)
kiste|2
(Substantiv)|Kiste|Truhe|Kasten
(Substantiv)|Kiste|Auto (ugs.)
bauen|1
(Verb)|bauen|errichten|in die Höhe ziehen|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf
"""

ENGLISH = """UTF-8
halt|1
(verb)|halt|stop|cease|end (generic term)|finish (antonym)
"""


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "th_de_DE_v2.dat").write_text(GERMAN, "utf-8")
    (tmp_path / "th_en_US_v2.dat").write_text(ENGLISH, "utf-8")
    return tmp_path


def thesaurus_in(folder, data, reader) -> Thesaurus:
    return open_thesaurus({"THESAURUS_DIR": folder, "DATA_DIR": data}, reader)


def test_a_set_gives_its_members_but_not_broader_colloquial_or_multi_word_ones(
    folder, tmp_path_factory, reader
):
    t = thesaurus_in(folder, tmp_path_factory.mktemp("data"), reader)
    assert t.synonyms(["drossel"], "de", False) == ["dampf", "abbrems"]
    assert t.synonyms(["halt"], "en", None) == ["stop", "ceas"]  # no "end", no "finish"


def test_a_german_noun_and_a_verb_of_one_stem_have_their_own_sets(folder, tmp_path_factory, reader):
    t = thesaurus_in(folder, tmp_path_factory.mktemp("data"), reader)
    assert t.synonyms(["kist"], "de", True) == ["truh", "kast"]
    assert t.synonyms(["kist"], "de", False) == []
    assert t.synonyms(["kist"], "de", None) == ["truh", "kast"]  # a sentence's first word


def test_a_large_set_gathers_loose_words_and_is_left_out(folder, tmp_path_factory, reader):
    t = thesaurus_in(folder, tmp_path_factory.mktemp("data"), reader)
    assert t.synonyms(["bau"], "de", False) == []


def test_the_read_sets_are_kept_and_read_again_when_a_file_changes(
    folder, tmp_path_factory, reader, monkeypatch
):
    data = tmp_path_factory.mktemp("data")
    Thesaurus.open(folder, data, lambda w, lang: w, "words")
    assert (data / CACHE_NAME).is_file()

    def unread(*args):
        raise AssertionError("read again")

    monkeypatch.setattr(Thesaurus, "_parse", staticmethod(unread))
    kept = Thesaurus.open(folder, data, lambda w, lang: w, "words")
    assert kept.synonyms(["drosseln"], "de", False) == ["dämpfen", "abbremsen"]
    with pytest.raises(AssertionError, match="read again"):
        Thesaurus.open(folder, data, lambda w, lang: w, "other word data")


def test_a_broken_kept_file_is_read_anew(folder, tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    (data / CACHE_NAME).write_bytes(b"not a kept table")
    t = Thesaurus.open(folder, data, lambda w, lang: w, "words")
    assert t.synonyms(["drosseln"], "de", False) == ["dämpfen", "abbremsen"]
    assert Thesaurus.open(folder, data, lambda w, lang: w, "words").table == t.table


def test_without_the_files_or_in_another_encoding_there_are_no_synonyms(
    tmp_path, tmp_path_factory, reader
):
    assert not thesaurus_in(tmp_path / "none", tmp_path_factory.mktemp("d"), reader).available
    (tmp_path / "th_de_DE_v2.dat").write_text("ISO8859-1\nkiste|1\n(Subst)|Kiste|Truhe\n")
    t = Thesaurus.open(tmp_path, tmp_path_factory.mktemp("d"), lambda w, lang: w, "words")
    assert t.synonyms(["kiste"], "de", True) == []


def test_a_claim_word_meets_a_thesaurus_synonym_in_a_source_of_its_language(
    folder, tmp_path_factory, reader, dictionary, lexicon
):
    claims = ClaimAnalyzer(
        reader, dictionary, thesaurus_in(folder, tmp_path_factory.mktemp("d"), reader)
    )
    stance = StanceJudge(lexicon, reader.vocabulary)
    claim = claims.analyse("Die Regierung will den Hafen drosseln")
    assert "dampf" in claim.groups[-1].synonyms
    passage = reader.read("Die Regierung will den Hafen dämpfen.", "de")
    # What the claim says is its rarest word.
    rare = Weights({"regier": 1.0, "hafen": 1.0, "drossel": 4.0, "": 5.0})
    assert stance.judge(claim, passage, rare, "").stance == "supports"
    plain = ClaimAnalyzer(reader, dictionary).analyse("Die Regierung will den Hafen drosseln")
    assert stance.judge(plain, passage, rare, "").stance == "related"
