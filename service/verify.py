"""The pipeline for one claim: analysis -> retrieval -> re-rank -> stance -> verdict."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from service.claims.analysis import ClaimAnalysis, ClaimAnalyzer, TermGroup
from service.index import Candidate, SentenceIndex
from service.models import Evidence, Passage, Verdict
from service.stance import StanceJudge, idf_weights
from service.text import is_number
from service.verdict import decide


@dataclass(frozen=True, slots=True)
class ScoredPassage:
    """A passage with its fuzzy-match score against a query (0..100)."""

    passage: Passage
    score: float


def _scores(groups: list[TermGroup], choices: list[str]) -> list[float]:
    """Return the rapidfuzz token_set_ratio of the groups' words against each choice."""
    query = " ".join(g.alternatives[0] for g in groups)
    return [fuzz.token_set_ratio(query, choice) for choice in choices]


def _projected(canonical: dict[str, str], terms: str) -> str:
    """Return a passage's terms with each claim-group alternative spelled as the group's first."""
    return " ".join(dict.fromkeys(canonical.get(t, t) for t in terms.split()))


class Verifier:
    """Answers claims and passage searches from a sentence index."""

    def __init__(
        self,
        index: SentenceIndex,
        claims: ClaimAnalyzer,
        judge: StanceJudge,
        pipeline_digest: str,
        candidates: int = 60,
    ):
        self.index = index
        self.pipeline_digest = pipeline_digest
        self.claims = claims
        self.judge = judge
        self.candidates = candidates

    def rank(
        self,
        claim: ClaimAnalysis,
        limit: int,
        min_score: float,
        frequencies: dict[str, int] | None = None,
    ) -> list[ScoredPassage]:
        """Return candidates from the index re-ranked by fuzzy score, best first."""
        found: list[Candidate] = self.index.search(
            claim.query_terms(), max(limit, self.candidates), frequencies
        )
        if not found:
            return []
        canonical = {alt: g.alternatives[0] for g in claim.groups for alt in g.alternatives}
        choices = [_projected(canonical, c.passage.terms) for c in found]
        scores = _scores(claim.groups, choices)
        if claim.counted_quantities:
            # A passage giving another figure is as close in wording as one giving the same:
            # score the wording without the numbers too, and keep the better of the two.
            wording = [" ".join(t for t in c.split() if not is_number(t)) for c in choices]
            scores = [max(a, b) for a, b in zip(scores, _scores(claim.topic, wording), strict=True)]
        ranked = sorted(
            ((score, i) for i, score in enumerate(scores) if score >= min_score),
            key=lambda si: (-si[0], si[1]),
        )
        return [ScoredPassage(found[i].passage, round(score, 1)) for score, i in ranked[:limit]]

    def search(self, text: str, limit: int, min_score: float = 0.0) -> list[ScoredPassage]:
        """Return passages that fuzzily match a free-text query."""
        return self.rank(self.claims.analyse(text), limit, min_score)

    def verify(self, text: str, top_k: int, min_score: float, language: str = "auto") -> Verdict:
        """Return the verdict on a claim with its supporting and contradicting passages."""
        claim = self.claims.analyse(text, language)
        terms = claim.query_terms()
        frequencies = self.index.document_frequencies(terms)
        ranked = self.rank(claim, self.candidates, min_score, frequencies)
        idf = idf_weights(frequencies, terms, self.index.passage_count())
        contexts = self.index.contexts([h.passage.passage_id for h in ranked])
        supporting: list[Evidence] = []
        contradicting: list[Evidence] = []
        for hit in ranked:
            judgement = self.judge.judge(
                claim, hit.passage, idf, contexts.get(hit.passage.passage_id)
            )
            if judgement.stance == "neutral":
                continue
            evidence = Evidence(
                hit.passage,
                hit.score,
                judgement.stance,
                judgement.reasons,
                judgement.highlights,
                judgement.weight(hit.score),
            )
            (supporting if judgement.stance == "supports" else contradicting).append(evidence)
        verdict, confidence = decide(supporting, contradicting)
        by_weight = lambda e: (-e.weight, -e.score)  # noqa: E731
        return Verdict(
            claim=text,
            verdict=verdict,
            confidence=confidence,
            supporting=sorted(supporting, key=by_weight)[:top_k],
            contradicting=sorted(contradicting, key=by_weight)[:top_k],
            analysis=claim.describe(),
            corpus_version=self.index.corpus_version or "",
        )
