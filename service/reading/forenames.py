"""Given names, to read a person's name whose parts are common words too ("Rose
Kovacic", "Thomas Schneider", "Grant Whitfield").

The list is Jörg Michael's table of first names (about 48,000 names with their frequency in
each of some fifty countries) as the gender-guesser package ships it. A name is kept where it
is more than rare in at least one country: the rarest are more often words of other kinds
than names.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files

# Frequencies are written as one hexadecimal digit per country, 1 (rarest) to 13 (very common).
MIN_FREQUENCY = 3
NAME_COLUMNS = slice(3, 29)
FREQUENCY_COLUMNS = slice(30, 85)
HEX = frozenset("0123456789abcdefABCDEF")


@cache
def given_names() -> frozenset[str]:
    """Return the given names, lower case (none where the package is not installed)."""
    try:
        table = files("gender_guesser").joinpath("data", "nam_dict.txt")
        lines = table.read_text("utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    out = set()
    for line in lines:
        if line.startswith(("#", "=")):
            continue  # comments and lines that make two spellings one name
        name = line[NAME_COLUMNS].strip()
        if not name or "+" in name or " " in name:
            continue  # compound names ("Jean+Pierre") are read in parts
        frequencies = [int(c, 16) for c in line[FREQUENCY_COLUMNS] if c in HEX]
        if frequencies and max(frequencies) >= MIN_FREQUENCY:
            out.add(name.lower())
    return frozenset(out)


@cache
def given_names_digest() -> str:
    """Return a digest of the given names: an index read with other names is read anew."""
    return hashlib.sha256("\n".join(sorted(given_names())).encode()).hexdigest()[:16]
