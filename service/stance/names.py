"""Names: a claim about someone or somewhere is only supported by a source about them.

A name the claim gives must be in the passage or in the text a reader reads it with (the
headline, the lead, the sentences around it). A passage that names someone else instead,
and says what the claim says, gives the claim's statement to another name.
"""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.analysis import Claim, TermGroup
from service.reading import Vocabulary
from service.reading.model import Name, Reading, Term
from service.stance.coverage import Coverage, PassageTerms, claim_terms

# Words "stand together" across at most this many function words of at most this length.
MAX_GAP_WORDS = 2
MAX_GAP_LENGTH = 4
# An adjective of a place shares this many first letters with the place's name
# ("Österreich" / "österreichischen", "Russland" / "russisch", "Frankreich" / "französisch").
SAME_PLACE = 4


@dataclass(frozen=True, slots=True)
class NameFinding:
    """The claim's names the passage lacks, and the names it gives instead."""

    missing: tuple[TermGroup, ...] = ()
    others: tuple[str, ...] = ()  # names in the passage the claim does not give, as written
    in_place: bool = False  # another name stands next to a word the claim's name stands by
    speaker: str = ""  # the passage's speaker, where the claim gives its words to another
    claim_speaker: str = ""

    @property
    def swapped(self) -> bool:
        return bool(self.missing and self.others)


# A capitalised word right after one of these opens a sentence or a quote: it says nothing.
SENTENCE_OPENERS = ".!?:\"“‘'(–-"
# Marks between two words that do not set them apart: a list comma, brackets, quotes.
_ASIDE = str.maketrans({c: " " for c in ",()[]\"'„“”‚‘’«»"})


def _first_name(
    claim: Claim, group: TermGroup, coverage: Coverage, around: PassageTerms, same: bool
) -> bool:
    """Return whether a name is a first name whose surname the passage or the text around
    it gives ("Antony Blinken" / "Außenminister Blinken")."""
    following = [g for g in claim.groups if g.start > group.end]
    if not following:
        return False
    surname = following[0]
    # A German noun after a name is capitalised too, but no surname ("Ungarn Truppen").
    one_name = (
        surname.kind == "name"
        or (claim.language != "de" and surname.word[:1].isupper())
        or any(n.start <= group.start and surname.end <= n.end for n in claim.reading.names)
    )
    adjacent = claim.text[group.end : surname.start] == " " and one_name
    return adjacent and (
        surname in coverage.matched or around.find(surname.alternatives(same)) is not None
    )


def _close(gap: str) -> bool:
    """Return whether two words stand together: at most two short function words or a
    list comma between them ("im Sender CBS", "rally at Königsplatz", "Frankreich, Italien"),
    brackets and quotes aside ("Hans Sima (SPÖ) kostete")."""
    words = gap.translate(_ASIDE).split()
    return len(words) <= MAX_GAP_WORDS and all(
        w.isalpha() and w.islower() and len(w) <= MAX_GAP_LENGTH for w in words
    )


def _neighbours(
    claim: Claim, missing: tuple[TermGroup, ...], among_names: bool = False, joined: bool = False
) -> list[TermGroup]:
    """Return the claim words (only names, if `among_names`: the others of a list; only those
    a hyphen joins to it, if `joined`) that stand right next to one of its missing names."""
    groups = claim.groups
    out = []
    for i, g in enumerate(groups):
        if g not in missing:
            continue
        for j, step in ((i - 1, -1), (i + 1, 1)):
            while 0 <= j < len(groups) and groups[j] in missing:
                j += step
            if not 0 <= j < len(groups):
                continue
            n, edge = groups[j], groups[j - step]  # edge: the name word next to it
            gap = claim.text[n.end : edge.start] if step < 0 else claim.text[edge.end : n.start]
            near = gap == "-" if joined else _close(gap)
            if n.kind != "number" and near and (n.kind == "name" or not among_names):
                out.append(n)
    return out


def _in_place(
    claim: Claim,
    passage: Reading,
    same: bool,
    missing: tuple[TermGroup, ...],
    others: list[Name],
    present: PassageTerms,
    among_names: bool = False,
    joined: bool = False,
) -> bool:
    """Return whether another name stands next to a passage word that the claim has next to
    one of its missing names (a name of the claim, if `among_names`; joined to it by a
    hyphen on both sides, if `joined`), or takes that word in ("Karl Berger" for "Karl
    Huber")."""
    text = passage.text
    for neighbour in _neighbours(claim, missing, among_names, joined):
        found = present.find(neighbour.alternatives(same))
        for t in passage.terms:
            if t.term != found:
                continue
            for n in others:
                if n.start <= t.start and t.end <= n.end and (n.start, n.end) != (t.start, t.end):
                    return True  # the word is part of the other name ("Karl Berger")
                gap = text[t.end : n.start] if t.end <= n.start else text[n.end : t.start]
                near = gap == "-" if joined else _close(gap)
                if (t.end <= n.start or n.end <= t.start) and near:
                    return True
    return False


def _persons_around(
    claim: Claim, coverage: Coverage, given_names: frozenset[str]
) -> list[TermGroup]:
    """Return the words of the claim's persons (a given name and a surname) that the passage
    does not give, in any part, but the text around it does ("Hunt" for "Tim Hunt" is the
    passage's own)."""

    def words_of(n: Name) -> list[TermGroup]:
        return [g for g in claim.topic if n.start <= g.start and g.end <= n.end]

    return [
        g
        for n in claim.reading.names
        if _person(n, given_names) and not any(g in coverage.matched for g in words_of(n))
        for g in words_of(n)
        if g.kind == "name" and g not in coverage.missing_names
    ]


def _person(name: Name, given_names: frozenset[str]) -> bool:
    """Return whether a name is a person's: a given name and a surname ("Tim Hunt", not
    "Kieler Woche")."""
    return len(name.parts) >= 2 and name.parts[0] in given_names


def _claim_names(mine: PassageTerms, name: Name, given_names: frozenset[str]) -> bool:
    """Return whether the claim's terms (`mine`) name a passage name: by its words, its key or
    a spelling one letter apart. A person's given name alone names another ("Karl Berger" is
    not "Karl Huber")."""
    parts = tuple(p for p in name.parts if p == name.key or p not in given_names)
    return (
        mine.find(parts) is not None
        or mine.find((name.key,)) is not None
        or mine.find_spelling((name.key,)) is not None
    )


def _named(text: str, name: Name) -> bool:
    """Return whether a name is a person's or a body's as a reader would take it: a first and
    last name, or a name after a capitalised title or role word."""
    if len(name.parts) >= 2:
        return True
    before = text[: name.start].split()
    return bool(before) and before[-1][:1].isupper() and before[-1][-1:].isalpha()


def _titled_runs(passage: Reading) -> list[Name]:
    """Return the runs of capitalised English words inside a sentence that the reader keeps
    as words, for they translate ("People's Alliance Party", "Royal Society"): what they
    name stands where a name may stand."""
    if passage.language != "en":
        return []
    text = passage.text
    runs: list[list[Term]] = []
    for t in sorted(passage.terms, key=lambda t: t.start):
        if t.kind not in ("word", "name") or not text[t.start : t.start + 1].isupper():
            continue
        before = text[: t.start].rstrip()
        if not before or before[-1] in SENTENCE_OPENERS:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and text[last.end : t.start].strip() in ("", "'s", "’s"):
            runs[-1].append(t)
        else:
            runs.append([t])
    return [
        Name(run[-1].term, tuple(t.term for t in run), run[0].start, run[-1].end)
        for run in runs
        if len(run) >= 2 and any(t.kind == "word" for t in run)
    ]


class NameCheck:
    """Checks a passage for the claim's names."""

    def __init__(self, vocabulary: Vocabulary, adjective_endings: tuple[str, ...] = ()):
        self.vocabulary = vocabulary
        self.places = vocabulary.places
        self.endings = vocabulary.word_endings
        self.adjectives = adjective_endings  # of a place: "indonesisch", "deutsch"

    def check(
        self,
        claim: Claim,
        passage: Reading,
        coverage: Coverage,
        around: PassageTerms,
        present: PassageTerms,
    ) -> NameFinding:
        """Return which claim names the passage (with its context) lacks, and its other names.

        A country or city the claim names may go unsaid where the text names no other place:
        a national news item rarely repeats its country. A first name may go unsaid where the
        surname is given. Another name stands in the claim name's place where it stands next
        to a passage word that the claim has next to its name ("im Sender CBS" for "im Sender
        Fox News").
        """
        same = claim.language == passage.language
        speakers = self._other_speaker(claim, passage, present, around)
        # Names the text around the passage gives, but not the passage itself, that stand in
        # a list of the claim's names, or joined by a hyphen to a word ("CDU-Landeschef"):
        # another name may take their place in the passage ("SPD-Landeschef").
        around_only = [
            g
            for g in claim.topic
            if g.kind == "name" and g not in coverage.matched and g not in coverage.missing_names
        ]
        listed_around = [g for g in around_only if _neighbours(claim, (g,), among_names=True)]
        joined_around = [g for g in around_only if _neighbours(claim, (g,), joined=True)]
        given = self.vocabulary.given_names
        persons_around = _persons_around(claim, coverage, given)
        if not (coverage.missing_names or listed_around or joined_around or persons_around):
            return NameFinding(speaker=speakers[0], claim_speaker=speakers[1])
        mine = claim_terms(claim, same)
        named = [n for n in passage.names if not _claim_names(mine, n, given)]
        runs = _titled_runs(passage)
        others = [*named, *(n for n in runs if not _claim_names(mine, n, given))]
        # A person the claim names whom only the text around gives is missing where the
        # passage itself names another person: what it says is that person's ("Clara Holm
        # spielt die Ärztin" for "Anna Berger spielt die Ärztin", Anna Berger named in the
        # lead).
        displaced = persons_around if any(_person(n, given) for n in named) else []
        # Where the claim names a place, an adjective of another ("den indonesischen
        # Steuermann" for "von den Philippinen") names that one instead.
        adjectives = []
        if self.adjectives and any(self._place(g) for g in coverage.missing_names):
            mine_names = [a for g in claim.groups if g.kind == "name" for a in g.all_terms]
            adjectives = [
                n
                for n in self._place_adjectives(passage, coverage.terms)
                if not any(a[:SAME_PLACE] == n.key[:SAME_PLACE] for a in mine_names)
            ]
        others += adjectives
        places_here = bool(coverage.missing_names) and (
            bool(adjectives)
            or any(n.key in self.places for n in passage.names)
            or any(t in self.places for t in around.exact)
        )
        missing = tuple(
            g
            for g in coverage.missing_names
            if (places_here or not self._place(g))
            # The adjective of a name ("Technischen Universität") is no first name.
            and not (
                _first_name(claim, g, coverage, around, same)
                and not self.vocabulary.is_adjective_form(g.word.lower())
            )
        )
        # A name the text around gives does not stand for the passage's subject where the
        # passage lists another name in its place ("Frankreich, Italien" for "Germany, Italy").
        missing += tuple(
            g
            for g in listed_around
            if _in_place(claim, passage, same, (g,), others, present, among_names=True)
        )
        missing += tuple(
            g
            for g in joined_around
            if g not in missing
            and _in_place(claim, passage, same, (g,), others, present, joined=True)
        )
        missing += tuple(g for g in displaced if g not in missing)
        if not missing:
            return NameFinding(speaker=speakers[0], claim_speaker=speakers[1])
        written = dict.fromkeys(passage.text[n.start : n.end] for n in others)
        in_place = any(
            _in_place(claim, passage, same, missing, others, present, joined=joined)
            for joined in (False, True)
        )
        return NameFinding(missing, tuple(written), in_place, *speakers)

    def _place(self, g: TermGroup) -> bool:
        """Return whether a claim name is a place's: the word itself or one of its own terms
        ("Wien", "Vienna"), not a sense it translates to ("Grünen": "green")."""
        return g.word.lower() in self.places or any(a in self.places for a in g.native)

    def _other_speaker(
        self, claim: Claim, passage: Reading, present: PassageTerms, around: PassageTerms
    ) -> tuple[str, str]:
        """Return (the passage's speaker, the claim's) where the claim gives what is said to
        someone the passage does not name, and the passage to someone the claim does not name
        ("sagte Daniel Terzenbach" for "Detlef Scheele said"); else empty strings. A place
        that speaks stands for its government ("Washington said"): only a full name or a name
        after a title or role ("Premierminister Vajpayee", "Zeitung Tuttosport") is taken
        for a speaker. A pronoun that speaks ("sagte sie") speaks for someone named in the text
        around the passage: where the claim's speaker is named neither there nor in the passage,
        that is another."""
        theirs = [n for n in passage.names if n.speaks and _named(passage.text, n)]
        ours = [n for n in claim.reading.names if n.speaks and _named(claim.text, n)]
        if not ours:
            return "", ""
        if any(present.find(n.parts) or present.find_spelling(n.parts) for n in ours):
            return "", ""
        pronoun = passage.pronoun_speaker
        if pronoun and any(around.find(n.parts) for n in ours):
            return "", ""  # "'as the mayor said, ...,' she said": she may be the claim's speaker
        if not theirs and pronoun:
            claimed = ours[0]
            said_by = f"'{passage.text[pronoun[0] : pronoun[1]]}' (named before)"
            return said_by, claim.text[claimed.start : claimed.end]
        if not theirs:
            return "", ""
        mine = claim_terms(claim, claim.language == passage.language)
        theirs = [n for n in theirs if not _claim_names(mine, n, self.vocabulary.given_names)]
        if not theirs:
            return "", ""  # what the passage's speaker says, the claim says of them
        first, claimed = theirs[0], ours[0]
        return (
            passage.text[first.start : first.end],
            claim.text[claimed.start : claimed.end],
        )

    def _place_adjectives(self, passage: Reading, shared: frozenset[str]) -> list[Name]:
        """Return the passage's adjectives of a place ("indonesischen"), as names, but for
        those the claim uses too (`shared`)."""
        out = []
        for t in passage.terms:
            if t.kind != "word" or t.term in shared:
                continue
            word = passage.text[t.start : t.end].lower()
            for ending in self.endings:
                base = word[: len(word) - len(ending)]
                if word.endswith(ending) and base in self.places and base.endswith(self.adjectives):
                    out.append(Name(word, (word,), t.start, t.end))
                    break
        return out
