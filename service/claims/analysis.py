"""Claim analysis: language, terms (translated for English claims), quantities, polarity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from service.claims.cues import Cues
from service.claims.dictionary import Dictionary
from service.claims.polarity import Negation, PolarityReader
from service.claims.quantities import QuantityReader, counted_span, describe
from service.models import Quantity
from service.text import CLAUSE_BREAK, Analyzer, is_number, tokenize

UMLAUT = re.compile(r"[äöüß]")
# German candidates kept per English word, best-ranked first: enough for the common senses
# ("order": Ordnung, Auftrag, Befehl ...), few enough to keep stray senses rare.
TRANSLATIONS_PER_WORD = 6


@dataclass(frozen=True, slots=True)
class TermGroup:
    """One idea of the claim: any of its alternative index terms matches it."""

    word: str
    start: int
    end: int
    alternatives: tuple[str, ...]
    kind: str  # entity | number | word
    translations: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClaimAnalysis:
    """What was understood of a claim."""

    text: str
    language: str
    groups: list[TermGroup]
    quantities: list[Quantity]
    negations: list[Negation]
    opposites: list[tuple[int, int, int, int]]
    dictionary_available: bool
    notes: list[str] = field(default_factory=list)
    # The groups that say what the claim is about; with a number to compare, the words of
    # the quantity itself are left to the comparison.
    topic: list[TermGroup] = field(default_factory=list)

    @property
    def negated(self) -> bool:
        """Return whether the claim is negated (an odd number of negations)."""
        return len(self.negations) % 2 == 1

    @cached_property  # asked once per candidate passage; the claim does not change
    def counted_quantities(self) -> list[Quantity]:
        """Return the quantities that can be compared with a passage's."""
        return measured(self.quantities)

    def negation_focus(self, whole: bool = False) -> list[TermGroup]:
        """Return the words a negation denies, which a source must speak of to disagree.

        That is the nearest content word after the cue ("would not allow revolutions",
        "keine Beweise"), else the nearest before it ("würden nicht hingenommen"). With
        `whole`, in German also the verb closing the clause ("keine Revolutionen zulassen"):
        a source asserting the opposite must assert all of it.
        """
        out = []
        for n in self.negations:
            clause = CLAUSE_BREAK.search(self.text, n.end)
            clause_end = clause.start() if clause else len(self.text)
            content = [g for g in self.topic if g.kind != "entity"]
            after = [g for g in content if n.end <= g.start < n.scope_end]
            before = [g for g in content if n.scope_start <= g.start and g.end <= n.start]
            if after:
                out.append(after[0])
            elif before:
                out.append(before[-1])
            verbs = [
                g
                for g in content
                if n.end <= g.start < clause_end and g.word[:1].islower() and g not in out
            ]
            if whole and self.language == "de" and verbs:
                out.append(verbs[-1])
        return out

    def query_terms(self) -> list[str]:
        """Return every alternative term, for candidate retrieval."""
        return [t for g in self.groups for t in g.alternatives]

    def describe(self) -> dict:
        """Return the analysis as a JSON-ready dict."""
        out: dict = {
            "language": self.language,
            "quantities": [describe(q) for q in self.quantities],
            "negated": self.negated,
            "negations": [n.cue for n in self.negations],
            "terms": [
                {
                    "word": g.word,
                    "kind": g.kind,
                    "terms": list(g.alternatives),
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


def measured(quantities: list[Quantity]) -> list[Quantity]:
    """Return the quantities a claim is checked on by comparing numbers.

    Years only date a claim; a place in a sequence ("den ersten Versuch") is read as a word,
    so "nicht der erste Versuch" can deny it. Ranks ("neuntgrößte") are measured.
    """
    return [
        q
        for q in quantities
        if q.kind != "year" and not (q.kind == "ordinal" and q.counted == "sequence")
    ]


class ClaimAnalyzer:
    """Turns claim text into a ClaimAnalysis, the same way passages are analysed."""

    def __init__(self, analyzer: Analyzer, cues: Cues, dictionary: Dictionary):
        self.analyzer = analyzer
        self.cues = cues
        self.dictionary = dictionary
        self.quantities = QuantityReader(cues)
        self.polarity = PolarityReader(cues)

    def detect_language(self, text: str) -> str:
        """Return "de" or "en" by counting each language's function words and known words."""
        words = [t.norm for t in tokenize(text) if not t.is_number]
        stop = self.analyzer.stopwords
        de = sum(w in stop["de"] for w in words) + len(UMLAUT.findall(text.lower()))
        en = sum(w in stop["en"] for w in words)
        if self.dictionary.available:
            en += (
                sum(
                    1
                    for w in words
                    if w not in stop["en"]
                    and w not in stop["de"]
                    and self.dictionary.translate(w, 1)
                )
                * 0.5
            )
        return "en" if en > de else "de"

    def analyse(self, text: str, language: str = "auto") -> ClaimAnalysis:
        """Return the analysis of a claim."""
        lang = self.detect_language(text) if language == "auto" else language
        notes = []
        if lang == "en":
            groups = self._english_groups(text)
            if not self.dictionary.available:
                notes.append(
                    "no bilingual dictionary installed: English words are matched as written"
                )
        else:
            groups = self._german_groups(text)
        quantities = self.quantities.read(text, lang)
        groups = _tag_counted(groups, quantities, text)
        counts = measured(quantities)
        return ClaimAnalysis(
            text=text,
            language=lang,
            groups=groups,
            topic=[g for g in groups if not (counts and _in_quantity(g, counts, text, self.cues))],
            quantities=quantities,
            negations=self.polarity.negations(text),
            opposites=self.polarity.opposite_words(text),
            dictionary_available=self.dictionary.available,
            notes=notes,
        )

    def _german_groups(self, text: str) -> list[TermGroup]:
        groups: list[TermGroup] = []
        for term in self.analyzer.terms(text, "de"):
            # Tags and joined verb forms share their word's span: they are its alternatives.
            if groups and groups[-1].start == term.start and not term.entity:
                last = groups[-1]
                groups[-1] = TermGroup(
                    last.word, last.start, last.end, (*last.alternatives, term.term), last.kind
                )
                continue
            kind = "entity" if term.entity else "number" if is_number(term.term) else "word"
            groups.append(
                TermGroup(text[term.start : term.end], term.start, term.end, (term.term,), kind)
            )
        return groups

    def _english_groups(self, text: str) -> list[TermGroup]:
        tokens = tokenize(text)
        stems = [self.analyzer.stem(t.norm, "en") for t in tokens]
        groups: list[TermGroup] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            hit = self.analyzer.aliases.match(tokens, i, stems)
            if hit:
                key, n = hit
                groups.append(
                    TermGroup(
                        text[tok.start : tokens[i + n - 1].end],
                        tok.start,
                        tokens[i + n - 1].end,
                        (key,),
                        "entity",
                    )
                )
                i += n
                continue
            if tok.is_number:
                groups.append(TermGroup(tok.text, tok.start, tok.end, (tok.norm,), "number"))
                i += 1
                continue
            if len(tok.norm) < 2 or self.analyzer.is_stopword(tok.norm) or tok.norm.endswith("n't"):
                i += 1
                continue
            n, german = self._translate(tokens, i)
            word = text[tok.start : tokens[i + n - 1].end]
            alternatives = [self.analyzer.stem(tok.norm, "en")]
            for de in german:
                alternatives.extend(
                    t.term for t in self.analyzer.terms(de, "de") if not is_number(t.term)
                )
            alternatives.extend(self.analyzer.category_tags(word.lower()))
            groups.append(
                TermGroup(
                    word,
                    tok.start,
                    tokens[i + n - 1].end,
                    tuple(dict.fromkeys(alternatives)),
                    "word",
                    tuple(german),
                )
            )
            i += n
        return groups

    def _translate(self, tokens, i: int) -> tuple[int, list[str]]:
        """Return (words used, German translations), trying two-word phrases first."""
        if i + 1 < len(tokens) and not tokens[i + 1].is_number:
            phrase = f"{tokens[i].norm} {tokens[i + 1].norm}"
            found = self.dictionary.translate(phrase, 3)
            if found:
                return 2, found
        return 1, self.dictionary.translate(tokens[i].norm, TRANSLATIONS_PER_WORD)


def _tag_counted(groups: list[TermGroup], quantities: list[Quantity], text: str) -> list[TermGroup]:
    """Return the groups with each counted thing's category tag on the words that name it.

    "kamen 20 Menschen ums Leben" names deaths with a phrase; tagged "@deaths", it matches a
    passage that says "Tote" or "getötet".
    """
    out = list(groups)
    for q in quantities:
        if not q.counted or q.kind != "count":
            continue
        tag = "@" + q.counted
        if any(tag in g.alternatives for g in out):
            continue
        span = counted_span(q, text)
        if span is None:
            continue
        start, end = span
        inside = [i for i, g in enumerate(out) if start <= g.start and g.end <= end]
        for i in inside:
            g = out[i]
            out[i] = TermGroup(
                g.word, g.start, g.end, (*g.alternatives, tag), g.kind, g.translations
            )
        if not inside:
            out.append(TermGroup(text[start:end], start, end, (tag,), "word"))
    return sorted(out, key=lambda g: g.start)


def _in_quantity(group: TermGroup, quantities: list[Quantity], text: str, cues: Cues) -> bool:
    """Return whether a claim group belongs to a quantity, so the number comparison checks it.

    That is a number, the words of a quantity ("weniger als 20") and a noun between the
    number and what it counts that names a category or group ("100 people died", "26
    Angehörige der Sicherheitskräfte ums Leben"): a source says "100 Tote", "16
    Sicherheitskräfte getötet".
    """
    if group.kind == "number":
        return True
    for q in quantities:
        if q.start <= group.start and group.end <= q.end:
            return True
        counted_end = (counted_span(q, text) or (0, q.end))[1]
        if not q.end <= group.start <= group.end <= counted_end:
            continue
        tagged = any(a.startswith("@") and a[1:] != q.counted for a in group.alternatives)
        if tagged or any(rx.search(group.word.lower()) for rx in cues.groups.values()):
            return True
    return False
