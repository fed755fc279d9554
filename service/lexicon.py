"""The word data of the service, loaded once: stop words, aliases, cues, synonyms, units.

Every list a user might edit lives in `data/*.toml`; this module turns it into lookups and is
the only place that spells derived index terms (the "@" tag of a synonym group).
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import Stemmer

FILES = ("stopwords.toml", "aliases.toml", "cues.toml", "synonyms.toml", "units.toml")
TAG = "@"  # index terms of synonym groups: "@deaths"


def data_path(name: str) -> Path:
    """Return the path of a bundled data file."""
    return Path(str(resources.files("service") / "data" / name))


def load_toml(path: Path) -> dict:
    """Return a TOML data file as a dict."""
    with path.open("rb") as fh:
        return tomllib.load(fh)


def files_digest(paths: Iterable[Path]) -> str:
    """Return a short digest of the given files' bytes, to notice edits."""
    import hashlib

    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def tag(name: str) -> str:
    """Return the index term of a synonym group."""
    return TAG + name


def is_tag(term: str) -> bool:
    """Return whether an index term is a synonym-group tag."""
    return term.startswith(TAG)


def tag_name(term: str) -> str:
    """Return the synonym group a tag names."""
    return term[len(TAG) :]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A phrase that turns a number n into the interval [low*n, high*n]."""

    name: str
    low: float
    high: float
    low_open: bool
    high_open: bool


@dataclass(frozen=True, slots=True)
class SynonymGroup:
    """Words that name one thing in either language."""

    name: str
    pattern: re.Pattern[str]
    event: bool
    general: bool


def _phrases(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(w.lower().split()) for w in words)


class Lexicon:
    """All word data, read once from a data directory (the bundled one by default)."""

    def __init__(self, data_dir: Path | None = None):
        self.paths = [(data_dir / f if data_dir else data_path(f)) for f in FILES]
        stop, aliases, cues, synonyms, units = (load_toml(p) for p in self.paths)
        self.digest = files_digest(self.paths)
        self.stopwords = {lang: frozenset(words.split()) for lang, words in stop.items()}
        self.alias_data = aliases
        self.stemmers = {"de": Stemmer.Stemmer("german"), "en": Stemmer.Stemmer("english")}
        self._load_cues(cues)
        self.synonyms = [
            SynonymGroup(
                name, re.compile(g["words"]), g.get("event", False), g.get("general", False)
            )
            for name, g in synonyms.items()
        ]
        self.events = frozenset(tag(g.name) for g in self.synonyms if g.event)
        self.general = frozenset(tag(g.name) for g in self.synonyms if g.general)
        self._load_units(units)

    def _load_cues(self, data: dict) -> None:
        self.clause_negations = frozenset(w for ws in data["negation"].values() for w in ws)
        self.english_negations = frozenset(data["negation"].get("en", []))
        det = data["negation_determiner"]
        self.determiner_negations = frozenset(det.get("de", []) + det.get("en", []))
        self.negation_phrases = _phrases(det.get("phrases", []))
        self.not_negations = _phrases(data["not_negations"]["phrases"])
        self.negations_after = frozenset(data["negation_after"]["words"])
        self.not_negated_after = frozenset(data["negation_after"]["not_after"])
        self.paired_negations = {k: frozenset(v) for k, v in data["negation_pairs"].items()}
        self.excess_negations = dict(data["negation_excess"].values())  # degree: purpose
        self.negation_clause_ends = frozenset(data["negation_clause_ends"]["words"])
        self.refusals = frozenset(data["negation_refusal"]["words"])
        self.replacements = _phrases(data["negation_replaced"]["words"])
        self.replacement_starts = frozenset(p[0] for p in self.replacements)
        self.replaced_gap = int(data["negation_replaced"]["before"])
        self.refused_before = frozenset(data["negation_refusal"]["before"])
        self.negation_until = frozenset(data["negation_clause_ends"]["until"])
        self.conditionals = {
            lang: frozenset(words)
            for lang, words in data["negation_clause_ends"]["conditional"].items()
        }
        self.conceding = frozenset(data["negation_clause_ends"]["conceding"])
        self.negation_pronouns = frozenset(det.get("pronouns", []))
        self.infinitive_markers = frozenset(det.get("infinitive", []))
        self.privative_negations = frozenset(det.get("privative", []))
        self.amount_words = frozenset(data["amount_after_noun"]["words"])
        self.rate_words = frozenset(data["rates"]["words"])
        answered = data["answered_no"]
        self.question_openers = frozenset(tuple(p.split()) for p in answered["questions"])
        self.answers_no = frozenset(answered["answers"])
        affixes = data["negative_affixes"]
        self.negative_prefixes = tuple(affixes["prefixes"])
        self.negative_suffixes = tuple(sorted(affixes["suffixes"], key=len, reverse=True))
        self.affix_exceptions = tuple(affixes["exceptions"])
        self.qualifiers: dict[tuple[str, ...], Qualifier] = {}
        for name, q in data["qualifiers"].items():
            high = math.inf if q["high"] == "inf" else float(q["high"])
            qual = Qualifier(
                name, float(q["low"]), high, q.get("low_open", False), q.get("high_open", False)
            )
            for phrase in q["words"]:
                self.qualifiers[tuple(phrase.lower().split())] = qual
        self.longest_qualifier = max(len(k) for k in self.qualifiers)
        ranges = data["ranges"]
        self.range_joiners = frozenset(ranges["joiners"])
        self.range_dashes = frozenset(ranges["dashes"])
        self.range_closers = frozenset(ranges["closers"])
        self.range_openers = frozenset(ranges["openers"])
        self.alternatives = frozenset(ranges["alternatives"])
        self.vague = {
            tuple(k.split()): (float(v[0]), float(v[1])) for k, v in data["vague"].items()
        }
        vague_round = data["vague_round"]
        self.vague_determiners = tuple(tuple(d.split()) for d in vague_round["determiners"])
        spelled = data["spelled"]
        self.spelled = {
            lang: re.compile(rf"^{p}$") for lang, p in spelled.items() if isinstance(p, str)
        }
        self.not_numbers = frozenset(spelled.get("not_numbers", []))
        self.number_joiners = frozenset(spelled.get("joiners", []))
        self.conjunct_words = frozenset(data["gapping"]["conjunctions"])
        self.partitive_words = frozenset(data["gapping"]["partitive"])
        self.months = {k: int(v) for k, v in data["months"].items()}
        self.weekdays = {k: int(v) for k, v in data["weekdays"].items()}
        self.month_openers = frozenset(tuple(p.split()) for p in data["month_alone"]["after"])
        self.month_opener_lengths = sorted({len(k) for k in self.month_openers})
        # A month or a day is no place, though a dictionary lists "March" as one.
        self.calendar_words = frozenset([*self.months, *self.weekdays])
        self.holidays = {k: int(v) for k, v in data["holidays"].items()}
        self.relative_years = {
            tuple(phrase.split()): when
            for when, phrases in data["relative_years"].items()
            for phrase in phrases
        }
        self.relative_year_lengths = sorted({len(k) for k in self.relative_years})
        self.year_words = frozenset(data["years"]["words"])
        self.duration_joiners = frozenset(data["durations"]["joiners"])
        self.duration_one = frozenset(data["durations"]["one"])
        self.decade_endings = frozenset(data["years"]["decade_endings"])
        self.noun_endings = tuple(data["inflection"]["noun_endings"])
        self.word_endings = tuple(data["inflection"]["word_endings"])
        self.noun_suffixes = tuple(data["inflection"]["noun_suffixes"])
        self.compound_links = tuple(data["inflection"]["compound_links"])
        self.ellipsis_links = frozenset(data["inflection"]["ellipsis_links"])
        ordinals = dict(data["ordinals"])
        self.ordinal_not_nouns = frozenset(ordinals.pop("not_nouns", []))
        self.ordinal_suffixes = frozenset(ordinals.pop("digit_suffixes", []))
        self.ordinals = {k: int(v) for k, v in ordinals.items()}
        self.factors = {k: float(v) for k, v in data["factors"].items()}
        self.elided = frozenset(data["elided"]["words"])
        self.elided_followers = frozenset(data["elided"]["english_followers"])
        self.counted_before = frozenset(data["counted_before"]["words"])
        self.relative_pronouns = frozenset(data["counted_before"]["relative"])
        phrase = data["noun_phrase"]
        self.articles = frozenset(phrase["articles"])
        self.attached = frozenset(phrase["attached"])
        self.coordinators = frozenset(phrase["coordinators"])
        self.sharing = frozenset(phrase["sharing"])
        self.disjunctions = frozenset(phrase["disjunctions"])
        self.verb_endings = tuple(phrase["verb_endings"])
        self.anaphora = frozenset(data["anaphora"]["words"])
        self.speech = frozenset(data["speech"]["words"])
        self.light_verbs = frozenset(data["light_verbs"]["words"])
        self.light_phrases = _phrases(data["light_verbs"]["phrases"])
        self.speaker_after = int(data["speech"]["after"])
        self.speaker_before = int(data["speech"]["before"])
        self.clefts = tuple(tuple(p.split()) for p in data["speech"]["cleft"])
        self.speaking_pronouns = frozenset(data["speech"]["pronouns"])
        self.titles = frozenset(data["names"]["titles"])
        self.name_particles = frozenset(data["names"]["particles"])
        self.place_adjective_endings = tuple(data["names"]["place_adjective_endings"])
        self.place_word_endings = {
            lang: tuple(tuple(p) for p in pairs)
            for lang, pairs in data["names"]["place_word_endings"].items()
        }
        # Longest first, so "zurück" is tried before "zu".
        self.particles = tuple(sorted(data["separable"]["particles"], key=len, reverse=True))
        self.phrasal_particles = frozenset(data["phrasal"]["particles"])
        comparison = data["comparison"]
        self.comparison_markers = frozenset(comparison["markers"])
        self.ambiguous_markers = frozenset(comparison["ambiguous"])
        self.degree_words = frozenset(comparison["degree"])
        self.comparative_endings = tuple(comparison["endings"])
        self.opposites = [(tuple(p["a"]), tuple(p["b"])) for p in data["opposites"]]
        # Words by which a source leaves what it reports open ("unklar"), and their pairs.
        self.open_words = tuple(w for p in data["opposites"] for w in p.get("leaves_open", ()))
        self.open_pairs = frozenset(
            i for i, p in enumerate(data["opposites"]) if "leaves_open" in p
        )
        # Words of the cues themselves: capitalised at the start of a sentence, none is a name.
        self.cue_words = frozenset(
            w
            for words in (
                *(k for k in self.qualifiers), *(k for k in self.vague), self.months,
                self.weekdays, self.ordinals, self.factors, self.elided, self.anaphora,
                self.year_words, self.articles, self.clause_negations, self.determiner_negations,
            )
            for w in (words if isinstance(words, tuple) else words)
        )  # fmt: skip
        # Stems per language: a text meets the pairs through its own language's stems (the
        # German stem of "offen" is the English word "off").
        self._opposite_stems: dict[str, dict[tuple[str, ...], list[tuple[int, int]]]] = {}
        for lang in ("de", "en"):
            table = self._opposite_stems.setdefault(lang, {})
            for i, sides in enumerate(self.opposites):
                for side, words in enumerate(sides):
                    for word in words:
                        # The word as written too: a form the reader's stem misses
                        # ("zugenommen", whose particle the reader takes apart).
                        for key in (
                            tuple(self.stem(w, lang) for w in word.lower().split()),
                            tuple(word.lower().split()),
                        ):
                            if (i, side) not in table.setdefault(key, []):
                                table[key].append((i, side))
        self.longest_opposite = max(len(k) for t in self._opposite_stems.values() for k in t)

    @functools.cached_property
    def ordinal_word(self) -> re.Pattern[str]:
        """Return a pattern for words that start with an ordinal ("erste", "neuntgrößte")."""
        stems = sorted(self.ordinals, key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, stems)) + ")")

    @functools.cached_property
    def fused(self) -> re.Pattern[str]:
        """Return a pattern for a German number word fused with a unit ("dreijähriges"): its
        groups are the number word and the unit's part."""
        units = "|".join(re.escape(w) for w in sorted(self.fused_units, key=len, reverse=True))
        endings = "|".join(re.escape(e) for e in self.word_endings if e)
        return re.compile(rf"^({self.spelled['de'].pattern.strip('^$')})({units})(?:{endings})?$")

    @functools.cached_property
    def time_units(self) -> dict[str, str]:
        """Return the one-word units of time by their words ("stunde": hour, "years": year)."""
        return {
            w[0]: u
            for w, u in self.units_after.items()
            if len(w) == 1 and w[0].isalpha() and self.unit_kinds.get(u) == "duration"
        }

    @functools.cached_property
    def fused_fraction(self) -> re.Pattern[str]:
        """Return a pattern for a German share fused with a unit of time ("Vierteljahr",
        "Dreiviertelstunde"): its groups are the number word (if any), the
        share and the unit."""
        times = sorted(self.time_units, key=len, reverse=True)
        shares = "|".join(map(re.escape, sorted(self.fractions, key=len, reverse=True)))
        spelled = self.spelled["de"].pattern.strip("^$")
        return re.compile(rf"^({spelled})?({shares})({'|'.join(map(re.escape, times))})$")

    @functools.cached_property
    def quantity_start(self) -> re.Pattern[str]:
        """Return a pattern for the words a quantity may start with (digits aside)."""
        words = {*self.months, *self.weekdays, *self.fractions, *self.articles, *self.half_words}
        words |= self.share_one | self.share_every
        words |= {k[0] for k in self.vague} | {d[0] for d in self.vague_determiners}
        stems = [*self.ordinals, *self.factors]
        spelled = [p.pattern.strip("^$") for p in self.spelled.values()]
        alternatives = [
            *(re.escape(w) + "$" for w in sorted(words, key=len, reverse=True)),
            *(re.escape(w) for w in sorted(stems, key=len, reverse=True)),
            *(p + "$" for p in spelled),
            *(p + re.escape(self.half_suffix) + "$" for p in spelled),
            self.fused.pattern.lstrip("^"),
            self.fused_fraction.pattern.lstrip("^"),
        ]
        return re.compile("(?:" + "|".join(alternatives) + ")")

    def _load_units(self, data: dict) -> None:
        self.units_after = {
            tuple(w.split()): unit for unit, words in data["after"].items() for w in words
        }
        self.units_before = {w: unit for unit, words in data["before"].items() for w in words}
        self.unit_kinds = {unit: kind for kind, units in data["kinds"].items() for unit in units}
        self.duration_words = frozenset(data["duration_words"]["words"])
        self.ago_before = frozenset(data["ago"]["before"])
        self.ago_after = frozenset(data["ago"]["after"])
        self.age_after = frozenset(data["ages"]["after"])
        self.age_before = _phrases(data["ages"]["before"])
        self.oldest = int(data["ages"]["oldest"])
        self.fused_units = {w: unit for unit, words in data["fused"].items() for w in words}
        self.half_suffix = data["halves"]["suffix"]
        self.half_words = {k: float(v) for k, v in data["halves"]["words"].items()}
        self.share_joiners = frozenset(data["halves"]["joiners"])
        self.clock = frozenset(data["clock"]["words"])
        self.scale = {k: float(v) for k, v in data["scale"].items()}
        self.fractions = {k: float(v) for k, v in data["fractions"].items()}
        self.share_after = frozenset(data["shares"]["after"])
        self.share_before = frozenset(data["shares"]["before"])
        self.share_one = frozenset(data["shares"]["one"])
        self.share_one_of = _phrases(data["shares"]["one_of"])
        self.share_every = frozenset(data["shares"]["every"])
        self.measures = {k: (v["base"], float(v["size"])) for k, v in data["measures"].items()}
        self.longest_unit = max(len(k) for k in self.units_after)

    # Words ---------------------------------------------------------------------------------

    def stem(self, word: str, language: str = "de") -> str:
        """Return the stem of a lower-case word."""
        return self.stemmers[language].stemWord(word)

    @functools.cached_property
    def negation_words(self) -> frozenset[str]:
        """Return the words that negate a clause or a noun ("nicht", "kein", "no")."""
        return self.clause_negations | self.determiner_negations

    @functools.cached_property
    def _unindexed(self) -> dict[str | None, frozenset[str]]:
        out: dict[str | None, frozenset[str]] = {
            lang: frozenset(words) | self.negation_words for lang, words in self.stopwords.items()
        }
        out[None] = frozenset().union(*out.values())
        return out

    def is_stopword(self, word: str, language: str | None = None) -> bool:
        """Return whether a lower-case word is a stop word or a negation of a language (of
        any, where it is not known). English "war" and "die" are words, German "war" is not."""
        return word in self._unindexed.get(language, self._unindexed[None])

    def spells_number(self, word: str, language: str | None = None) -> bool:
        """Return whether a lower-case word spells a number ("drei", "three") in a language
        (in any, where it is not given), not one that only looks like one ("achten", "ein")."""
        patterns = [self.spelled[language]] if language in self.spelled else self.spelled.values()
        return any(p.match(word) for p in patterns) and word not in self.not_numbers

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Lexicon lives as long as the app
    def tags(self, words: str) -> tuple[str, ...]:
        """Return the synonym-group tags of a lower-case word or phrase ("festnahmen")."""
        return tuple(tag(g.name) for g in self.synonyms if g.pattern.search(words))

    def opposite_sides(self, stems: tuple[str, ...], language: str) -> list[tuple[int, int]]:
        """Return (pair, side) for each pair of opposites a run of stems of a text in the
        language belongs to."""
        return self._opposite_stems.get(language, self._opposite_stems["de"]).get(stems, [])

    @functools.cached_property
    def opposite_starts(self) -> frozenset[str]:
        """Return the first stems of the phrases among the opposites."""
        return frozenset(k[0] for t in self._opposite_stems.values() for k in t if len(k) > 1)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one Lexicon lives as long as the app
    def affix_base(self, word: str, min_rest: int = 5) -> str | None:
        """Return the word without a negative prefix or suffix ("unbegrenzt" -> "begrenzt")."""
        if word.startswith(self.affix_exceptions) or word in self.affix_exceptions:
            return None
        for prefix in self.negative_prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= min_rest:
                return word[len(prefix) :]
        for suffix in self.negative_suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= min_rest - 1:
                return word[: -len(suffix)]
        return None
