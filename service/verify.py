"""The pipeline for one claim: analysis -> retrieval -> ranking -> stance -> verdict."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from service.claims.analysis import Claim, ClaimAnalyzer, compounds
from service.index import Candidate, SentenceIndex
from service.models import Evidence, Filters, Passage, Verdict
from service.reading import codec
from service.stance import Judgement, StanceJudge, idf_weights
from service.verdict import decide

# How much the candidate's BM25 score (scaled to the best candidate's, 0..100) adds to its fuzzy
# score when ordering: the fuzzy score compares the claim's ideas in any language but weighs a
# common word as much as a rare one; BM25 weighs by rarity. Together they put a gold passage in
# the top five more often than either alone on every evaluation corpus.
BM25_WEIGHT = 0.3


SELF_CONFIRMED = "its source confirms the claim's figure more fully: this one is of something else"


@dataclass(frozen=True, slots=True)
class ScoredPassage:
    """A passage with its fuzzy-match score against a query (0..100)."""

    passage: Passage
    score: float


def canonical_terms(claim: Claim, same_language: bool) -> dict[str, str]:
    """Return each term a claim group may take in a passage, mapped to the group's own term."""
    canonical: dict[str, str] = {}
    for g in claim.groups:
        for alternative in g.alternatives(same_language):
            for part in [*alternative.split(), *compounds(alternative)]:
                canonical.setdefault(part, g.native[0])
    return canonical


def projected_terms(canonical: dict[str, str], terms: str) -> str:
    """Return a passage's terms with each claim group spelled one way, so that the fuzzy score
    compares ideas, not spellings or languages."""
    return " ".join(dict.fromkeys(canonical.get(t, t) for t in terms.split()))


def within_sources(judged: list[tuple[ScoredPassage, Judgement]]) -> list[Judgement]:
    """Return the judgements with a source's figure against the claim made related where the
    same source confirms that claim figure at least as fully: a source does not contradict
    itself, so its other figure counts something else ("200 Euro mehr für die Beschäftigten",
    "80 Euro mehr für die Auszubildenden"). A source whose new figure says more of the claim
    than its old one stays against it."""
    confirmed: dict[tuple[str, int], float] = {}
    for hit, j in judged:
        if j.measured and j.stance == "supports":
            for figure in j.figures:
                key = (hit.passage.source.document_id, figure)
                confirmed[key] = max(confirmed.get(key, 0.0), j.weight(hit.score))
    out = []
    for hit, j in judged:
        document, weight = hit.passage.source.document_id, j.weight(hit.score)
        if (
            j.measured
            and j.stance == "contradicts"
            and j.figures
            and all(confirmed.get((document, f), 0.0) >= weight for f in j.figures)
        ):
            j = replace(
                j, stance="related", reasons=(*j.reasons[:-1], SELF_CONFIRMED, j.reasons[-1])
            )
        out.append(j)
    return out


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
        claim: Claim,
        limit: int,
        min_score: float,
        frequencies: dict[str, int] | None = None,
        filters: Filters | None = None,
    ) -> list[ScoredPassage]:
        """Return candidates from the index with their fuzzy score, best first by fuzzy score
        and BM25 together."""
        found: list[Candidate] = self.index.search(
            claim.query_terms(), max(limit, self.candidates), frequencies, filters
        )
        query = " ".join(g.native[0] for g in claim.groups)
        canonical = {same: canonical_terms(claim, same) for same in (True, False)}
        best_bm25 = max((c.bm25 for c in found), default=0.0) or 1.0
        scored = []
        for rank, c in enumerate(found):
            terms = projected_terms(
                canonical[claim.language == c.passage.language], c.passage.terms
            )
            score = fuzz.token_set_ratio(query, terms)
            if score >= min_score:
                order = score + BM25_WEIGHT * 100 * c.bm25 / best_bm25
                scored.append((-order, rank, ScoredPassage(c.passage, round(score, 1))))
        scored.sort(key=lambda s: (s[0], s[1]))
        return [hit for _, _, hit in scored[:limit]]

    def search(
        self, text: str, limit: int, min_score: float = 0.0, filters: Filters | None = None
    ) -> list[ScoredPassage]:
        """Return passages that fuzzily match a free-text query."""
        return self.rank(self.claims.analyse(text), limit, min_score, filters=filters)

    def verify(
        self,
        text: str,
        top_k: int,
        min_score: float,
        language: str = "auto",
        filters: Filters | None = None,
    ) -> Verdict:
        """Return the verdict on a claim with its supporting, contradicting and related passages."""
        claim = self.claims.analyse(text, language)
        with self.index.snapshot():  # passages, their contexts and the version of one state
            return self._verify(text, claim, top_k, min_score, filters)

    def _verify(
        self, text: str, claim: Claim, top_k: int, min_score: float, filters: Filters | None
    ) -> Verdict:
        terms = claim.query_terms()
        frequencies = self.index.document_frequencies(terms)
        ranked = self.rank(claim, self.candidates, min_score, frequencies, filters)
        idf = idf_weights(frequencies, terms, self.index.passage_count())
        contexts = self.index.contexts([h.passage.passage_id for h in ranked])
        judged = []
        for hit in ranked:
            reading = codec.loads(hit.passage.text, hit.passage.reading)
            judgement = self.judge.judge(
                claim, reading, idf, contexts.get(hit.passage.passage_id, "")
            )
            if judgement.stance != "neutral":
                judged.append((hit, judgement))
        sides: dict[str, list[Evidence]] = {"supports": [], "contradicts": [], "related": []}
        for (hit, _), judgement in zip(judged, within_sources(judged), strict=True):
            sides[judgement.stance].append(
                Evidence(
                    hit.passage,
                    hit.score,
                    judgement.stance,
                    judgement.reasons,
                    judgement.highlights,
                    judgement.weight(hit.score),
                )
            )
        verdict, confidence = decide(sides["supports"], sides["contradicts"])
        by_weight = lambda e: (-e.weight, -e.score)  # noqa: E731
        return Verdict(
            claim=claim.text,
            verdict=verdict,
            confidence=confidence,
            supporting=sorted(sides["supports"], key=by_weight)[:top_k],
            contradicting=sorted(sides["contradicts"], key=by_weight)[:top_k],
            analysis=claim.describe(),
            corpus_version=self.index.corpus_version or "",
            related=sorted(sides["related"], key=by_weight)[:top_k],
        )
