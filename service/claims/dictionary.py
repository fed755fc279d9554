"""English -> German word lookup built from the Ding German-English dictionary (trans-de-en).

The Ding file (`German :: English`, aligned `|` parts, `;` synonyms) is parsed once into a
compact SQLite table that every worker process opens read-only. The parse runs in a child
process (this file run as a script), so its memory never stays with the serving process.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import os
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import Stemmer

try:
    import fcntl
except ImportError:  # pragma: no cover - non-POSIX platforms build without a lock
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

# Called with the share of a long step done so far, from 0 to 1.
Progress = Callable[[float], None]

CACHE_NAME = "en-de.sqlite3"
# Bump when parsing or ranking changes so existing caches are rebuilt.
SCHEMA_VERSION = "14"
# Only the best few translations per English key are useful to a caller; keeping more
# would mostly store rare senses and grow the cache.
MAX_PER_KEY = 8
MAX_ENGLISH_WORDS = 3
MAX_GERMAN_WORDS = 4

# --- ranking weights (log-scale penalties and bonuses) -------------------------------------

GERMAN_SYNONYM_STEP = 0.3  # later synonyms in a part are usually rarer or more specific
ENGLISH_SYNONYM_STEP = 0.25
SYNONYM_CAP = 4
PART_STEP = 0.05  # later parts are inflections or compounds, slightly less central
EXTRA_GERMAN_WORD = 0.5  # single German words match corpus tokens best
GERMAN_COMMENT = 0.2
ENTRY_COMMENT = 0.2  # a comment on the headword restricts the sense of the whole entry
THIRD_PERSON = 0.4  # "-s" forms of verbs compete with far more frequent plural nouns
INFINITIVE = 0.15  # "to evidence" is rarer than the noun "evidence" for most words
ENGLISH_COMMENT = 0.35  # "(of plants)" marks a narrow sense of the English word
GERMAN_FREQUENCY = 0.2  # words translating many entries are common German words
COOCCURRENCE = 0.7  # the pair recurring in entries and examples marks a common sense
ENTRY_SIZE = 0.1  # big entries (many forms and examples) are the well-known headwords

# Usage tags: register and age marks say the word itself is unusual.
_STRONG_TAGS = {
    "obs.", "rare", "archaic", "veraltet", "selten", "alt", "altertümlich", "slang",
    "vulg.", "former name", "frühere bezeichnung",
}  # fmt: skip
_REGISTER_TAGS = {
    "dated", "veraltend", "becoming dated", "poet.", "humor.", "pej.", "iron.", "euphem.",
    "kindersprache", "children’s speech", "jugendsprache", "jägersprache",
    "hunters’ parlance", "tm", "sprw.", "prov.", "ebr.", "eam.",
}  # fmt: skip
_STYLE_TAGS = {
    "ugs.", "coll.", "geh.", "formal", "fig.", "übtr.", "lit.", "stud.",
    "in zusammensetzungen", "in compounds", "nachgestellt", "postpositive", "mass noun",
}  # fmt: skip
_MINOR_REGION_TAGS = {"br.", "am.", "dt."}
_REGION_TAGS = {
    "ös.", "schw.", "bayr.", "norddt.", "süddt.", "mitteldt.", "westdt.", "ostdt.",
    "mittelwestdt.", "nordostdt.", "nordwestdt.", "mittelostdt.", "westös.", "südtirol",
    "bw", "sachsen", "austr.", "sc.", "nz", "can.", "ir.", "northern english", "lux.",
}  # fmt: skip
# Domains that news text talks about all the time; their senses are not "specialist".
_GENERAL_DOMAINS = {
    "pol.", "mil.", "jur.", "adm.", "soc.", "econ.", "fin.", "med.", "transp.", "envir.",
    "relig.", "sport", "aviat.", "geogr.", "school", "psych.", "biol.",
}  # fmt: skip
# Technical but everyday: "fuel [auto] [techn.]" is still the fuel of the news.
_COMMON_DOMAINS = {"techn.", "auto", "comp.", "telco.", "cook.", "constr.", "agr.", "art"}
_STRONG_PENALTY = 1.6
_REGISTER_PENALTY = 1.0
_STYLE_PENALTY = 0.45
_REGION_PENALTY = 0.6
_MINOR_REGION_PENALTY = 0.1
_GENERAL_DOMAIN_PENALTY = 0.1
_COMMON_DOMAIN_PENALTY = 0.3
_NARROW_DOMAIN_PENALTY = 0.7

_TAG = re.compile(r"\[([^\[\]]*)\]")
_NON_COMMENT_BRACKETS = re.compile(r"\{[^{}]*\}|\[[^\[\]]*\]|<[^<>]*>")
_COMMENT = re.compile(r"\([^()]*\)")
# Abbreviations such as "/GI/" or "/Pres./" stand apart from the word they abbreviate.
_ABBREVIATION = re.compile(r"(?:^|\s)/(?:[^/\s](?:[^/]*[^/\s])?|\s*[^\w\s/]+\s*)/(?=[\s;|]|$)")
_EDGE_PUNCTUATION = " \"'“”‘,;:!?()[]{}<>"
_STRUCTURE = re.compile(r"[;(){}\[\]<>]")
_MARKUP_CHARS = re.compile(r"[({\[<]")
# "he/she", "I/he/she", "er/sie" prefix conjugated forms listed as parts.
_PRONOUNS = re.compile(r"^(?:[a-zäöü]+/)+[a-zäöü]+$", re.IGNORECASE)
_PRONOUN_WORDS = {"i", "he", "she", "it", "ich", "er", "sie", "es"}
_EN_PLACEHOLDER = re.compile(r"^(?:sb|sth|one)\.?(?:['’]s)?(?:/(?:sb|sth)\.?(?:['’]s)?)*$")
_DE_PLACEHOLDER = re.compile(r"^(?:jd[nmsr]?|etw)\.(?:/(?:jd[nmsr]?|etw)\.)*$")
_EN_PLACEHOLDER_WORDS = {"oneself", "one's", "one’s"}
_ENGLISH_KEY = re.compile(r"^[^\W_][\w '&.\-]*$")
_EN_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_DE_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_COMMENT_WORD_SPLIT = re.compile(r"[\s/;,+]+")
# Words of comments that only name the governed case or preposition, e.g. "(+Gen. / für etw.)".
_GRAMMAR_WORDS = {
    "in", "on", "at", "to", "from", "with", "for", "against", "of", "about", "into", "upon",
    "by", "over", "under", "between", "among", "towards", "toward", "onto", "off", "out",
    "an", "auf", "gegen", "für", "von", "mit", "zu", "über", "unter", "bei", "aus", "nach",
    "vor", "um", "zwischen", "gen.", "dat.", "akk.", "sich", "…", "...", "sb", "sth",
}  # fmt: skip
_BAD_GERMAN = re.compile(r"[/…?!:,\"„“”=+]|\.\.\.")


class _Synonym(NamedTuple):
    text: str
    word_penalty: float  # register tags and sense comments of this synonym
    domain_penalty: float  # subject-area tags
    position: int  # index among the part's synonyms
    comment: bool  # carries a sense-restricting comment


def _tag_penalties(tags: Iterable[str]) -> tuple[float, float]:
    """Return (word penalty, domain penalty) for a set of usage/domain tags."""
    word = 0.0
    domain = 0.0
    for raw in tags:
        tag = raw.strip().lower()
        if tag in _STRONG_TAGS:
            word += _STRONG_PENALTY
        elif tag in _REGISTER_TAGS:
            word += _REGISTER_PENALTY
        elif tag in _STYLE_TAGS:
            word += _STYLE_PENALTY
        elif tag in _REGION_TAGS:
            word += _REGION_PENALTY
        elif tag in _MINOR_REGION_TAGS:
            word += _MINOR_REGION_PENALTY
        elif tag in _GENERAL_DOMAINS:
            domain = max(domain, _GENERAL_DOMAIN_PENALTY)
        elif tag in _COMMON_DOMAINS:
            domain = max(domain, _COMMON_DOMAIN_PENALTY)
        else:
            domain = max(domain, _NARROW_DOMAIN_PENALTY)
    return word, domain


def _split_synonyms(part: str) -> list[str]:
    """Split a part on ';' outside brackets ("to send {sent; sent}" is one synonym)."""
    if ";" not in part:
        return [part]
    pieces: list[str] = []
    depth = 0
    start = 0
    for match in _STRUCTURE.finditer(part):
        ch = match.group()
        if ch == ";":
            if depth == 0:
                pieces.append(part[start : match.start()])
                start = match.end()
        elif ch in "({[<":
            depth += 1
        else:
            depth = max(0, depth - 1)
    pieces.append(part[start:])
    return pieces


@functools.lru_cache(maxsize=65536)
def _is_sense_comment(comment: str) -> bool:
    """Tell sense restrictions "(of plants)" from valency notes "(in etw.)", "(with/in sth.)"."""
    words = [w for w in _COMMENT_WORD_SPLIT.split(comment.strip("()").lower()) if w]
    return not all(
        w in _GRAMMAR_WORDS or _EN_PLACEHOLDER.match(w) or _DE_PLACEHOLDER.match(w) for w in words
    )


def _strip_markup(text: str) -> tuple[str, list[str], bool]:
    """Remove tags, grammar marks and comments; return (text, tags, had_sense_comment)."""
    tags = _TAG.findall(text) if "[" in text else []
    if "{" in text or "[" in text or "<" in text:
        text = _NON_COMMENT_BRACKETS.sub(" ", text)
    had_comment = False
    while "(" in text:
        had_comment = had_comment or any(map(_is_sense_comment, _COMMENT.findall(text)))
        stripped = _COMMENT.sub(" ", text)
        if stripped == text:  # unbalanced parenthesis: drop the rest
            stripped = text.split("(", 1)[0]
        text = stripped
    return " ".join(text.split()), tags, had_comment


def _drop_pronoun(words: list[str]) -> list[str]:
    """Drop the "he/she" / "er/sie" prefix of conjugated forms."""
    if len(words) > 1 and _PRONOUNS.match(words[0]):
        if set(words[0].lower().split("/")) <= _PRONOUN_WORDS:
            return words[1:]
    return words


def _clean_english(alt: str) -> tuple[str, list[str], bool, bool] | None:
    """Return (lowercase key, tags, had_comment, is_infinitive) for an English synonym, or None."""
    # Example sentences are most of the file; reject them before the costlier cleaning.
    # Allowance: "to", a pronoun and a trailing placeholder besides the key words.
    if alt.count(" ") > MAX_ENGLISH_WORDS + 3 and not _MARKUP_CHARS.search(alt):
        return None
    text, tags, comment = _strip_markup(alt)
    words = text.replace("’", "'").lower().split()
    verb = len(words) > 1 and words[0] == "to"
    if verb:
        words = words[1:]
    words = _drop_pronoun(words)
    # Placeholders are fine at the end ("arrest sb."); in the middle they turn
    # "send sb. for sth." into the misleading phrase "send for".
    while words and (_EN_PLACEHOLDER.match(words[-1]) or words[-1] in _EN_PLACEHOLDER_WORDS):
        words.pop()
    if not words or len(words) > MAX_ENGLISH_WORDS:
        return None
    if any(_EN_PLACEHOLDER.match(w) or w in _EN_PLACEHOLDER_WORDS for w in words):
        return None
    key = " ".join(words)
    if not _ENGLISH_KEY.match(key) or (len(words) > 1 and key.endswith(".")):
        return None
    return key, tags, comment, verb


def _clean_german(alt: str) -> tuple[str, list[str], bool, bool] | None:
    """Return (plain German words, tags, had_comment, False) for a German synonym, or None."""
    if alt.count(" ") > MAX_GERMAN_WORDS + 4 and not _MARKUP_CHARS.search(alt):
        return None
    text, tags, comment = _strip_markup(alt)
    words = _drop_pronoun(text.split())
    words = [w for w in words if not _DE_PLACEHOLDER.match(w)]
    if len(words) > 1 and words[0] == "sich":
        words = words[1:]
    if not words or len(words) > MAX_GERMAN_WORDS:
        return None
    german = " ".join(words).strip(",;")
    if not german or _BAD_GERMAN.search(german) or (len(words) > 1 and german.endswith(".")):
        return None
    return german, tags, comment, False


def _part_synonyms(part: str, english: bool) -> tuple[list[_Synonym], int]:
    """Return the usable synonyms of one part and how many synonyms the part lists."""
    result = []
    clean = _clean_english if english else _clean_german
    if "/" in part:
        part = _ABBREVIATION.sub(" ", part)
    pieces = _split_synonyms(part)
    for position, alt in enumerate(pieces):
        cleaned = clean(alt)
        if cleaned is None:
            continue
        text, tags, comment, verb = cleaned
        word_penalty, domain_penalty = _tag_penalties(tags) if tags else (0.0, 0.0)
        if comment:
            word_penalty += ENGLISH_COMMENT if english else GERMAN_COMMENT
        if verb:
            word_penalty += INFINITIVE
        result.append(_Synonym(text, word_penalty, domain_penalty, position, comment))
    return result, len(pieces)


def _inherit(
    synonyms: list[_Synonym], count: int, head: list[_Synonym], head_count: int, floor: float
) -> list[_Synonym]:
    """Give inflected forms and examples the usage penalties of the headword they belong to."""
    # "Flugzeug; Flieger [ugs.] | Flugzeuge; Flieger" lists forms in the same order, so a
    # tag on the n-th headword synonym also describes the n-th synonym of later parts.
    by_position = (
        {synonym.position: synonym.word_penalty for synonym in head} if count == head_count else {}
    )
    result = []
    for synonym in synonyms:
        inherited = max(floor, by_position.get(synonym.position, 0.0))
        if inherited > synonym.word_penalty:
            synonym = synonym._replace(word_penalty=inherited)
        result.append(synonym)
    return result


_PLACE_TAG = "[geogr.]"


def _place_names(part: str) -> str:
    """Return a place entry's names with the first of a comma list as a name of its own: the
    list gives a variant or a qualifier after it ("Romania, Rumania", "Moldova, Republic of")."""
    names = []
    for synonym in part.split(";"):
        first = synonym.split(",", 1)[0].strip()
        if "," in synonym and first:
            names.append(first)
        names.append(synonym.strip())
    return "; ".join(names)


def _split_entry(line: str) -> tuple[list[str], list[str]] | None:
    """Split one dictionary line into aligned German and English parts."""
    line = line.strip()
    if not line or line.startswith("#") or " :: " not in line:
        return None
    german_side, english_side = line.split(" :: ", 1)
    german_parts = german_side.split("|")
    english_parts = english_side.split("|")
    if _PLACE_TAG in line:
        english_parts = [_place_names(part) for part in english_parts]
    if len(german_parts) != len(english_parts):
        # Misaligned entry: only the headword parts are trustworthy.
        german_parts, english_parts = german_parts[:1], english_parts[:1]
    return german_parts, english_parts


def _entry_pairs(german_parts: list[str], english_parts: list[str]) -> dict[tuple[str, str], float]:
    """Score every (English, German) pairing of one dictionary entry; best score per pair."""
    german_head, german_head_count = _part_synonyms(german_parts[0], english=False)
    english_head, english_head_count = _part_synonyms(english_parts[0], english=True)
    # Domain tags and sense comments usually sit once on the headword but describe the
    # whole entry ("Hobel {m} [techn.] | Hobel {pl}"), so they carry over to every part.
    _, entry_domain = _tag_penalties(_TAG.findall(german_parts[0] + english_parts[0]))
    head_comment = any(synonym.comment for synonym in german_head + english_head)
    floor = ENTRY_COMMENT if head_comment else 0.0
    verb_entry = english_parts[0].lstrip().startswith("to ")
    head_keys = {synonym.text for synonym in english_head}
    entry_bonus = ENTRY_SIZE * math.log(len(german_parts))
    pairs: dict[tuple[str, str], float] = {}
    for index, (german_part, english_part) in enumerate(
        zip(german_parts, english_parts, strict=True)
    ):
        if index == 0:
            english, german = english_head, german_head
        else:
            english, english_count = _part_synonyms(english_part, english=True)
            if not english:
                continue
            german, german_count = _part_synonyms(german_part, english=False)
            english = _inherit(english, english_count, english_head, english_head_count, floor)
            german = _inherit(german, german_count, german_head, german_head_count, floor)
        part_score = entry_bonus - PART_STEP * min(index, 10)
        for en in english:
            en_score = (
                part_score - en.word_penalty - ENGLISH_SYNONYM_STEP * min(en.position, SYNONYM_CAP)
            )
            if index and verb_entry and _is_third_person(en.text, head_keys):
                en_score -= THIRD_PERSON
            for de in german:
                score = (
                    en_score
                    - de.word_penalty
                    - max(en.domain_penalty, de.domain_penalty, entry_domain)
                    - GERMAN_SYNONYM_STEP * min(de.position, SYNONYM_CAP)
                    - EXTRA_GERMAN_WORD * de.text.count(" ")
                )
                key = (en.text, de.text)
                if score > pairs.get(key, -math.inf):
                    pairs[key] = score
    return pairs


def _is_third_person(form: str, infinitives: set[str]) -> bool:
    """True for "planes" next to "to plane": usually the plural noun is meant, not the verb."""
    if not form.endswith("s"):
        return False
    return (
        form[:-1] in infinitives
        or (form.endswith("es") and form[:-2] in infinitives)
        or (form.endswith("ies") and form[:-3] + "y" in infinitives)
    )


def _part_tokens(part: str, english: bool) -> set[str]:
    """Words of a part including its examples and compounds, without markup and comments."""
    text = _COMMENT.sub(" ", _NON_COMMENT_BRACKETS.sub(" ", part))
    if english:
        return set(_EN_TOKEN.findall(text.replace("’", "'").lower()))
    return set(_DE_TOKEN.findall(text))


def _counted(lines: Sequence[str], progress: Progress | None) -> Iterator[str]:
    """Yield the lines, telling progress the share passed at every hundredth of them."""
    step = max(1, len(lines) // 100)
    for number, line in enumerate(lines, 1):
        if progress is not None and number % step == 0:
            progress(number / len(lines))
        yield line


def _part_of(progress: Progress | None, start: float, size: float) -> Progress | None:
    """Return a Progress for one step that reports its share of the whole to progress."""
    if progress is None:
        return None
    return lambda done: progress(start + size * done)


def _cooccurrences(
    lines: list[str], pairs: dict[tuple[str, str], float], progress: Progress | None = None
) -> dict[tuple[str, str], int]:
    """Count aligned parts (definitions and examples) in which both words of a pair occur."""
    # Examples such as "bei einem Unfall getötet werden :: to be killed in an accident"
    # show which sense a word is actually used in, which single entries cannot.
    single_words = {english for english, _ in pairs if " " not in english}
    counts: dict[tuple[str, str], int] = {}
    for line in _counted(lines, progress):
        entry = _split_entry(line)
        if entry is None:
            continue
        for german_part, english_part in zip(*entry, strict=True):
            english_tokens = _part_tokens(english_part, english=True) & single_words
            if not english_tokens:
                continue
            german_tokens = _part_tokens(german_part, english=False)
            for english in english_tokens:
                for german in german_tokens:
                    key = (english, german)
                    if key in pairs:
                        counts[key] = counts.get(key, 0) + 1
    return counts


def parse_ding(
    lines: Iterable[str], progress: Progress | None = None
) -> dict[str, list[tuple[str, float]]]:
    """Map each English single word or short phrase (lowercased) to German translations with a weight."""  # noqa: E501
    source_lines = list(lines)
    kept: list[str] = []
    best: dict[tuple[str, str], float] = {}  # best single-entry score of each pair
    repeats: dict[tuple[str, str], int] = {}  # entries giving the pair, when more than one
    german_entries: dict[str, int] = {}
    # Shares of the time on the full Ding file: entries two thirds, examples a quarter.
    for line in _counted(source_lines, _part_of(progress, 0.0, 0.67)):
        entry = _split_entry(line)
        if entry is None:
            continue
        kept.append(line)
        pairs = _entry_pairs(*entry)
        for german in {german for _, german in pairs}:
            german_entries[german] = german_entries.get(german, 0) + 1
        for key, score in pairs.items():
            seen = best.get(key)
            if seen is None:
                best[key] = score
            else:
                best[key] = max(seen, score)
                repeats[key] = repeats.get(key, 1) + 1
    cooccur = _cooccurrences(kept, best, _part_of(progress, 0.67, 0.26))
    del kept
    grouped: dict[str, list[tuple[str, float]]] = {}
    for key, score in best.items():
        english, german = key
        evidence = max(repeats.get(key, 1), cooccur.get(key, 0))
        weight = (
            score
            + GERMAN_FREQUENCY * math.log(german_entries[german])
            + COOCCURRENCE * math.log(evidence)
        )
        grouped.setdefault(english, []).append((german, round(weight, 4)))
    for ranked in grouped.values():
        # Ties fall back to the shorter, then alphabetically first word for stable output.
        ranked.sort(key=lambda item: (-item[1], len(item[0]), item[0]))
    if progress is not None:
        progress(1.0)
    return grouped


# A noun with its gender, maybe after a comment on its sense ("(politischer) Flüchtling {m}")
# or with the article some headwords carry ("die Polizei {f}").
_NOUN = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:(?:der|die|das) )?([^\s{}\[\]();|/]+)\s*"
    r"\{(?:m|f|n|pl)(?:,\s*(?:m|f|n))*\}"
)
_MARKUP = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|/[^/]*/")
# A usage note of an entry: "Queensland {n} (Bundesstaat Australiens) <Australien>".
_NOTE = re.compile(r"<[^>]*>")


def parse_vocabulary(lines: Iterable[str], progress: Progress | None = None) -> dict[str, set[str]]:
    """Return the single words of each kind: German nouns, German words, English words (not
    the names among them), and place names (entries tagged [geogr.], in either language),
    which are names, not words.
    """
    out: dict[str, set[str]] = {"de-noun": set(), "de": set(), "en": set(), "place": set()}
    # The plural of a people is often its land ("Bayern", "Sachsen", "Polen"); it is read
    # as the place unless the word is a noun in the singular too.
    singular: set[str] = set()
    peoples: set[str] = set()
    for line in _counted(list(lines), progress):
        entry = _split_entry(line)
        if entry is None:
            continue
        if _PLACE_TAG in line:
            for part in (entry[0][0], entry[1][0]):
                for synonym in _synonyms(part):
                    word = _MARKUP.sub("", synonym).strip()
                    if word.isalpha():
                        out["place"].add(word.lower())
            continue
        for part in entry[0]:
            for synonym in _synonyms(part):
                noun = _NOUN.match(synonym)
                if noun:
                    out["de-noun"].add(noun.group(1).lower())
                    plural = "{pl}" in synonym
                    if not plural:
                        singular.add(noun.group(1).lower())
                    elif _capitalised(_plain(entry[1][0].split(";")[0])):
                        peoples.add(noun.group(1).lower())  # "Bavarians", "Poles"
                word = _MARKUP.sub("", synonym).strip()
                if word.isalpha():
                    out["de"].add(word.lower())
        german = {_plain(s).lower() for s in entry[0][0].split(";")}
        for part in entry[1]:
            for synonym in _synonyms(part):
                word = _MARKUP.sub("", synonym).strip().removeprefix("to ")
                if word.isalpha() and not _proper(word, german):
                    out["en"].add(word.lower())
    out["de-noun"] -= (peoples - singular) & out["place"]
    return out


def _synonyms(part: str) -> list[str]:
    """Return the synonyms of one part of an entry: split at semicolons, but not at those
    inside its markup ("infolge; aufgrund {prp; +Gen.}")."""
    return _SYNONYM_BREAK.split(part)


_SYNONYM_BREAK = re.compile(r";(?![^{]*\})")


def _plain(synonym: str) -> str:
    """Return a synonym without its markup and its usage notes ("<Australien>")."""
    return _NOTE.sub("", _MARKUP.sub("", synonym)).strip()


def _capitalised(word: str) -> bool:
    """Return whether an English word is written as a name is ("Bavarians", not "brands")."""
    return word[:1].isupper() and not word.isupper()


def _proper(word: str, german: set[str]) -> bool:
    """Return whether an English word is a name the German side keeps as it is ("Queensland
    :: Queensland"): English writes its common words in lower case, German its nouns."""
    return _capitalised(word) and word.lower() in german


# A verb entry lists its forms in its first parts: "steigen {vi} | steigend | gestiegen |
# steigt | stieg :: to rise {rose; risen} | rising | risen | rises | rose".
_VERB = re.compile(r"\{v[tir]?\}")
_IRREGULAR = re.compile(r"\{([a-z]+(?:; ?[a-z]+)*)\}")
VERB_FORM_PARTS = 5
_FORM_PRONOUNS = _PRONOUN_WORDS | {"du", "wir", "ihr", "you", "we", "they"}
# A word that is a form of several verbs keeps this many forms in all.
MAX_VERB_FORMS = 12


def _particle_of(word: str, verb: str) -> bool:
    """Return whether a word is the particle a separable verb starts with ("ab" of
    "abhängen"), not the verb itself after an object ("Bestände ausbeuten" is an example)."""
    return verb.startswith(word) and len(word) < len(verb)


def _verb_forms(parts: list[str], english: bool) -> list[tuple[str, set[str]]]:
    """Return each verb one side of an entry conjugates, with its single-word forms: the
    n-th synonym of each of the first parts is a form of the n-th verb of the first."""
    clean = _clean_english if english else _clean_german
    verbs: dict[int, tuple[str, set[str]]] = {}
    for index, part in enumerate(parts[:VERB_FORM_PARTS]):
        for position, synonym in enumerate(_split_synonyms(part)):
            cleaned = clean(synonym)
            if cleaned is None:
                continue
            words = cleaned[0].lower().split()
            if len(words) == 2 and words[0] in _FORM_PRONOUNS:
                words = words[1:]  # "es gilt", "sie galten", "it rose"
            head = verbs[position][0] if index and position in verbs else ""
            if len(words) == 2 and not english and _particle_of(words[1], head):
                words = [words[1] + words[0]]  # "hing ab" of "abhängen" is "abhing"
            if len(words) != 1 or not words[0].isalpha():
                continue
            form = words[0]
            if index == 0:
                verbs[position] = (form, {form})
                irregular = _IRREGULAR.search(synonym) if english else None
                if irregular:  # "to rise {rose; risen}"
                    verbs[position][1].update(w.strip() for w in irregular.group(1).split(";"))
            elif position in verbs:
                verbs[position][1].add(form)
    return [verb for verb in verbs.values() if len(verb[1]) > 1]


def parse_verb_forms(lines: Iterable[str]) -> set[tuple[str, str, str]]:
    """Return (language, verb, form) for the forms of each verb the dictionary conjugates:
    "stieg" and "gestiegen" are "steigen", "rose" and "risen" are "rise"."""
    out: set[tuple[str, str, str]] = set()
    for line in lines:
        entry = _split_entry(line)
        if entry is None or len(entry[0]) < 2:
            continue
        german, english = entry
        sides = []
        if _VERB.search(german[0]):
            sides.append(("de", _verb_forms(german, english=False)))
        if english[0].lstrip().startswith("to "):
            sides.append(("en", _verb_forms(english, english=True)))
        for language, verbs in sides:
            for head, forms in verbs:
                out.update((language, head, form) for form in forms)
    return out


def _source_signature(source: Path | None) -> str | None:
    """Size and modification time of the source file, or None when it is not there."""
    if source is None:
        return None
    try:
        status = source.stat()
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return f"{status.st_size}:{status.st_mtime_ns}"


def _connect_read_only(path: Path, shared: bool = False) -> sqlite3.Connection:
    """Open an existing SQLite file read-only (several worker processes read it at once)."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=not shared)


def _read_meta(cache: Path) -> dict[str, str] | None:
    """Return the meta table of a cache file, or None when it is missing or unreadable."""
    if not cache.is_file():
        return None
    try:
        connection = _connect_read_only(cache)
        try:
            return dict(connection.execute("SELECT key, value FROM meta").fetchall())
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _is_current(meta: dict[str, str] | None, signature: str | None) -> bool:
    """True when a cache was built by this code version (and from this source, if given)."""
    if meta is None or meta.get("schema") != SCHEMA_VERSION:
        return False
    return signature is None or meta.get("signature") == signature


class DictionaryBuildError(RuntimeError):
    """The lookup could not be built from the source file (unreadable, not a Ding file)."""


def _write_table(source: Path, target: Path, signature: str, progress: Progress) -> int:
    """Parse the source into the lookup tables of the SQLite file target; return its English keys."""  # noqa: E501
    with source.open(encoding="utf-8", errors="replace") as handle:
        lines = handle.readlines()
    # Shares of the time on the full Ding file: parsing takes about four fifths.
    table = parse_ding(lines, _part_of(progress, 0.0, 0.75))
    vocabulary = parse_vocabulary(lines, _part_of(progress, 0.75, 0.08))
    verb_forms = parse_verb_forms(lines)
    del lines
    if not table:
        raise ValueError(f"no Ding entries (German :: English) in {source}")
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a failed build is discarded anyway
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        # The primary key (english, rank) is the index lookups use; WITHOUT ROWID keeps
        # the rows inside that index instead of storing them twice.
        # german_stem: the stem of a one-word German translation, so that an inflected
        # form ("Bewohnern", "indische") finds the entry of its base form.
        connection.execute(
            "CREATE TABLE translation (english TEXT NOT NULL, rank INTEGER NOT NULL,"
            " german TEXT NOT NULL, german_stem TEXT, PRIMARY KEY (english, rank)) WITHOUT ROWID"
        )
        stem = _GERMAN_STEM.stemWord
        connection.executemany(
            "INSERT INTO translation VALUES (?, ?, ?, ?)",
            (
                (english, rank, german, None if " " in german else stem(german.lower()))
                for english in sorted(table)
                for rank, (german, _) in enumerate(table[english][:MAX_PER_KEY])
            ),
        )
        # German -> English: the same pairs looked up from the German side.
        connection.execute("CREATE INDEX translation_by_german ON translation (german, rank)")
        connection.execute("CREATE INDEX translation_by_stem ON translation (german_stem, rank)")
        progress(0.93)
        connection.execute(
            "CREATE TABLE vocabulary (word TEXT NOT NULL, kind TEXT NOT NULL,"
            " PRIMARY KEY (kind, word)) WITHOUT ROWID"
        )
        connection.executemany(
            "INSERT INTO vocabulary VALUES (?, ?)",
            ((word, kind) for kind, words in vocabulary.items() for word in sorted(words)),
        )
        connection.execute(
            "CREATE TABLE verb_form (language TEXT NOT NULL, form TEXT NOT NULL,"
            " verb TEXT NOT NULL, PRIMARY KEY (language, form, verb)) WITHOUT ROWID"
        )
        connection.executemany(
            "INSERT INTO verb_form (language, verb, form) VALUES (?, ?, ?)", sorted(verb_forms)
        )
        connection.execute("CREATE INDEX verb_form_by_verb ON verb_form (language, verb)")
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("schema", SCHEMA_VERSION),
                ("signature", signature),
                ("source", str(source)),
                ("entries", str(len(table))),
            ],
        )
        connection.commit()
    finally:
        connection.close()
    progress(1.0)
    return len(table)


def _build_main(argv: list[str]) -> int:
    """Build the lookup as the child process of _build_in_child; return the exit status."""
    # Each line on stdout is one message to the parent: "progress 0.42", "done 123" or
    # "error <cause>".
    source, target, signature = argv

    def report(done: float) -> None:
        print(f"progress {done:.3f}", flush=True)

    try:
        entries = _write_table(Path(source), Path(target), signature, report)
    except (OSError, ValueError, sqlite3.Error) as error:
        print("error", " ".join(f"{type(error).__name__}: {error}".split()), flush=True)
        return 1
    print(f"done {entries}", flush=True)
    return 0


def _build_command(source: Path, target: Path, signature: str) -> list[str]:
    """Return the command that runs _build_main in a fresh interpreter."""
    # The child runs this very file; -P keeps its folder off sys.path, where its modules
    # could shadow the standard library.
    return [sys.executable, "-P", __file__, str(source), str(target), signature]


def _build_in_child(source: Path, target: Path, signature: str) -> int:
    """Build the lookup into target in a child process, logging its progress; return its keys."""
    # Parsing peaks at a few hundred MB that CPython keeps after freeing them. In a child
    # that memory goes back to the system when it exits, so the serving process, and the
    # gunicorn workers forked from it after a preload, stay small.
    started = time.monotonic()
    entries: int | None = None
    cause = ""
    logged = 0
    with subprocess.Popen(
        _build_command(source, target, signature),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    ) as child:
        assert child.stdout is not None
        try:
            # The pipe ends when the child does, however it ends, so this loop cannot hang
            # on a child that died.
            for line in child.stdout:
                kind, _, value = line.strip().partition(" ")
                if kind == "progress":
                    tenth = int(float(value) * 10)
                    if logged < tenth < 10:
                        logged = tenth
                        logger.info(
                            "dictionary lookup: %d%% (%.0f s)",
                            10 * tenth,
                            time.monotonic() - started,
                        )
                elif kind == "done":
                    entries = int(value)
                elif kind == "error":
                    cause = value
        except BaseException:
            child.kill()
            raise
    if child.returncode != 0 or entries is None:
        if not cause:
            status = child.returncode
            cause = (
                f"the build process was killed by signal {-status}"
                if status < 0
                else f"the build process ended with exit status {status}"
            )
        raise DictionaryBuildError(f"could not build the dictionary lookup from {source}: {cause}")
    return entries


def _write_cache(source: Path, cache: Path, signature: str, first: bool) -> None:
    """Build the lookup from source and put it at cache in one atomic step."""
    logger.info(
        "building the dictionary lookup from %s (%s) ...",
        source,
        "first start only" if first else "the source file or the lookup format changed",
    )
    started = time.monotonic()
    # Readers must never see a half-written file: write next to it, then rename over it.
    fd, temporary = tempfile.mkstemp(prefix=f".{CACHE_NAME}.", suffix=".tmp", dir=cache.parent)
    os.close(fd)
    try:
        entries = _build_in_child(source, Path(temporary), signature)
        os.chmod(temporary, 0o644)  # mkstemp creates 0600; workers may run as another user
        os.replace(temporary, cache)
    except BaseException:
        # Also after a child that was killed and could not clean up itself.
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    logger.info(
        "dictionary lookup built in %.1f s: %d English words and phrases in %s",
        time.monotonic() - started,
        entries,
        cache,
    )


@contextlib.contextmanager
def _build_lock(cache: Path) -> Iterator[None]:
    """Serialise builds across processes so concurrent workers parse the source only once."""
    if fcntl is None:
        yield
        return
    with open(cache.with_name(cache.name + ".lock"), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            logger.info("waiting for another process to finish the dictionary lookup ...")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_GERMAN_STEM = Stemmer.Stemmer("german")
# "barred" -> "bar", "planned" -> "plan"; not "called" -> "cal" or "added" -> "ad".
_DOUBLED = re.compile(r"[^aeiou][aeiou]([bdgkmnprt])\1$")


def english_base_forms(word: str) -> list[str]:
    """Return the forms an inflected English word may be listed under, likeliest first:
    plural and third person ("-s", "-es", "-ies"), past ("-ed") and gerund ("-ing")."""
    forms: list[str] = []
    for ending, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("es", ("e", "")),
        ("s", ("",)),
        ("ed", ("e", "")),
        ("ing", ("e", "")),
    ):
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < 3 or word.endswith("ss"):
            continue
        if ending in ("ed", "ing") and _DOUBLED.search(stem):
            forms.append(stem[:-1])
        forms += [stem + r for r in replacements]
    return list(dict.fromkeys(forms))


# Endings the dictionary's listed forms take in use: a participle as an adjective
# ("anerkannte", "gestiegenen"), a plural of the past ("stiegen").
_GERMAN_ENDINGS = ("en", "em", "er", "es", "e")


def _inflected_bases(word: str, language: str) -> list[str]:
    """Return a word and the forms it may inflect, to look up as listed verb forms."""
    if language != "de":
        return [word]
    return [word, *(word[: -len(e)] for e in _GERMAN_ENDINGS if word.endswith(e))]


def _normalise(word: str) -> str:
    """Lookup key for caller input: lowercase, single spaces, typographic apostrophes unified."""
    return " ".join(word.replace("’", "'").lower().split()).strip(_EDGE_PUNCTUATION)


class Dictionary:
    """English -> German lookup over the compact SQLite table built from the Ding dictionary."""

    def __init__(self, path: Path | None, source: str | None) -> None:
        self.path = path
        self.source = source
        self.available = path is not None
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._pid = 0

    @classmethod
    def open(cls, source: Path | None, cache_dir: Path) -> Dictionary:
        """Open the compact lookup in cache_dir, building it from source first if missing or stale."""  # noqa: E501
        # Absolute, because SQLite file URIs cannot express relative paths.
        cache = Path(cache_dir).absolute() / CACHE_NAME
        source_path = Path(source) if source is not None else None
        signature = _source_signature(source_path)
        if source_path is None or signature is None:
            # Without a source an existing cache is still better than nothing.
            meta = _read_meta(cache)
            if meta is not None and _is_current(meta, None):
                return cls(cache, meta.get("source"))
            return cls(None, None)
        if not _is_current(_read_meta(cache), signature):
            cache.parent.mkdir(parents=True, exist_ok=True)
            with _build_lock(cache):
                # Another process may have finished the build while this one waited.
                meta = _read_meta(cache)
                if not _is_current(meta, signature):
                    _write_cache(source_path, cache, signature, first=meta is None)
        return cls(cache, str(source_path))

    def _reader(self) -> sqlite3.Connection:
        """The shared read-only connection, reopened after a fork (gunicorn preload)."""
        if self._connection is None or self._pid != os.getpid():
            assert self.path is not None
            # One connection per process, shared by its threads under self._lock.
            self._connection = _connect_read_only(self.path, shared=True)
            self._pid = os.getpid()
        return self._connection

    def _rows(self, query: str, parameters: tuple) -> list[str]:
        """Return the first column of a lookup; a broken cache answers nothing."""
        try:
            with self._lock:
                return [row for (row,) in self._reader().execute(query, parameters)]
        except sqlite3.Error as error:
            # A deleted or corrupted cache degrades to "no translation", not a failed request.
            logger.warning("dictionary lookup failed in %s: %s", self.path, error)
            return []

    def translate(self, word: str, limit: int = 4) -> list[str]:
        """Return German translations of an English word or phrase, most common sense first.

        A word the dictionary does not list as written is looked up by its base forms
        ("projections" -> "projection", "halted" -> "halt"), and by its verb ("began").
        """
        if not self.available or limit <= 0:
            return []
        key = _normalise(word)
        if not key:
            return []
        # A sentence-final "." is not part of the word, but "etc." or "u.s." keep theirs.
        keys = [key, key.rstrip(".")] if key.endswith(".") and key.rstrip(".") else [key]
        if " " not in key:
            keys += english_base_forms(key) + self._verbs_of(key, "en")  # "began" -> begin
        else:  # a phrase by the base forms of its last word: "peak hours" -> "peak hour"
            head, last = key.rsplit(" ", 1)
            keys += [f"{head} {form}" for form in english_base_forms(last)]
        for candidate in keys:
            rows = self._rows(
                "SELECT german FROM translation WHERE english = ? ORDER BY rank LIMIT ?",
                (candidate, limit),
            )
            if rows:
                return rows
        return []

    def translate_back(self, word: str, limit: int = 4) -> list[str]:
        """Return English translations of a German word, most common sense first.

        A form the dictionary does not list ("Bewohnern", "indische") is looked up by its
        stem, entries of the same case (noun or not) first; a verb form it lists without a
        translation of its own ("galt") by its verb.
        """
        if not self.available or limit <= 0:
            return []
        key = " ".join(word.split())
        rows = self._translate_back(key, limit)
        if not rows and key.islower() and " " not in key:
            for verb in self._verbs_of(key, "de"):  # "galt" -> gelten
                rows = self._translate_back(verb, limit)
                if rows:
                    break
        return list(dict.fromkeys(rows))

    def _translate_back(self, key: str, limit: int) -> list[str]:
        """Return the translations of a German word as written, else of its stem."""
        rows = self._rows(
            "SELECT english FROM translation WHERE german IN (?, ?)"
            " ORDER BY rank, length(english) LIMIT ?",
            (key, key[:1].upper() + key[1:], limit),
        )
        if not rows and key and " " not in key:
            rows = self._rows(
                "SELECT english FROM translation WHERE german_stem = ?"
                " ORDER BY substr(german, 1, 1) != ?, rank, length(english) LIMIT ?",
                (_GERMAN_STEM.stemWord(key.lower()), key[:1], limit),
            )
        return rows

    def _verbs_of(self, word: str, language: str) -> list[str]:
        """Return the verbs a lower-case word is a listed form of (maybe inflected)."""
        for key in _inflected_bases(word, language):
            rows = self._rows(
                "SELECT verb FROM verb_form WHERE language = ? AND form = ? AND verb != ?",
                (language, key, key),
            )
            if rows:
                return rows
        return []

    def verb_forms(self, word: str, language: str) -> list[str]:
        """Return the forms of the verbs a lower-case word is a form of ("stieg": "steigen",
        "gestiegen", "steigt" ...), the word's own first; empty for any other word."""
        if not self.available:
            return []
        for key in _inflected_bases(word, language):
            rows = self._rows(
                "SELECT DISTINCT form FROM verb_form INDEXED BY verb_form_by_verb"
                " WHERE language = ? AND verb IN"
                " (SELECT verb FROM verb_form WHERE language = ? AND form = ?) LIMIT ?",
                (language, language, key, MAX_VERB_FORMS),
            )
            if rows:
                return [word, *(r for r in rows if r != word)]
        return []

    def words(self, kind: str) -> frozenset[str]:
        """Return the single words of one kind ("de-noun", "de", "en"); empty without a lookup."""
        if not self.available:
            return frozenset()
        return frozenset(self._rows("SELECT word FROM vocabulary WHERE kind = ?", (kind,)))

    @property
    def signature(self) -> str:
        """Return what identifies this lookup's content: its source file, or "none"."""
        if not self.available or self.path is None:
            return "none"
        return f"{SCHEMA_VERSION}:{(_read_meta(self.path) or {}).get('signature')}"

    def close(self) -> None:
        """Close the connection; translate() reopens it on demand."""
        with self._lock:
            if self._connection is not None and self._pid == os.getpid():
                self._connection.close()
            self._connection = None


if __name__ == "__main__":
    sys.exit(_build_main(sys.argv[1:]))
