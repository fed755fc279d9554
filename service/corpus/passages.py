"""From a document to its cleaned text and passages, each read once and stored with its reading."""

from __future__ import annotations

from dataclasses import dataclass

from service.claims.analysis import detect_language
from service.corpus.chrome import ChromeRules
from service.corpus.sentences import SentenceSplitter
from service.models import Document, Passage, Source
from service.reading import Reader, Reading, codec
from service.reading.tokens import visible


def collapse(text: str) -> str:
    """Return text without the characters that do not show and with every run of whitespace
    turned into one space: the text of a passage as it is read and shown."""
    return " ".join(visible(text).split())


@dataclass(frozen=True)
class Pipeline:
    """Everything that turns a document into passages; its digest versions the index."""

    chrome: ChromeRules
    splitter: SentenceSplitter
    reader: Reader
    digest: str

    def language(self, doc: Document, clean: str) -> str:
        """Return the document's language: as given, else read from its words."""
        if doc.language in ("de", "en"):
            return doc.language
        return detect_language(clean[:5000], self.reader.lexicon)

    def passages(self, doc: Document) -> tuple[str, str, list[Passage]]:
        """Return a document's cleaned text, its language and its sentences as passages."""
        content = self.chrome.content(doc.raw_text, doc.publisher)
        clean = "\n\n".join(collapse(doc.raw_text[s.start : s.end]) for s in content)
        language = self.language(doc, clean)
        out = []
        previous: Reading | None = None
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
            reading = self.reader.read(text, language, previous)
            out.append(
                Passage(
                    f"{doc.document_id}:{i}",
                    text,
                    reading.term_string,
                    source,
                    codec.dumps(reading),
                    language,
                )
            )
            previous = reading
        return clean, language, out
