"""Claim analysis: the claim's reading, and its words as groups of terms in both languages.

A claim is read like a passage. Each of its words becomes a `TermGroup`: the terms that name
it in the claim's language (for passages in that language) and, through the dictionary, in
the other language (for passages in the other one). A dictionary phrase ("human rights")
stays one group whose parts must all be present.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from service.claims.dictionary import Dictionary
from service.claims.thesaurus import Thesaurus
from service.lexicon import Lexicon, is_tag
from service.reading import Reader, Reading
from service.reading.model import Quantity
from service.reading.tokens import clause_spans, tokenize, visible, without_possessive

UMLAUT = re.compile(r"[äöüß]")
# Translations kept per word, best-ranked first: enough for the common senses ("order":
# Ordnung, Auftrag, Befehl ...), few enough to keep stray senses rare.
TRANSLATIONS_PER_WORD = 8
TRANSLATIONS_PER_PHRASE = 3
# Phrases of up to this many adjacent words are looked up whole ("short-time work").
PHRASE_WORDS = 3
# Synonyms come from translating a word there and back: this many translations, and this
# many words back from each.
PIVOT_OUT, PIVOT_BACK = 3, 3
# A German compound the dictionary lacks is read as a first part and a head of at least
# these lengths, and translates as this many of each part's senses combined.
MIN_MODIFIER, MIN_HEAD = 3, 4
COMPOUND_SENSES = 2
# The translations whose verb forms are looked for too: the common senses.
FORMS_OF_TRANSLATIONS = 3
OTHER = {"de": "en", "en": "de"}
# A place's name is at least this long to stand in another word ("Wien" in "Wiener").
MIN_PLACE = 4
PARTICLE = re.compile(r" ([A-Za-z]+)\b")
# "wave of infections": the words between two nouns a German compound joins, and how many
# senses of each noun are joined.
OF_LINK = re.compile(r" of (?:the |a |an )?", re.IGNORECASE)
OF_SENSES = 2
# How the two words of a phrase join in a German compound ("Gas|preis", "Arbeit|s|markt").
COMPOUND_LINKS = ("", "s")
# The small words that may lead a phrase: at most two, right before its word.
LEAD = re.compile(r"(?:\b[^\W\d_]+ ){1,2}$")


@dataclass(frozen=True, slots=True)
class TermGroup:
    """One idea of the claim: any of its alternative terms matches it.

    `native` are terms in the claim's language, `foreign` those of its translations. An
    alternative with a space is a phrase: all its terms must be present.
    """

    word: str
    start: int
    end: int
    native: tuple[str, ...]
    kind: str  # name | number | word
    foreign: tuple[str, ...] = ()
    translations: tuple[str, ...] = ()
    # Words of the claim's language that share a translation with this one ("Beistand",
    # "Hilfe") or a thesaurus's synonym set: weaker evidence of the same idea, counted at a
    # discount.
    synonyms: tuple[str, ...] = ()
    # Terms of the other forms of the word's verb ("gestiegen", "steigt" for "stieg"): the
    # same word, but not what tells how rare it is.
    forms: tuple[str, ...] = ()
    foreign_forms: tuple[str, ...] = ()
    # German compounds of an English noun and the noun beside it ("city police":
    # "stadtpolizei"): found in a source, and searched for, but not what tells how rare the
    # word is (a compound is rarer than either noun).
    compounds: tuple[str, ...] = ()
    # A German compound's modifier and head as a phrase ("gerecht frag"): found only both
    # together, as the compound said apart ("Frage der Gerechtigkeit").
    apart: tuple[str, ...] = ()

    def alternatives(self, same_language: bool) -> tuple[str, ...]:
        """Return the terms that match this group in a passage of the claim's language or not."""
        if same_language or self.kind in ("number",):
            return (*self.native, *self.forms)
        return (*self.foreign, *self.foreign_forms, *self.compounds, *self.native, *self.forms)

    def near(self, same_language: bool) -> tuple[str, ...]:
        """Return the weaker alternatives: synonyms, in a passage of the claim's language."""
        return self.synonyms if same_language else ()

    @property
    def all_terms(self) -> tuple[str, ...]:
        return (*self.native, *self.foreign, *self.forms, *self.foreign_forms, *self.compounds)

    @property
    def words_terms(self) -> tuple[str, ...]:
        """Return the terms of the word itself and its translations, not of other forms."""
        return (*self.native, *self.foreign)


@dataclass(frozen=True)
class Claim:
    """What was understood of a claim."""

    reading: Reading
    groups: list[TermGroup]
    dictionary_available: bool
    notes: list[str] = field(default_factory=list)
    light: frozenset[int] = frozenset()  # starts of groups that only say something happened

    @property
    def text(self) -> str:
        return self.reading.text

    @property
    def language(self) -> str:
        return self.reading.language

    @cached_property
    def quantities(self) -> list[Quantity]:
        """Return the claim's quantities that a source figure can confirm or refute."""
        return list(self.reading.quantities)

    @cached_property
    def topic(self) -> list[TermGroup]:
        """Return the groups that say what the claim is about: all but its numbers' own words
        (the figure, its qualifier and unit), which the number comparison checks."""
        spans = [(q.start, q.end) for q in self.quantities]
        return [
            g
            for g in self.groups
            if g.kind != "number"
            and g.start not in self.light
            and not any(a <= g.start and g.end <= b for a, b in spans)
        ]

    @property
    def negated(self) -> bool:
        """Return whether the claim is negated (an odd number of negations)."""
        return len(self.reading.negations) % 2 == 1

    @cached_property
    def denying_clauses(self) -> list[tuple[int, int]]:
        """Return the spans of the clauses that hold a negation ("Neither X nor Y had ...")."""
        cues = self.reading.negations
        return [(a, b) for a, b in clause_spans(self.text) if any(a <= n.start < b for n in cues)]

    def query_terms(self) -> list[str]:
        """Return the terms of every group, for candidate retrieval: its words and their
        translations (other forms of a verb would slow the search and find little more)."""
        terms = [p for g in self.groups for a in g.words_terms for p in a.split()]
        # A phrase of two words may stand in a source as one compound ("infektion gefahr":
        # "Infektionsgefahr"), which only its joined form finds.
        terms += [c for g in self.groups for a in g.foreign for c in compounds(a)]
        terms += [c for g in self.groups for c in g.compounds]
        return list(dict.fromkeys(terms))

    def describe(self) -> dict:
        """Return the analysis as a JSON-ready dict."""
        out: dict = {
            "language": self.language,
            "quantities": [describe_quantity(q, self.text) for q in self.quantities],
            "negated": self.negated,
            "negations": [n.cue for n in self.reading.negations],
            "names": [self.text[n.start : n.end] for n in self.reading.names],
            "terms": [
                {
                    "word": g.word,
                    "kind": g.kind,
                    "terms": list(g.native),
                    **({"translations": list(g.translations)} if g.translations else {}),
                }
                for g in self.groups
            ],
        }
        if self.language == "en":
            out["translated"] = self.dictionary_available
        if self.notes:
            out["notes"] = self.notes
        return out


def describe_quantity(q: Quantity, text: str) -> dict:
    """Return a quantity as a JSON-ready dict."""
    span = q.counted_span
    return {
        "text": q.text,
        "kind": q.kind,
        "unit": q.unit or None,
        "low": q.low,
        "high": None if q.high == float("inf") else q.high,
        "interval": q.interval,
        "counted": text[span[0] : span[1]] if span else None,
        "start": q.start,
        "end": q.end,
    }


class ClaimAnalyzer:
    """Turns claim text into a Claim, reading it the way passages are read."""

    def __init__(self, reader: Reader, dictionary: Dictionary, thesaurus: Thesaurus | None = None):
        self.reader = reader
        self.lexicon: Lexicon = reader.lexicon
        self.dictionary = dictionary
        self.thesaurus = thesaurus or Thesaurus()

    def detect_language(self, text: str) -> str:
        """Return "de" or "en" by counting each language's function words and known words."""
        return detect_language(text, self.lexicon, self.dictionary)

    def analyse(self, text: str, language: str = "auto") -> Claim:
        """Return the analysis of a claim."""
        lang = self.detect_language(text) if language == "auto" else language
        reading = self.reader.read(text, lang)
        notes = []
        if not self.dictionary.available:
            notes.append("no bilingual dictionary installed: words are matched as written")
        groups = self._groups(reading)
        return Claim(reading, groups, self.dictionary.available, notes, self._light(groups))

    def _light(self, groups: list[TermGroup]) -> frozenset[int]:
        """Return the starts of the groups that only say that something happened."""
        light = self.lexicon.light_verbs
        out = {g.start for g in groups if g.kind == "word" and light & set(g.native)}
        for first, second in zip(groups, groups[1:], strict=False):
            if (first.native[0], second.native[0]) in self.lexicon.light_phrases:
                out |= {first.start, second.start}
        return frozenset(out)

    def _groups(self, reading: Reading) -> list[TermGroup]:
        """Return a group per claim word (or dictionary phrase), with its translations."""
        text, lang = reading.text, reading.language
        merged: list[TermGroup] = []
        for term in reading.terms:
            # Tags and joined verb forms share their word's start: they are its alternatives.
            # A word inside a tagged phrase ("ums Leben") is one more way to find the phrase.
            inside = merged and merged[-1].start <= term.start and term.end <= merged[-1].end
            if (
                inside
                and term.kind != "number"
                or (merged and merged[-1].start == term.start and term.kind in ("tag", "joined"))
            ):
                last = merged[-1]
                end = max(last.end, term.end)
                merged[-1] = TermGroup(
                    text[last.start : end], last.start, end, (*last.native, term.term), last.kind
                )
                continue
            if term.kind == "tag":
                kind = "word"
            else:
                kind = {"name": "name", "number": "number"}.get(term.kind, "word")
            merged.append(
                TermGroup(text[term.start : term.end], term.start, term.end, (term.term,), kind)
            )
        if not self.dictionary.available:
            return merged
        return self._translated(merged, text, lang)

    def _translated(self, groups: list[TermGroup], text: str, lang: str) -> list[TermGroup]:
        out: list[TermGroup] = []
        i = 0
        while i < len(groups):
            g = groups[i]
            if g.kind == "number":
                out.append(g)
                i += 1
                continue
            phrase = (
                self._phrasal_verb(g, text, lang)
                or self._phrase(groups, i, text, lang)
                or self._led_phrase(g, groups[i - 1 : i + 2], text, lang)
            )
            if phrase is not None:
                out.append(phrase[0])
                i += phrase[1]
                continue
            # A possessive is looked up as its word: "Germany's" -> germany, "government's".
            if g.kind == "name":
                word = g.native[0]
            else:
                word = without_possessive(g.word) if lang == "en" else g.word
            found = self._lookup(word, lang, TRANSLATIONS_PER_WORD)
            if not found and lang == "en" and g.kind == "name":
                # Some names are entered with their article: "the Hague", "the Ruhr".
                found = self._lookup(f"the {word}", lang, TRANSLATIONS_PER_WORD)
            if not found and lang == "de" and g.kind == "word":
                found = self._compound(word)
            group = self._with(g, found, lang) if found else g
            if g.kind == "word":
                group = self._with_verb_forms(group, lang)
                group = self._with_thesaurus(group, lang)
            if lang == "de" and g.kind == "word":
                group = self._with_parts_apart(group)
            if g.kind == "name":
                group = self._as_word_there(self._place_forms(group, lang), lang)
            out.append(group)
            i += 1
        return self._of_compounds(out, text) if lang == "en" else out

    def _of_compounds(self, groups: list[TermGroup], text: str) -> list[TermGroup]:
        """Return the groups with "wave of infections" said as a German compound too, its
        second noun first ("Infektionswelle", "Ansteckungsgefahr"): German joins what English
        links with "of", and what it writes as two nouns side by side ("city police":
        "Stadtpolizei"). Both nouns get the compounds of their first senses, joined."""
        out = list(groups)
        for i, (first, second) in enumerate(zip(groups, groups[1:], strict=False)):
            if first.kind != "word" or second.kind != "word":
                continue
            gap = text[first.end : second.start]
            of = bool(OF_LINK.fullmatch(gap))
            # A modifier noun is singular: "shares borders" is a verb and its object.
            if not of and (gap != " " or first.word.endswith("s")):
                continue
            modifier, head = (second, first) if of else (first, second)
            nouns = [
                [t for t in g.translations[:OF_SENSES] if " " not in t and t[:1].isupper()]
                for g in (modifier, head)
            ]
            phrases = [f"{m} {h}" for m in nouns[0] for h in nouns[1]]
            # Joined only, and for both words: the compound says both in full, and its
            # modifier alone is no sense of the head.
            joined = dict.fromkeys(j for c in self._terms_of(phrases, "de") for j in compounds(c))
            # Joined with "of", they are translations; side by side, compounds only (not what
            # tells how rare the word is).
            field = "foreign" if of else "compounds"
            for k in (i, i + 1):
                have = getattr(out[k], field)
                out[k] = replace(out[k], **{field: (*have, *(j for j in joined if j not in have))})
        return out

    def _with_verb_forms(self, g: TermGroup, lang: str) -> TermGroup:
        """Return a word with the terms of its verb's other forms, and of its translations'
        verbs: "stieg" is found as "steigt", "rose" as "risen", and "gestiegen" (translated
        "risen") as "rose" in an English source. Stems alone miss a changed vowel."""
        noun = lang == "de" and g.start and g.word[:1].isupper()
        forms = () if noun else self._forms_of([g.word.lower()], lang, g.native)
        verbs = g.translations[:FORMS_OF_TRANSLATIONS]
        theirs = [t for t in verbs if " " not in t and t.islower()]
        foreign = self._forms_of(theirs, OTHER[lang], g.foreign)
        return replace(g, forms=forms, foreign_forms=foreign) if forms or foreign else g

    def _forms_of(self, words: list[str], lang: str, have: tuple[str, ...]) -> tuple[str, ...]:
        stem = self.reader.terms.stem_of
        forms = [stem(f, lang) for w in words for f in self.dictionary.verb_forms(w, lang)]
        return tuple(f for f in dict.fromkeys(forms) if f not in have)

    def _place_forms(self, g: TermGroup, lang: str) -> TermGroup:
        """Return a name with its place and the German word of its place as alternatives of
        each other ("Kärntner" / "Kärnten", "Wien" / "Wiener"; "Vienna" / "Wiener"), and an
        English place with its word less its ending ("Afghanistan" / "Afghan", "Hungary" /
        "hungar", which meets "Hungarian"), where the dictionary knows the place."""
        endings = self.lexicon.place_word_endings
        native = self._place_words(g.native, endings[lang])
        foreign = self._place_words(g.foreign, endings["de"]) if lang == "en" else []
        if not native and not foreign:
            return g
        return replace(g, native=(*g.native, *native), foreign=(*g.foreign, *foreign))

    def _place_words(
        self, terms: tuple[str, ...], endings: tuple[tuple[str, ...], ...]
    ) -> list[str]:
        places = self.reader.vocabulary.places
        forms = []
        for t in terms:
            for place_end, word_end in endings:
                base = t[: len(t) - len(word_end)] + place_end
                if t.endswith(word_end) and len(base) >= MIN_PLACE and base in places:
                    forms.append(base)
                if (
                    t in places
                    and t.endswith(place_end)
                    and not (word_end and t.endswith(word_end))
                    and len(t) >= MIN_PLACE
                ):
                    forms.append(t[: len(t) - len(place_end)] + word_end)
        return [f for f in dict.fromkeys(forms) if f not in terms]

    def _as_word_there(self, g: TermGroup, lang: str) -> TermGroup:
        """Return a name with its stem in the other language as one more alternative: a name
        made of that language's words ("Flying Doctor", "Reserve Bank") is read there as
        words, and stemmed."""
        stem = self.lexicon.stem(g.native[0], OTHER[lang])
        if stem in g.all_terms:
            return g
        return replace(g, foreign=(*g.foreign, stem))

    def _phrasal_verb(self, g: TermGroup, text: str, lang: str) -> tuple[TermGroup, int] | None:
        """Return an English word with the particle right after it ("broke up", "pulled
        out") as one group, where the dictionary knows the two as a phrase."""
        if lang != "en" or g.kind != "word":
            return None
        particle = PARTICLE.match(text, g.end)
        if not particle or particle.group(1).lower() not in self.lexicon.phrasal_particles:
            return None
        words = f"{g.word} {particle.group(1)}"
        found = self._lookup(words, lang, TRANSLATIONS_PER_PHRASE)
        if not found:
            return None
        # The verb alone still says much of it ("set up" a checkpoint: "errichten", "stellen").
        found += self._lookup(g.word, lang, TRANSLATIONS_PER_WORD)
        return self._with(g, list(dict.fromkeys(found)), lang, particle.end(), words), 1

    def _phrase(
        self, groups: list[TermGroup], i: int, text: str, lang: str
    ) -> tuple[TermGroup, int] | None:
        """Return the longest phrase of adjacent words from group i that the dictionary knows
        ("short-time work", "labour market") as one group, and how many groups it takes."""
        run = groups[i : i + 1]
        while (
            len(run) < PHRASE_WORDS
            and i + len(run) < len(groups)
            and groups[i + len(run)].kind != "number"
            and _adjacent(text, run[-1], groups[i + len(run)])
        ):
            run.append(groups[i + len(run)])
        for size in range(len(run), 1, -1):
            first, last = run[0], run[size - 1]
            words = text[first.start : last.end]
            found = self._lookup(words, lang, TRANSLATIONS_PER_PHRASE)
            if found:
                parts = run[:size]
                native = (" ".join(t for p in parts for t in _plain(p.native)),)
                native += tuple(a for p in parts for a in p.native if is_tag(a))
                group = self._with(first, found, lang, last.end, words, native)
                return self._with_word_senses(group, parts, lang), size
        return None

    def _led_phrase(
        self, g: TermGroup, around: list[TermGroup], text: str, lang: str
    ) -> tuple[TermGroup, int] | None:
        """Return a word with the small words before it that make a phrase the dictionary
        knows ("out of work": "arbeitslos"; "in a row": "hintereinander") as one group: the
        word alone would be the opposite or something else. Only words no other group holds
        are taken (`around` are the groups before, at and after it), and not for a word that
        qualifies the next ("for the main rally" is no "for the main")."""
        before = [a for a in around if a.end <= g.start]
        after = [a for a in around if a.start >= g.end]
        if g.kind != "word" or (after and _adjacent(text, g, after[0])):
            return None
        lead = LEAD.search(text, before[-1].end if before else 0, g.start)
        if lead is None:
            return None
        words = lead.group().split()  # one space after each, up to the word (LEAD)
        for size in range(len(words), 0, -1):
            if any(w.lower() in self.lexicon.negation_words for w in words[-size:]):
                break  # a negation stays a negation of the word
            start = g.start - len(" ".join(words[-size:])) - 1
            phrase = f"{text[start : g.start]}{g.word}"
            found = self._lookup(phrase, lang, TRANSLATIONS_PER_PHRASE)
            if found:
                found += self._lookup(g.word, lang, TRANSLATIONS_PER_WORD)
                led = replace(g, start=start, word=phrase)
                return self._with(led, found, lang, native=g.native), 1
        return None

    def _with_word_senses(self, g: TermGroup, parts: list[TermGroup], lang: str) -> TermGroup:
        """Return a phrase group with its words' own first senses, as a phrase, after the
        phrase's: "gas prices" is "Benzinpreise" to the dictionary, and "Gaspreise" (a compound
        of "Gas" and "Preis") in a source."""
        senses = []
        for p in parts:
            found = self._lookup(p.word, lang, 1)
            terms = self._terms_of(found, OTHER[lang]) if found else []
            if not terms or " " in terms[0]:
                return g
            senses.append(terms[0])
        return replace(g, foreign=tuple(dict.fromkeys((*g.foreign, " ".join(senses)))))

    def _with_parts_apart(self, g: TermGroup) -> TermGroup:
        """Return a German compound noun with its modifier and head as a phrase too: a source
        may say it apart ("Gerechtigkeitsfrage": "Frage der Gerechtigkeit", "Truppenabzug":
        "Abzug der Truppen"), and says both in full."""
        if not g.word[:1].isupper() or " " in g.word or "-" in g.word:
            return g
        word = g.word.lower()
        vocabulary = self.reader.vocabulary
        head = vocabulary.noun_head(word)
        if head is None:
            return g
        links = sorted(self.lexicon.compound_links, key=len, reverse=True)
        for modifier in self._modifiers(word[: len(word) - len(head)], links):
            if vocabulary.is_german_word(modifier):
                stem = self.reader.terms.stem_of
                return replace(g, apart=(f"{stem(modifier, 'de')} {stem(head, 'de')}",))
        return g

    @staticmethod
    def _modifiers(first: str, links: Sequence[str]) -> Iterator[str]:
        """Yield the first part of a German compound without each of the links it may end in
        ("arbeits": "arbeits", "arbeit"), in the links' order, each long enough to be a word."""
        for link in links:
            part = first[: len(first) - len(link)]
            if first.endswith(link) and len(part) >= MIN_MODIFIER:
                yield part

    def _compound(self, word: str) -> list[str]:
        """Return translations of a German compound the dictionary does not list, as phrases
        of its first part and its longest head that both translate ("Weihnachtsflüge" ->
        "christmas flights"): a source that gives only the head still meets it in part."""
        for k in range(MIN_MODIFIER, len(word) - MIN_HEAD + 1):
            head = self.dictionary.translate_back(word[k].upper() + word[k + 1 :], COMPOUND_SENSES)
            if not head:
                continue
            for part in self._modifiers(word[:k], self.lexicon.compound_links):
                senses = self.dictionary.translate_back(part, COMPOUND_SENSES)
                if senses:
                    return [f"{m} {h}" for m in senses for h in head]
        return []

    def _with_thesaurus(self, g: TermGroup, lang: str) -> TermGroup:
        """Return a word's group with the thesaurus's synonyms of its terms and verb forms."""
        # A German noun is capitalised, as is any word that opens a sentence.
        noun = None if g.start == 0 else g.word[:1].isupper()
        found = self.thesaurus.synonyms((*g.native, *g.forms), lang, noun)
        extra = [t for t in found if t not in g.native and t not in g.synonyms]
        if not extra:
            return g
        return replace(g, synonyms=tuple(dict.fromkeys((*g.synonyms, *extra))))

    def _lookup(self, words: str, lang: str, limit: int) -> list[str]:
        if lang == "en":
            return self.dictionary.translate(words.lower(), limit)
        return self.dictionary.translate_back(words, limit)

    def _with(
        self,
        g: TermGroup,
        found: list[str],
        lang: str,
        end: int | None = None,
        word: str | None = None,
        native: tuple[str, ...] | None = None,
    ) -> TermGroup:
        """Return the group with the terms of its translations into the other language, and
        the words of its own language that those translations lead back to."""
        other = OTHER[lang]
        foreign = self._terms_of(found, other)
        native = native or g.native
        synonyms: list[str] = []
        if g.kind == "word":
            back = [w for t in found[:PIVOT_OUT] for w in self._lookup(t, other, PIVOT_BACK)]
            synonyms = [t for t in self._terms_of(back, lang) if t not in native]
        return TermGroup(
            word or g.word,
            g.start,
            end or g.end,
            native,
            g.kind,
            tuple(dict.fromkeys(foreign)),
            tuple(found),
            tuple(dict.fromkeys(synonyms)),
        )

    def _terms_of(self, phrases: list[str], lang: str) -> list[str]:
        """Return one alternative per phrase (its terms, as a phrase) and the phrases' tags."""
        out: list[str] = []
        for phrase in phrases:
            terms = [t for t in self.reader.read(phrase, lang).terms if t.kind != "number"]
            plain = [t.term for t in terms if t.kind not in ("tag", "joined")]
            if plain:
                out.append(" ".join(dict.fromkeys(plain)))
            out.extend(t.term for t in terms if t.kind == "tag")
        return out


def compounds(alternative: str) -> list[str]:
    """Return the German compounds a phrase of two words may be written as ("infektion
    gefahr": "infektiongefahr", "infektionsgefahr"); none for any other alternative."""
    parts = alternative.split()
    if len(parts) != 2 or any(map(is_tag, parts)):
        return []
    return [link.join(parts) for link in COMPOUND_LINKS]


def _plain(terms: tuple[str, ...]) -> list[str]:
    return [t for t in terms[:1] if not is_tag(t)]


def _adjacent(text: str, a: TermGroup, b: TermGroup) -> bool:
    gap = text[a.end : b.start]
    return gap.strip() in ("", "-")


def detect_language(text: str, lexicon: Lexicon, dictionary: Dictionary | None = None) -> str:
    """Return "de" or "en" by counting each language's function words and known words."""
    words = [t.norm for t in tokenize(visible(text)) if t.kind == "word"]
    stop = lexicon.stopwords
    de = sum(w in stop["de"] for w in words) + len(UMLAUT.findall(text.lower()))
    en = sum(w in stop["en"] for w in words)
    if dictionary is not None and dictionary.available:
        en += (
            sum(
                1
                for w in words
                if w not in stop["en"] and w not in stop["de"] and dictionary.translate(w, 1)
            )
            * 0.5
        )
    return "en" if en > de else "de"
