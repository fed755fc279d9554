"""English -> German lookup built from the Ding dictionary (service/claims/dictionary.py)."""

from __future__ import annotations

import logging
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service.claims import dictionary as ding
from service.claims.dictionary import (
    CACHE_NAME,
    Dictionary,
    DictionaryBuildError,
    parse_ding,
    parse_verb_forms,
    parse_vocabulary,
)

SAMPLE = """\
# Version :: devel 2023-01-30
# License :: GPL Version 2 or later
Soldat {m}; Kriegsknecht {m} [obs.] [mil.] | Soldaten {pl}; Kriegsknechte {pl} :: soldier | soldiers
senden; schicken {vt} | sendend; schickend | gesendet; geschickt | er/sie sendet; er/sie schickt \
:: to send {sent; sent} | sending | sent | he/she sends
jdn. festnehmen; verhaften {vt} [adm.] | festnehmend; verhaftend | festgenommen; verhaftet \
:: to arrest sb. | arresting | arrested
etw. anhalten {vt} (Maschine) [techn.] | anhaltend | angehalten :: to arrest sth. (machine) \
| arresting | arrested
Sicherheitskräfte {pl} | die Sicherheitskräfte verstärken :: security forces \
| to reinforce the security forces
Staatsstreich {m}; Putsch {m} [pol.] | Staatsstreiche {pl}; Putsche {pl} :: coup d’état; coup \
| coups d’état; coups
Präsident {m} /Präs./ :: president /Pres.; Pres/
Waffenknecht {m} [obs.]; Kämpfer {m} | Waffenknechte {pl}; Kämpfer {pl} :: fighter | fighters
etw. zerstören {vt} | zerstörend | zerstört :: to kill sth. | killing | killed
zerstört {adj} :: destroyed
jdn. töten {vt} | tötend | getötet | bei einem Unfall getötet werden :: to kill sb. | killing \
| killed | to be killed in an accident
Aal {m} (auf der Speisekarte :: eel (on a menu
"""


def sample_lines() -> list[str]:
    return SAMPLE.splitlines()


def germans(table: dict[str, list[tuple[str, float]]], english: str) -> list[str]:
    return [german for german, _ in table[english]]


def test_parse_aligns_inflected_forms_with_their_german_part() -> None:
    table = parse_ding(sample_lines())
    assert germans(table, "soldier")[0] == "Soldat"
    assert germans(table, "soldiers")[0] == "Soldaten"
    assert set(germans(table, "sent")) == {"gesendet", "geschickt"}
    assert "sendend" in germans(table, "sending")
    # The pronoun of conjugated forms is dropped on both sides.
    assert germans(table, "sends") == ["sendet", "schickt"]


def test_parse_strips_markup_from_both_sides() -> None:
    table = parse_ding(sample_lines())
    assert germans(table, "send") == ["senden", "schicken"]  # "to", "{sent; sent}" removed
    assert germans(table, "president") == ["Präsident"]  # abbreviations removed
    assert "pres" not in table and "präs." not in table
    assert germans(table, "arrest")[:2] == ["festnehmen", "verhaften"]  # "jdn." and "sb." gone
    for translations in table.values():
        for german, _ in translations:
            assert not set(german) & set("{}[]()/<>;"), german


def test_parse_keeps_short_phrases_and_skips_comment_lines() -> None:
    table = parse_ding(sample_lines())
    assert germans(table, "security forces") == ["Sicherheitskräfte"]
    assert "coup d'état" in table  # typographic apostrophe normalised
    assert germans(table, "coups")[0] == "Staatsstreiche"
    assert "devel 2023-01-30" not in table and "gpl version 2" not in table
    assert all(key == key.lower() for key in table)
    # Example sentences longer than three words are not keys.
    assert "reinforce the security forces" not in table


def test_parse_ranks_tagged_and_later_synonyms_lower() -> None:
    table = parse_ding(sample_lines())
    # [obs.] on the headword synonym carries over to its plural form.
    assert germans(table, "soldiers") == ["Soldaten", "Kriegsknechte"]
    # The sense restricted by a comment and a technical tag loses to the plain sense.
    assert germans(table, "arrested")[:2] == ["festgenommen", "verhaftet"]
    assert germans(table, "arrested")[-1] == "angehalten"
    assert germans(table, "coup") == ["Staatsstreich", "Putsch"]
    # The tag on the first headword synonym also demotes its aligned plural.
    assert germans(table, "fighters") == ["Kämpfer", "Waffenknechte"]
    for translations in table.values():
        weights = [weight for _, weight in translations]
        assert weights == sorted(weights, reverse=True)


def test_parse_prefers_pairs_confirmed_by_examples() -> None:
    table = parse_ding(sample_lines())
    # "zerstört" is the more frequent German word, but the example sentence pairs
    # "killed" with "getötet".
    assert germans(table, "killed") == ["getötet", "zerstört"]


def test_parse_survives_unbalanced_brackets() -> None:
    assert germans(parse_ding(sample_lines()), "eel") == ["Aal"]


def test_a_semicolon_inside_markup_parts_no_synonyms() -> None:
    line = "infolge; aufgrund {prp; +Gen.}; auf Grund :: due to; owing to"
    vocabulary = parse_vocabulary([line])
    assert {"infolge", "aufgrund"} <= vocabulary["de"]


def test_parse_reports_progress_up_to_the_whole() -> None:
    for parse in (parse_ding, parse_vocabulary):
        shares: list[float] = []
        parse(sample_lines(), progress=shares.append)
        assert shares == sorted(shares)
        assert 0 < shares[0] < 1
        assert shares[-1] == pytest.approx(1.0)


def write_source(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_cache_is_built_then_reused(tmp_path: Path) -> None:
    source = write_source(tmp_path / "de-en", SAMPLE)
    cache_dir = tmp_path / "cache"
    first = Dictionary.open(source, cache_dir)
    assert first.available
    assert first.source == str(source)
    assert first.translate("soldiers") == ["Soldaten", "Kriegsknechte"]
    assert first.translate("  Soldiers ", limit=1) == ["Soldaten"]  # input is normalised
    assert first.translate("security forces") == ["Sicherheitskräfte"]
    assert first.translate("unknownword") == []
    cache = cache_dir / CACHE_NAME
    built = cache.stat()
    # No temporary files are left next to the cache.
    assert sorted(p.name for p in cache_dir.iterdir() if not p.name.endswith(".lock")) == [
        CACHE_NAME
    ]

    second = Dictionary.open(source, cache_dir)
    assert second.translate("sent", limit=2) == first.translate("sent", limit=2)
    after = cache.stat()
    assert (after.st_ino, after.st_mtime_ns) == (built.st_ino, built.st_mtime_ns)


def test_relative_cache_dir_and_punctuated_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_source(tmp_path / "de-en", SAMPLE)
    dictionary = Dictionary.open(Path("de-en"), Path("var/cache"))
    assert (tmp_path / "var" / "cache" / CACHE_NAME).is_file()
    assert dictionary.translate("Soldiers.", limit=1) == ["Soldaten"]
    assert dictionary.translate("“president”") == ["Präsident"]


def test_lookups_from_several_threads(tmp_path: Path) -> None:
    dictionary = Dictionary.open(write_source(tmp_path / "de-en", SAMPLE), tmp_path / "cache")
    words = ["soldiers", "sent", "arrested", "coup"] * 50
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(dictionary.translate, words))
    assert results[:4] == [dictionary.translate(word) for word in words[:4]]
    assert all(result for result in results)
    assert len({tuple(result) for result in results}) == 4


def test_changed_source_rebuilds_cache(tmp_path: Path) -> None:
    source = write_source(tmp_path / "de-en", SAMPLE)
    cache_dir = tmp_path / "cache"
    assert Dictionary.open(source, cache_dir).translate("checkpoint") == []
    write_source(
        source, SAMPLE + "Kontrollpunkt {m} | Kontrollpunkte {pl} :: checkpoint | checkpoints\n"
    )
    # Make the change visible even on filesystems with coarse timestamps.
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    rebuilt = Dictionary.open(source, cache_dir)
    assert rebuilt.translate("checkpoints") == ["Kontrollpunkte"]
    assert rebuilt.translate("soldiers")[0] == "Soldaten"


def test_unreadable_cache_is_rebuilt(tmp_path: Path) -> None:
    source = write_source(tmp_path / "de-en", SAMPLE)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / CACHE_NAME).write_bytes(b"not a database")
    assert Dictionary.open(source, cache_dir).translate("soldiers")[0] == "Soldaten"


@pytest.mark.parametrize("source", [None, Path("does/not/exist/de-en")])
def test_missing_source_without_cache_is_unavailable(tmp_path: Path, source: Path | None) -> None:
    dictionary = Dictionary.open(source, tmp_path / "cache")
    assert dictionary.available is False
    assert dictionary.source is None
    assert dictionary.translate("soldiers") == []


def test_missing_source_falls_back_to_existing_cache(tmp_path: Path) -> None:
    source = write_source(tmp_path / "de-en", SAMPLE)
    cache_dir = tmp_path / "cache"
    Dictionary.open(source, cache_dir)
    source.unlink()
    dictionary = Dictionary.open(source, cache_dir)
    assert dictionary.available
    assert dictionary.source == str(source)
    assert dictionary.translate("soldiers")[0] == "Soldaten"


def test_cache_is_built_in_another_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Parsing here would leave its peak memory with the serving process and its workers.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the source was parsed in the calling process")

    monkeypatch.setattr(ding, "parse_ding", refuse)
    monkeypatch.setattr(ding, "parse_vocabulary", refuse)
    dictionary = Dictionary.open(write_source(tmp_path / "de-en", SAMPLE), tmp_path / "cache")
    assert dictionary.translate("soldiers") == ["Soldaten", "Kriegsknechte"]
    assert "soldat" in dictionary.words("de-noun")


def test_build_logs_start_progress_and_time(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=ding.__name__)
    source = write_source(tmp_path / "de-en", SAMPLE)
    Dictionary.open(source, tmp_path / "cache")
    messages = [record.getMessage() for record in caplog.records]
    assert messages[0] == f"building the dictionary lookup from {source} (first start only) ..."
    percents = [
        int(m.split()[2].rstrip("%")) for m in messages if m.startswith("dictionary lookup:")
    ]
    assert percents == list(range(10, 100, 10))
    assert re.fullmatch(
        r"dictionary lookup built in \d+\.\d s: \d+ English words and phrases in .*en-de\.sqlite3",
        messages[-1],
    )
    caplog.clear()
    Dictionary.open(source, tmp_path / "cache")
    assert caplog.records == []  # later starts open the lookup quietly


def leftovers(cache_dir: Path) -> list[str]:
    return sorted(p.name for p in cache_dir.iterdir() if not p.name.endswith(".lock"))


@pytest.mark.parametrize(
    ("mode", "cause"),
    [
        ("garbled", "ValueError: no Ding entries"),
        pytest.param(
            "unreadable",
            "PermissionError",
            marks=pytest.mark.skipif(
                hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file"
            ),
        ),
    ],
)
def test_failed_build_raises_a_clear_error(tmp_path: Path, mode: str, cause: str) -> None:
    source = tmp_path / "de-en"
    source.write_bytes(bytes(range(128, 256)) * 64 + b"\n" + bytes(range(32, 58)))
    if mode == "unreadable":
        source.chmod(0)
    cache_dir = tmp_path / "cache"
    with pytest.raises(DictionaryBuildError, match=f"from {re.escape(str(source))}: {cause}"):
        Dictionary.open(source, cache_dir)
    assert leftovers(cache_dir) == []
    # The lock was released: the next start with a good source builds.
    source.chmod(0o644)
    write_source(source, SAMPLE)
    assert Dictionary.open(source, cache_dir).translate("soldiers")[0] == "Soldaten"


def test_killed_build_raises_without_leftovers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As when the system runs out of memory and kills the build half way.
    crash = (
        "import os, signal; print('progress 0.5', flush=True); os.kill(os.getpid(), signal.SIGKILL)"
    )
    monkeypatch.setattr(ding, "_build_command", lambda *args: [sys.executable, "-c", crash])
    cache_dir = tmp_path / "cache"
    with pytest.raises(DictionaryBuildError, match="killed by signal 9"):
        Dictionary.open(write_source(tmp_path / "de-en", SAMPLE), cache_dir)
    assert leftovers(cache_dir) == []


# --- the real Ding file -------------------------------------------------------------------

REAL_SOURCE = os.environ.get("CLAIMS_DICTIONARY_PATH")


@pytest.fixture(scope="module")
def real_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Dictionary:
    if not REAL_SOURCE:
        pytest.skip("CLAIMS_DICTIONARY_PATH is not set (path of the Ding de-en file)")
    source = Path(REAL_SOURCE)
    if not source.is_file():
        pytest.skip(f"CLAIMS_DICTIONARY_PATH={source} does not exist")
    return Dictionary.open(source, tmp_path_factory.mktemp("dictionary"))


@pytest.mark.parametrize(
    ("english", "acceptable"),
    [
        ("soldiers", {"Soldaten"}),
        ("killed", {"getötet"}),
        ("arrested", {"festgenommen", "verhaftet"}),
        ("troops", {"Truppen"}),
        ("president", {"Präsident"}),
        ("prices", {"Preise"}),
        ("security", {"Sicherheit"}),
        ("people", {"Menschen", "Leute"}),
        ("country", {"Land"}),
        ("landed", {"gelandet"}),
        ("injured", {"verletzt", "Verletzte"}),
        ("planes", {"Flugzeuge"}),
        ("security forces", {"Sicherheitskräfte"}),
    ],
)
def test_real_dictionary_ranks_common_sense_first(
    real_dictionary: Dictionary, english: str, acceptable: set[str]
) -> None:
    top = real_dictionary.translate(english, limit=3)
    assert set(top) & acceptable, top


@pytest.mark.parametrize(
    ("english", "expected"),
    [("soldiers", "Soldaten"), ("president", "Präsident"), ("troops", "Truppen")],
)
def test_real_dictionary_best_translation(
    real_dictionary: Dictionary, english: str, expected: str
) -> None:
    assert real_dictionary.translate(english, limit=1) == [expected]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("projections", ["projection"]),
        ("studies", ["study", "studie", "studi"]),
        ("barred", ["bar", "barre", "barr"]),  # a doubled consonant after a short vowel
        ("called", ["calle", "call"]),  # "-ll" is the word's own
        ("processes", ["processe", "process"]),
        ("kiss", []),
        ("is", []),
    ],
)
def test_english_base_forms(word: str, forms: list[str]) -> None:
    assert ding.english_base_forms(word) == forms


def test_inflected_forms_find_their_entry(dictionary: Dictionary) -> None:
    # Forms the dictionary does not list: German by stem, English by base form.
    assert dictionary.translate_back("Regierungen") == ["government"]
    assert dictionary.translate_back("vergangenen") == ["last"]
    assert dictionary.translate("governments") == ["Regierung"]
    assert dictionary.translate_back("Unbekanntem") == []
    # Forms of a verb the entries list without a translation of their own, by the verb.
    assert dictionary.translate_back("galt") == ["apply"]
    assert dictionary.translate("began") == ["beginnen"]
    # A phrase by the base form of its last word.
    assert dictionary.translate("peak hours") == ["Stoßzeit"]


def test_a_noun_after_a_comment_on_its_sense_is_a_noun() -> None:
    words = parse_vocabulary(["(politischer) Flüchtling {m} [pol.] | Flüchtlinge {pl} :: refugee"])
    assert "flüchtling" in words["de-noun"]


def test_a_noun_listed_with_its_article_is_a_noun() -> None:
    words = parse_vocabulary(["die Wache {f} | die Wachen {pl} :: the guard | the guards"])
    assert "wache" in words["de-noun"]


def test_a_place_listed_with_a_comma_is_a_name_before_the_comma() -> None:
    lines = [
        "Nordland {n} /NL/ [geogr.] :: Northland, Norland",
        "Südland {n} /SL/ [geogr.] :: Southland, Republic of",
    ]
    table = parse_ding(lines)
    assert germans(table, "northland") == ["Nordland"]
    assert germans(table, "southland") == ["Südland"]
    assert {"northland", "southland"} <= parse_vocabulary(lines)["place"]


def test_a_name_both_sides_keep_as_it_is_is_no_english_word() -> None:
    words = parse_vocabulary(
        [
            "Nordland {n} (Bundesstaat) <Südland> :: Nordland (state of Südland)",
            "Haus {n} | Häuser {pl} :: house | houses",
        ]
    )
    assert "nordland" not in words["en"] and "house" in words["en"]


def test_a_verb_entry_lists_its_forms_by_position() -> None:
    forms = parse_verb_forms(
        [
            "senden; schicken {vt} | sendend; schickend | gesandt; geschickt | er/sie sendet"
            " :: to send {sent; sent} | sending | sent | he/she sends",
            "Steigung {f} | Steigungen {pl} :: rise | rises",
        ]
    )
    german = {(verb, form) for language, verb, form in forms if language == "de"}
    assert ("senden", "gesandt") in german and ("schicken", "geschickt") in german
    assert ("senden", "geschickt") not in german  # the n-th synonym is the n-th verb's
    assert ("senden", "sendet") in german  # "er/sie" dropped
    joined = parse_verb_forms(["anerkennen {vt} | erkennt an :: to accept | accepts"])
    assert ("de", "anerkennen", "anerkennt") in joined  # as a joined separable verb
    example = parse_verb_forms(
        [
            "ausbeuten {vt} | ausbeutend | Bestände ausbeuten"
            " :: to plunder | plundering | to plunder stocks"
        ]
    )
    german = {form for language, _, form in example if language == "de"}
    assert german == {"ausbeuten", "ausbeutend"}  # an example is no form: no "ausbeutenbestände"
    english = {form for language, _, form in forms if language == "en"}
    assert english == {"send", "sent", "sending", "sends"}  # "{sent; sent}" too; no noun


def test_a_verb_form_finds_the_forms_of_its_verb(dictionary: Dictionary) -> None:
    assert set(dictionary.verb_forms("stieg", "de")) == {
        "stieg", "steigen", "steigend", "gestiegen", "steigt",
    }  # fmt: skip
    assert "steigen" in dictionary.verb_forms("gestiegenen", "de")  # as an adjective
    assert dictionary.verb_forms("stieg", "de")[0] == "stieg"
    assert set(dictionary.verb_forms("rose", "en")) >= {"rise", "risen"}
    assert dictionary.verb_forms("preis", "de") == []


def test_the_plural_of_a_people_that_names_its_land_is_the_place() -> None:
    words = parse_vocabulary(
        [
            "Nordländer {m} | Nordländern {pl} :: Northlander | Northlanders",
            "Nordländern {n} (Bundesland) [geogr.] :: Northlandia",
            "Marke {f} | Marken {pl} :: brand | brands",
            "Marken {pl} (Region) [geogr.] :: Marche",
            "Ufer {n} | Ufern {pl} :: Bank | Banks",
            "Ufern {n} [geogr.] :: Ufern",
            "Ufern {n} (Dorf) :: Ufern (village)",
        ]
    )
    assert "nordländern" in words["place"] and "nordländern" not in words["de-noun"]
    assert "marken" in words["de-noun"]  # the plural of a common noun stays a noun
    assert "ufern" in words["de-noun"]  # a noun in the singular too
