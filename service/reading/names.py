"""Proper names: listed aliases (one key per entity across languages and spellings), and any
other name, told from common words by its capital letter and a lexicon of common words.

German capitalises every noun, so a capitalised German word is a name only when the lexicon
of German common nouns does not know it, nor the noun it ends with ("Bundesgesundheits-
minister" ends with "Minister"). English capitalises names only, except at the start of a
sentence, where a word the English lexicon knows is read as a common word.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from service.reading.tokens import Token, tokenize, without_possessive

# The head of a compound is at least this long ("Minister" in "Bundesminister").
MIN_HEAD = 3
MIN_MODIFIER = 4  # ... after a modifier at least this long ("Wetter" in "Wetteramt")
# A head shorter than this makes a compound only after a first part that is a word too:
# "Bundesrat", "Feiertag", but "Riexinger" is no "Ger" (a spear) of a "Riexin".
SHORT_HEAD = 5
# A noun's ending follows a stem of at least this many letters: "Diversität", "Forschung",
# but not the names "Hartung", "Jung".
MIN_DERIVED = 5
# A first part may be a word's stem: "Förder" (fördern), "Finanz" (Finanzen).
STEM_ENDINGS = ("e", "n", "en")
# The endings of a German adjective before its noun: "technischen", "Europäische".
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


class Aliases:
    """Entity names mapped to one key per entity, matched as whole-word phrases."""

    def __init__(self, groups: dict[str, dict]):
        self._phrases: dict[tuple[str, ...], str] = {}
        self._exact: dict[tuple[str, ...], str] = {}
        for key, group in groups.items():
            for name in group.get("names", []):
                if toks := tuple(t.norm for t in tokenize(name)):
                    self._phrases[toks] = key
            for name in group.get("exact_names", []):
                if toks := tuple(t.text for t in tokenize(name)):
                    self._exact[toks] = key
        self.keys = frozenset(groups)
        self._starts = frozenset(p[0] for p in [*self._phrases, *self._exact])
        self.longest = max((len(p) for p in [*self._phrases, *self._exact]), default=1)

    def match(self, tokens: list[Token], i: int, stems: list[str]) -> tuple[str, int] | None:
        """Return (entity key, tokens used) for the longest alias starting at token i."""
        first = tokens[i]
        heads = {first.norm, stems[i], first.text, first.norm.removesuffix("s")}
        heads |= {without_possessive(first.norm), without_possessive(first.text)}
        if not heads & self._starts:
            return None
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            window = tokens[i : i + n]
            norms = tuple(t.norm for t in window)
            # An English possessive names the same ("the UN's", "Russia's").
            plain = (*(t.text for t in window[:-1]), without_possessive(window[-1].text))
            key = (
                self._phrases.get(norms)
                or self._phrases.get(tuple(stems[i : i + n]))
                or self._exact.get(tuple(t.text for t in window))
                or self._exact.get(plain)
                or self._phrases.get((*norms[:-1], without_possessive(norms[-1])))
                # A German genitive: "Putins", "Kasachstans".
                or (
                    len(norms[-1]) > 4
                    and norms[-1].endswith("s")
                    and self._phrases.get((*norms[:-1], norms[-1][:-1]))
                )
            )
            if key:
                return key, n
        return None


class Vocabulary:
    """Common words of each language, to tell a capitalised common word from a name."""

    def __init__(
        self,
        german_nouns: Iterable[str] = (),
        german_words: Iterable[str] = (),
        english_words: Iterable[str] = (),
        places: Iterable[str] = (),
        noun_endings: Iterable[str] = ("",),
        word_endings: Iterable[str] = ("",),
        noun_suffixes: Iterable[str] = (),
        given_names: Iterable[str] = (),
    ):
        # German inflection endings: "Soldaten", "Landes" are forms of listed nouns,
        # "anerkannte" of a listed word.
        self.noun_endings = tuple(noun_endings)
        self.word_endings = tuple(word_endings)
        self.noun_suffixes = tuple(noun_suffixes)
        self.german_nouns = frozenset(german_nouns)
        self.german_words = frozenset(german_words)
        self._german = self.german_nouns | self.german_words
        self.english_words = frozenset(english_words)
        self.places = frozenset(places)
        self.given_names = frozenset(given_names)

    @property
    def available(self) -> bool:
        return bool(self.german_nouns or self.english_words)

    def _noun_stems(self, word: str, shortest: int = 1) -> list[str]:
        """Return the common nouns of at least `shortest` letters that a word is a form of."""
        return [
            stem
            for ending in self.noun_endings
            if word.endswith(ending)
            and len(stem := word[: len(word) - len(ending)]) >= shortest
            and stem in self.german_nouns
        ]

    @lru_cache(maxsize=200_000)  # noqa: B019 - one Vocabulary lives as long as the app
    def is_german_noun(self, word: str) -> bool:
        """Return whether a lower-case German word is a common noun or a compound of one."""
        if not self.german_nouns:
            return True  # without a lexicon, no capitalised German word can be told a name
        if self._noun_stems(word) or self._derived_noun(word):
            return True
        for k in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            for stem in self._noun_stems(word[k:], MIN_HEAD):
                if len(stem) >= SHORT_HEAD or self._is_first_part(word[:k]):
                    return True
        return False

    def _derived_noun(self, word: str) -> bool:
        """Return whether a word ends, maybe inflected, in an ending that makes a common noun
        ("Diversität", "Digitalisierungen")."""
        return any(
            word.endswith(ending)
            and (stem := word[: len(word) - len(ending)]).endswith(suffix)
            and len(stem) - len(suffix) >= MIN_DERIVED
            for ending in self.noun_endings
            for suffix in self.noun_suffixes
        )

    def _is_first_part(self, part: str) -> bool:
        """Return whether the first part of a compound is a German word, with its joint
        ("Bundes"), or a word's stem ("Förder", "Finanz")."""
        return any(
            part.endswith(ending) and part[: len(part) - len(ending)] in self._german
            for ending in self.noun_endings
        ) or any(part + ending in self._german for ending in STEM_ENDINGS)

    def noun_head(self, word: str) -> str | None:
        """Return the longest common noun a lower-case German compound ends in, short of the
        whole word ("wirtschaft" in "friedenswirtschaft"), if any."""
        for k in range(1, len(word) - MIN_HEAD + 1):
            if self._noun_stems(word[k:], MIN_HEAD + 1):
                return word[k:]
        return None

    def is_german_word(self, word: str) -> bool:
        """Return whether a lower-case word is a German word of any kind, maybe inflected."""
        return any(
            word.endswith(ending) and word[: len(word) - len(ending)] in self.german_words
            for ending in self.word_endings
        ) or self.is_german_noun(word)

    def is_adjective_form(self, word: str) -> bool:
        """Return whether a lower-case German word is an inflected adjective and nothing else
        the dictionary lists: "technischen", "europäische" (but not "roten": "Rot" is a
        noun too, nor "Erwachsenen", listed as a noun)."""
        return not self._noun_stems(word) and any(
            word.endswith(ending)
            and (stem := word[: len(word) - len(ending)]) in self.german_words
            and stem not in self.german_nouns
            for ending in ADJECTIVE_ENDINGS
        )

    def is_place(self, word: str) -> bool:
        """Return whether a lower-case German word names a place: a place of the dictionary
        that is no common noun as it stands ("Frankreich" ends in "Reich", "Schweden" is
        the plural of "Schwede", but "Bank" and "Land" are common nouns), also in the
        genitive ("Russlands")."""
        if word.endswith("s") and word not in self.places:
            word = word[:-1]
        return word in self.places and word not in self.german_nouns

    def is_english_word(self, word: str) -> bool:
        """Return whether a lower-case word is a common English word."""
        if not self.english_words:
            return True
        return word in self.english_words or word.rstrip("s") in self.english_words


def is_name(
    tokens: list[Token], i: int, language: str, vocabulary: Vocabulary, sentence_start: bool
) -> bool:
    """Return whether token i is (part of) a proper name."""
    tok = tokens[i]
    if tok.kind == "code":
        return True
    if not tok.capitalised or len(tok.norm) < 2:
        return False
    if i > 0 and tokens[i - 1].is_number and tok.start - tokens[i - 1].end == 1:
        return False  # the word of a figure joined by a hyphen: "der 64-Jährige", "5-Sterne"
    if tok.text.isupper() and len(tok.text) >= 2:
        return True  # an acronym: "NATO", "SPD", "ABC"
    if language == "de":
        if vocabulary.is_place(tok.norm):
            return True
        if sentence_start and vocabulary.is_german_word(tok.norm):
            return False
        if not sentence_start and _capitalised_adjective(tokens, i, vocabulary):
            return True
        return not vocabulary.is_german_noun(tok.norm)
    # English capitalises names, and the words of titles and institutions ("the Federal
    # Employment Agency"): those are common words, which translate. A place is a name,
    # though the dictionary lists it among English words ("Victoria", "Indian").
    if vocabulary.is_place(without_possessive(tok.norm)):
        return True
    return not vocabulary.is_english_word(tok.norm)


def _capitalised_adjective(tokens: list[Token], i: int, vocabulary: Vocabulary) -> bool:
    """Return whether a German adjective is capitalised inside a sentence, before its noun:
    only a name does that ("an der Technischen Universität", "die Europäische Union")."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.capitalised
        and nxt.kind == "word"
        and nxt.start - tokens[i].end == 1
        and vocabulary.is_adjective_form(tokens[i].norm)
    )
