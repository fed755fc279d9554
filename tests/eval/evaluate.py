"""Evaluation on every corpus: verdicts, evidence on the right side, and ranking against BM25.

Each corpus (`corpora/*.toml`) is indexed as a user would load it, and each of its claims is
verified. Reported per corpus and split (dev / test), per category and per language:

- verdict: the service's verdict is one the claim set accepts;
- evidence: for every side with gold passages, at least one is returned on that side;
- wrong side: claims with a gold passage returned on the opposite side (the target is none);
- quiet: claims unrelated to the corpus that got no evidence at all;
- related: claims the articles leave open whose gold passage is listed as related;
- expected -> given: how many claims of each expected verdict (the first the set accepts)
  got each verdict, per split;
- top 5: a gold passage among the service's five best-ranked passages, and among the five
  of a plain BM25 (bm25s, with the corpus language's stop words and stemmer) over the same
  sentences.

Run with `make eval` (`-v` lists the misses of the dev splits; `--test-misses` those of the
test splits too). The suite holds floors for each corpus and split (`test_eval.py`).
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from service.config import Config
from service.corpus import load_corpus
from service.engine import build_pipeline, open_dictionary, verifier_for
from service.index import SentenceIndex
from service.verify import Verifier
from tests.eval.corpora import ROOT, EvalCorpus, corpora

TOP_K = 10
RANK_DEPTH = 5
DICTIONARY = ROOT / "var" / "dict" / "de-en"
THESAURUS = ROOT / "var" / "thesaurus"


@dataclass
class Outcome:
    """What the service did with one claim."""

    claim: dict
    verdict: str
    verdict_ok: bool
    evidence_ok: bool | None  # None: the claim has no gold passage
    wrong_side: bool
    quiet: bool | None  # None: the claim is not marked as unrelated
    related_ok: bool | None  # None: the claim names no related passage
    top_service: bool | None  # None: no gold passage to rank
    top_bm25: bool | None
    missing: list[str] = field(default_factory=list)


def _found(quotes: Iterable[str], texts: Iterable[str]) -> list[str]:
    texts = list(texts)
    return [q for q in quotes if any(" ".join(q.split()) in t for t in texts)]


def judge_claim(verifier: Verifier, claim: dict, bm25: Bm25 | None) -> Outcome:
    """Return the outcome of one claim."""
    result = verifier.verify(claim["claim"], TOP_K, Config.MIN_SCORE)
    supporting = [e.passage.text for e in result.supporting]
    contradicting = [e.passage.text for e in result.contradicting]
    related = [e.passage.text for e in result.related]
    support, contradict = claim.get("support", []), claim.get("contradict", [])
    missing = []
    sides_ok = []
    for quotes, texts, side in (
        (support, supporting, "support"),
        (contradict, contradicting, "contradict"),
    ):
        if quotes:
            ok = bool(_found(quotes, texts))
            sides_ok.append(ok)
            if not ok:
                missing.append(f"missing {side}: {quotes[0]!r}")
    wrong = _found(support, contradicting) + _found(contradict, supporting)
    gold = support + contradict
    top_service = top_bm25 = None
    if gold:
        ranked = [h.passage.text for h in verifier.search(claim["claim"], RANK_DEPTH)]
        top_service = bool(_found(gold, ranked))
        if bm25 is not None:
            top_bm25 = bool(_found(gold, bm25.top(claim["claim"], RANK_DEPTH)))
    quiet = None
    if claim.get("expect_no_evidence"):
        quiet = not supporting and not contradicting
    related_ok = None
    if claim.get("related"):
        related_ok = bool(_found(claim["related"], related + supporting + contradicting))
    return Outcome(
        claim=claim,
        verdict=result.verdict,
        verdict_ok=result.verdict in claim["verdicts"],
        evidence_ok=all(sides_ok) if sides_ok else None,
        wrong_side=bool(wrong),
        quiet=quiet,
        related_ok=related_ok,
        top_service=top_service,
        top_bm25=top_bm25,
        missing=missing + [f"on the wrong side: {w!r}" for w in wrong],
    )


class Bm25:
    """Plain BM25 over a corpus's passages: the baseline the ranking is measured against."""

    def __init__(self, texts: list[str], language: str):
        import bm25s
        import Stemmer

        self.texts = texts
        self.language = language
        self.stemmer = Stemmer.Stemmer("german" if language == "de" else "english")
        self.retriever = bm25s.BM25()
        self.retriever.index(self._tokens(texts), show_progress=False)

    def _tokens(self, texts: list[str]):
        import bm25s

        return bm25s.tokenize(
            texts, stopwords=self.language, stemmer=self.stemmer, show_progress=False
        )

    def top(self, query: str, k: int) -> list[str]:
        """Return the texts of the k best passages for a query."""
        k = min(k, len(self.texts))
        docs, _ = self.retriever.retrieve(self._tokens([query]), k=k, show_progress=False)
        return [self.texts[i] for i in docs[0]]


def open_corpus(corpus: EvalCorpus, data_dir: Path) -> tuple[Verifier, Bm25]:
    """Return a verifier over the corpus (indexed under data_dir) and the BM25 baseline."""
    folder = corpus.write(data_dir / f"corpus-{corpus.name}")
    config = {
        "DATA_DIR": data_dir,
        "DICTIONARY_PATH": DICTIONARY,
        "THESAURUS_DIR": THESAURUS,
        "CANDIDATES": Config.CANDIDATES,
    }
    dictionary = open_dictionary(config)
    pipeline = build_pipeline(dictionary)
    index = SentenceIndex(data_dir / f"index-{corpus.name}.sqlite3")
    index.sync(load_corpus(folder), pipeline)
    texts = [p.text for d in index.documents() for p in index.document(d["document_id"])[2]]
    return verifier_for(index, pipeline, dictionary, config), Bm25(texts, corpus.language)


def evaluate(verifier: Verifier, claims: list[dict], bm25: Bm25 | None = None) -> list[Outcome]:
    """Return the outcome of every claim."""
    return [judge_claim(verifier, c, bm25) for c in claims]


@dataclass
class Tally:
    """Counts over a group of outcomes; each rate is over the claims it applies to."""

    n: int = 0
    verdict: int = 0
    evidence: list[int] = field(default_factory=lambda: [0, 0])
    wrong_side: int = 0
    quiet: list[int] = field(default_factory=lambda: [0, 0])
    related: list[int] = field(default_factory=lambda: [0, 0])
    top_service: list[int] = field(default_factory=lambda: [0, 0])
    top_bm25: list[int] = field(default_factory=lambda: [0, 0])

    def add(self, o: Outcome) -> None:
        self.n += 1
        self.verdict += o.verdict_ok
        self.wrong_side += o.wrong_side
        for pair, value in (
            (self.evidence, o.evidence_ok),
            (self.quiet, o.quiet),
            (self.related, o.related_ok),
            (self.top_service, o.top_service),
            (self.top_bm25, o.top_bm25),
        ):
            if value is not None:
                pair[0] += value
                pair[1] += 1

    @property
    def accuracy(self) -> float:
        return self.verdict / self.n if self.n else 0.0

    @property
    def evidence_rate(self) -> float:
        return self.evidence[0] / self.evidence[1] if self.evidence[1] else 1.0


def tally(outcomes: Iterable[Outcome], key=lambda o: "all") -> dict[str, Tally]:
    """Return a tally per group of outcomes."""
    out: dict[str, Tally] = defaultdict(Tally)
    for o in outcomes:
        out[key(o)].add(o)
    return dict(sorted(out.items()))


def _rate(pair: list[int]) -> str:
    return f"{pair[0]:3d}/{pair[1]:<3d} {pair[0] / pair[1]:4.0%}" if pair[1] else " " * 12


def render(name: str, outcomes: list[Outcome]) -> str:
    """Return the report of one corpus: per split, then per category and language."""
    head = (
        f"{'':24s}{'n':>4s}  {'verdict':>12s}  {'evidence':>12s}  {'wrong':>5s}  "
        f"{'quiet':>12s}  {'related':>12s}  {'top5':>12s}  {'bm25 top5':>12s}"
    )
    lines = [f"== {name}", head]

    def row(label: str, t: Tally) -> str:
        return (
            f"{label[:24]:24s}{t.n:4d}  {_rate([t.verdict, t.n])}  {_rate(t.evidence)}  "
            f"{t.wrong_side:5d}  {_rate(t.quiet)}  {_rate(t.related)}  "
            f"{_rate(t.top_service)}  {_rate(t.top_bm25)}"
        )

    for label, t in tally(outcomes, lambda o: f"{o.claim['set']} {o.claim['split']}").items():
        lines.append(row(label, t))
    lines += confusion(outcomes)
    for title, key in (("category", "category"), ("language", "lang")):
        lines.append(f"  per {title} (dev | test verdicts):")
        groups = tally(outcomes, lambda o, k=key: o.claim[k])
        for label, t in groups.items():
            splits = tally(
                (o for o in outcomes if o.claim[key] == label), lambda o: o.claim["split"]
            )
            parts = [
                f"{s} {splits[s].verdict}/{splits[s].n}" if s in splits else f"{s} -"
                for s in ("dev", "test")
            ]
            lines.append(
                f"    {label:22s} {t.verdict:3d}/{t.n:<3d} {t.accuracy:4.0%}  ({', '.join(parts)})"
            )
    return "\n".join(lines)


VERDICTS = ("supported", "refuted", "conflicting", "not_enough_info")


def confusion(outcomes: list[Outcome]) -> list[str]:
    """Return, per split, how many claims of each expected verdict got each verdict: where
    the misses lie (a true claim left open, a false one confirmed)."""
    short = {"supported": "sup", "refuted": "ref", "conflicting": "con", "not_enough_info": "nei"}
    head = f"  {'expected -> given (dev | test)':38s}"
    lines = [head + "".join(f"{short[v]:>12s}" for v in VERDICTS)]
    for expected in VERDICTS:
        mine = [o for o in outcomes if o.claim["verdicts"][0] == expected]
        if not mine:
            continue
        cells = []
        for given in VERDICTS:
            counts = [
                sum(o.verdict == given for o in mine if o.claim["split"] == split)
                for split in ("dev", "test")
            ]
            cells.append(f"{counts[0]:>6d} |{counts[1]:>3d}")
        lines.append(f"    {expected:36s}" + "".join(f"{c:>12s}" for c in cells))
    return lines


def misses(outcomes: list[Outcome], splits: set[str]) -> list[str]:
    """Return a line per claim that went wrong in the given splits."""
    out = []
    for o in outcomes:
        if o.claim["split"] not in splits or (o.verdict_ok and not o.missing):
            continue
        c = o.claim
        what = "" if o.verdict_ok else f" expected {'/'.join(c['verdicts'])}, got {o.verdict};"
        out.append(f"  {c['id']} [{c['category']}] {c['claim']!r}:{what} {'; '.join(o.missing)}")
    return out


def main(argv: list[str]) -> None:
    splits = {"dev", "test"} if "--test-misses" in argv else {"dev"}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora():
            if not corpus.available:
                print(f"== {corpus.name}: {corpus.source} not found (run `make eval-data`)\n")
                continue
            verifier, bm25 = open_corpus(corpus, Path(tmp))
            outcomes = evaluate(verifier, corpus.claims(), bm25)
            print(render(f"{corpus.name}: {corpus.title}", outcomes))
            if "-v" in argv or "--test-misses" in argv:
                print("\n".join(["  misses:", *misses(outcomes, splits)]))
            print()


if __name__ == "__main__":
    main(sys.argv[1:])
