"""From a document to its cleaned text and indexed passages."""

from __future__ import annotations

from dataclasses import dataclass

from service.corpus.chrome import ChromeRules
from service.corpus.sentences import SentenceSplitter
from service.models import Document, Passage, Source
from service.text import Analyzer


def collapse(text: str) -> str:
    """Return text with every run of whitespace turned into one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Pipeline:
    """Everything that turns a document into passages; its digest versions the index."""

    chrome: ChromeRules
    splitter: SentenceSplitter
    analyzer: Analyzer
    digest: str

    def passages(self, doc: Document) -> tuple[str, list[Passage]]:
        """Return a document's cleaned text and its sentences as passages."""
        content = self.chrome.content(doc.raw_text, doc.publisher)
        clean = "\n\n".join(collapse(doc.raw_text[s.start : s.end]) for s in content)
        out = []
        for i, span in enumerate(self.splitter.split(doc.raw_text, content)):
            text = collapse(doc.raw_text[span.start : span.end])
            source = Source(
                document_id=doc.document_id,
                publisher=doc.publisher,
                title=doc.title,
                url=doc.url,
                published=doc.published,
                sentence_index=i,
                char_start=span.start,
                char_end=span.end,
            )
            terms = self.analyzer.term_string(text, doc.language if doc.language == "en" else "de")
            out.append(Passage(f"{doc.document_id}:{i}", text, terms, source))
        return clean, out
