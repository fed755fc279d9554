"""Coverage: how much of a claim a passage carries, as IDF-weighted groups found in its terms.

A group is found exactly, up to a short inflectional ending (`behauptete` / `Behauptung`), as
a German participle (`gerichtet` / `richten`), or, at half weight, as a part of a compound
(`Schießbefehl` for "order to shoot"). A phrase alternative ("human right") is found when
all its terms are.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from service.claims.analysis import COMPOUND_LINKS, Claim, TermGroup
from service.lexicon import is_tag

# A claim term found only in the text around a passage (its headline and lead, the sentences
# next to it) counts this much where the passage leans on that text: a sentence that points
# back ("dafür"), a bare figure ("Es gab mehr als 100 Tote") ...
CONTEXT_WEIGHT = 0.5
# ... and this much for any other passage: the text around says what it is about.
AROUND_WEIGHT = 0.25
# Stems that differ only by a short ending are one word: the German stemmer leaves
# "behauptet" (behauptete) apart from "behaupt" (Behauptung), "verhindert" from "verhind".
MIN_STEM = 5
MAX_ENDING = 3
MIN_NAME = 3  # a name this long may take a genitive "s" ("Sovas" for "Sova's")
# A German compound names its parts: "Schießbefehl" speaks of shooting and of an order.
PART_WEIGHT = 0.5
# A word found only through a synonym (a word that shares a translation) counts this much.
SYNONYM_WEIGHT = 0.7
MIN_COMPOUND = MIN_STEM + 3
# A word as short as this is the rest of a compound another claim word is part of ("neu" in
# "Neuverschuldung" beside "debt").
MIN_REST = 3
# A name of at least this length is the same name spelt one letter apart ("Karsai" / "Karzai",
# "Hannover" / "Hanover"): transliterations and spellings differ across languages.
MIN_SPELLING = 5
# An acronym of this many letters is found as the words it abbreviates ("LHC": "Large Hadron
# Collider"); two letters are spelt by too many pairs of words.
MIN_ACRONYM, MAX_ACRONYM = 3, 6


# Stems fold umlauts ("oberosterreich"), names keep them ("oberösterreich").
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


def _acronym(word: str) -> bool:
    """Return whether a claim word is an acronym that a source may spell out ("LHC")."""
    return MIN_ACRONYM <= len(word) <= MAX_ACRONYM and word.isalpha() and word.isupper()


def _truncations(term: str) -> range:
    return range(max(MIN_STEM, len(term) - MAX_ENDING), len(term))


def _numbered(term: str, name: str) -> bool:
    """Return whether a term is a name with a number after a hyphen, which names the same
    thing: "covid-19" for "covid", "sars-cov-2" for "sars-cov"."""
    return len(name) >= MIN_STEM and term.startswith(name + "-") and term[len(name) + 1 :].isdigit()


class PassageTerms:
    """A passage's terms, looked up exactly or up to a short inflectional ending."""

    def __init__(self, terms: Iterable[str]):
        self.sequence = list(terms)
        self.exact = set(self.sequence)
        # One passage is measured against the same claim words several times (its topic,
        # its content, what it says besides its figures): each lookup is made once.
        self._found: dict[Sequence[str], str | None] = {}

    @cached_property
    def ordered(self) -> list[str]:
        """Return the terms in order, to find those a term begins (built on first need: most
        lookups are exact)."""
        return sorted(self.exact)

    def _longer(self, a: str) -> str | None:
        """Return a term that is `a` with a short ending ("behauptete" for "behaupt"), or with
        the "ge" of a German participle ("gerichtet" for "richtet")."""
        if len(a) < MIN_STEM:
            return None
        terms = self.ordered
        for i in range(bisect_left(terms, a), len(terms)):
            t = terms[i]
            if not t.startswith(a):
                break
            if len(t) - len(a) <= MAX_ENDING and t.isalpha() or _numbered(t, a):
                return t
        participle = "ge" + a
        return participle if participle in self.exact else None

    @cached_property
    def folded(self) -> dict[str, str]:
        """Return the terms that carry an umlaut (names), by their folded spelling."""
        return {t.translate(_FOLD): t for t in self.exact if not t.isascii()}

    @cached_property
    def parts(self) -> dict[str, str]:
        """Return the leading and trailing parts of each long (compound) term."""
        out: dict[str, str] = {}
        for t in self.exact:
            if t.isalpha() and len(t) >= MIN_COMPOUND:
                for k in range(MIN_STEM, len(t) - 2):
                    out.setdefault(t[:k], t)  # modifier: "schiess" in "schiessbefehl"
                    out.setdefault(t[-k:], t)  # head: "befehl" in "schiessbefehl"
        return out

    def _one(self, a: str) -> str | None:
        found = self._as_written(a)
        folded = a.translate(_FOLD)
        if found is None and folded != a:
            # A name keeps its umlauts; the same word read as a common word (the adjective
            # "baden-württembergische" of "Baden-Württemberg") is a stem, folded.
            found = self._as_written(folded)
        return found

    def _as_written(self, a: str) -> str | None:
        if a in self.exact:
            return a
        if not a.isalpha():
            base = a.rpartition("-")[0]
            return base if _numbered(a, base) and base in self.exact else None
        longer = self._longer(a)
        if longer is not None:
            return longer
        if len(a) >= MIN_NAME and a + "s" in self.exact:
            return a + "s"  # a short name in the German genitive: "Sovas", "Kims"
        for k in _truncations(a):
            if a[:k] in self.exact:
                return a[:k]
        # A German "-el"/"-er" word drops its "e" before an ending: "akzeptabel" is
        # "akzeptables" (stem "akzeptabl"), "dunkel" is "dunkle".
        if len(a) >= MIN_STEM + 1 and a[-2:] in ("el", "er") and a[:-2] + a[-1] in self.exact:
            return a[:-2] + a[-1]
        return None

    def find(self, alternatives: Sequence[str]) -> str | None:
        """Return the passage term that one of the alternatives names, if any."""
        key = alternatives if isinstance(alternatives, tuple) else tuple(alternatives)
        if key not in self._found:
            self._found[key] = self._find(key)
        return self._found[key]

    def _find(self, alternatives: Sequence[str]) -> str | None:
        for a in alternatives:
            if a in self.exact:
                return a
        if self.folded:
            for a in alternatives:
                if a in self.folded:
                    return self.folded[a]
        for a in alternatives:
            if " " in a:
                found = [self._one(p) for p in a.split()]
                if all(found):
                    return found[-1]
                # A German compound says a phrase of the other language in one word ("gas
                # prices": "Gaspreise", "labour market": "Arbeitsmarkt").
                parts = a.split()
                if len(parts) == 2:
                    for link in COMPOUND_LINKS:
                        joined = self._one(link.join(parts))
                        if joined is not None:
                            return joined
                continue
            found_one = self._one(a)
            if found_one is not None:
                return found_one
        return None

    def find_spelling(self, alternatives: Sequence[str]) -> str | None:
        """Return a passage term that spells one of the (name) alternatives one letter apart."""
        for a in alternatives:
            if len(a) < MIN_SPELLING or not a.isalpha():
                continue
            for t in self.exact:
                if (
                    t[:1] == a[:1]
                    and abs(len(t) - len(a)) <= 1
                    and Levenshtein.distance(a, t, score_cutoff=1) <= 1
                ):
                    return t
        return None

    def find_initials(self, acronym: str) -> str | None:
        """Return the words, in a row, whose initials spell an acronym ("LHC": "Large Hadron
        Collider"), if any."""
        letters = acronym.lower().translate(_FOLD)
        n = len(letters)
        words = [t for t in self.sequence if not is_tag(t)]
        for i in range(len(words) - n + 1):
            if all(words[i + k][:1].translate(_FOLD) == letters[k] for k in range(n)):
                return " ".join(words[i : i + n])
        return None

    def find_part(self, alternatives: Sequence[str]) -> str | None:
        """Return a passage term that shares a compound part with one of the alternatives."""
        for a in alternatives:
            if " " in a:
                # "pay dispute": the dispute, at least, or what kind of dispute it is.
                words = a.split()
                found = self._one(words[-1]) or self._one(words[0])
                if found is not None:
                    return found
                continue
            if not a.isalpha() or len(a) < MIN_STEM:
                continue
            if a in self.parts:
                return self.parts[a]
            if len(a) >= MIN_COMPOUND:
                for k in range(MIN_STEM, len(a) - 2):
                    if a[-k:] in self.exact:
                        return a[-k:]  # the claim's compound, the passage's head word
        return None


def _rest_of(
    alternatives: Sequence[str], compounds: dict[str, list[TermGroup]], same_language: bool
) -> str | None:
    """Return the compound (found as a part of other claim words) that one of the
    alternatives and one of those words make together, if any: "neu" and "verschuld" make
    "neuverschuld"."""
    for compound, found_in in compounds.items():
        others = {b for g in found_in for b in g.alternatives(same_language) if b.isalpha()}
        for a in alternatives:
            if len(a) < MIN_REST or not a.isalpha():
                continue
            for link in COMPOUND_LINKS:
                if compound.startswith(a + link) and compound[len(a + link) :] in others:
                    return compound
                if compound.endswith(link + a) and compound[: -len(link + a)] in others:
                    return compound
    return None


def claim_terms(claim: Claim, same_language: bool) -> PassageTerms:
    """Return every term the claim's words may take in the passage's language, to look up."""
    return PassageTerms(a for g in claim.groups for a in g.alternatives(same_language))


@dataclass(frozen=True, slots=True)
class Coverage:
    """The share of a claim's information a passage carries, and what matched."""

    value: float
    matched: tuple[TermGroup, ...]
    terms: frozenset[str]  # the passage terms that matched
    missing_names: tuple[TermGroup, ...]  # named in the claim, absent from passage and context


class Weights:
    """How much each claim group weighs: the IDF of its rarest term that the corpus has.

    The claim's own words count first: a translation met by chance ("terra" in a German
    corpus) must not outweigh the German word itself. An English word of a claim is unseen
    in German passages; its translations and synonym tags say how rare the idea is there.
    A word the corpus never uses in any form is in no passage, so it tells none apart: it
    weighs as the median of the claim's terms the corpus has, not as the rarest (an unknown
    name still weighs the most). Computed once per group for all the passages of a claim.
    """

    def __init__(self, idf: dict[str, float]):
        self.idf = idf
        self._groups: dict[TermGroup, float] = {}
        self.unseen = idf.get("", 1.0)
        seen = sorted(w for t, w in idf.items() if t and w < self.unseen)
        self.typical = seen[len(seen) // 2] if seen else self.unseen

    def _seen(self, alternatives: Iterable[str]) -> list[float]:
        weights = (self.idf.get(p, self.unseen) for a in alternatives for p in a.split())
        return [w for w in weights if w < self.unseen]

    def of(self, group: TermGroup) -> float:
        """Return the weight of a claim group."""
        found = self._groups.get(group)
        if found is None:
            own = [a for a in group.native if not is_tag(a)]
            seen = self._seen(own) or self._seen(group.words_terms)
            if seen:
                found = max(seen)
            elif group.kind == "name":
                found = self.unseen
            else:
                found = self.typical
            self._groups[group] = found
        return found


def measure(
    groups: Sequence[TermGroup],
    same_language: bool,
    passage: PassageTerms,
    weights: Weights,
    around: PassageTerms,
    context: float = 0.0,
    paired: Sequence[TermGroup] = (),
) -> Coverage:
    """Return the coverage of the claim groups by a passage.

    `around` holds the terms of the headline, lead and sentences around the passage: a name
    found there is the passage's subject too, and any term there counts at the `context`
    share of its weight. `paired` are groups whose word's opposite the passage uses: they are on
    the passage's subject, whatever side it takes.
    """
    total = sum(weights.of(g) for g in groups) or 1.0
    matched, terms, missing, value = [], set(), [], 0.0
    left: list[TermGroup] = []  # groups not found in the passage's own terms
    in_parts: dict[str, list[TermGroup]] = {}
    for g in groups:
        alternatives = g.alternatives(same_language)
        found = passage.find(alternatives)
        if found is None and g.apart and same_language:
            found = passage.find(g.apart)
        if found is not None or g in paired:
            matched.append(g)
            value += weights.of(g)
            if found is not None:
                terms.add(found)
            continue
        part = passage.find_part(alternatives)
        if part is not None:
            matched.append(g)
            value += PART_WEIGHT * weights.of(g)
            terms.add(part)
            in_parts.setdefault(part, []).append(g)
            continue
        spelt = passage.find_spelling(alternatives) if g.kind == "name" else None
        if spelt is None and _acronym(g.word):
            spelt = passage.find_initials(g.word)
        if spelt is not None:
            matched.append(g)
            value += weights.of(g)
            terms.update(spelt.split())
            continue
        near = passage.find(g.near(same_language))
        if near is not None:
            matched.append(g)
            value += SYNONYM_WEIGHT * weights.of(g)
            terms.add(near)
            continue
        left.append(g)
    for g in left:
        # A short word is no compound part alone, but the rest of a compound another claim
        # word was found in: "Neuverschuldung" holds "debt" and "new".
        alternatives = g.alternatives(same_language)
        rest = _rest_of(alternatives, in_parts, same_language) if g.kind == "word" else None
        if rest is not None:
            matched.append(g)
            value += PART_WEIGHT * weights.of(g)
            in_parts[rest].append(g)
            continue
        in_context = around.find(alternatives) is not None or bool(
            _acronym(g.word) and around.find_initials(g.word)
        )
        if in_context:
            value += context * weights.of(g)
        if g.kind == "name" and not in_context:
            missing.append(g)
    # A compound that holds two of the claim's words says both in full: "Mitarbeiterbeteiligung"
    # is "Beteiligung von Mitarbeitern".
    for found_in in in_parts.values():
        if len(found_in) > 1:
            value += sum((1 - PART_WEIGHT) * weights.of(g) for g in found_in)
    return Coverage(value / total, tuple(matched), frozenset(terms), tuple(missing))
