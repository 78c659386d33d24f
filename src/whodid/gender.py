"""A named person's gender as the words of a story tell it, for pronoun resolution.

English pronouns carry gender ("he", "she"); the names they point back to often do too: an honorific or a gendered
title ("Mrs May", "Queen Rania", "the spokeswoman") or a given name ("Angela Merkel"). ``phrase_gender`` reads those
words; a phrase with none has no gender (None) and fits either pronoun. The word lists are data:
``data/gender.yaml`` and ``data/given_names.tsv``.

    >>> phrase_gender("Chancellor Angela Merkel")
    'f'
    >>> fits("she", "President Donald Trump")
    False
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from whodid.resources import load_tsv, load_yaml

__all__ = ["GenderWords", "pronoun_gender", "phrase_gender", "fits"]

_WORD = re.compile(r"[\w.'’-]+")


@dataclass(frozen=True)
class GenderWords:
    pronouns: dict[str, str]  # pronoun -> "m" / "f"
    markers: dict[str, str]  # honorific, title or noun -> "m" / "f"
    given_names: dict[str, str]  # lowercased given name -> "m" / "f"

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "GenderWords":
        raw = load_yaml("gender.yaml")

        def by_word(table: dict[str, list[str]]) -> dict[str, str]:
            return {_folded(str(w)): str(g) for g, words in table.items() for w in words}

        names = {_folded(row["name"]): row["gender"] for row in load_tsv("given_names.tsv")}
        return cls(by_word(raw["pronouns"]), by_word(raw["markers"]), names)


def _folded(word: str) -> str:
    """Lowercased, accents removed: "François" -> "francois", "Señora" -> "senora"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _possessor(word: str) -> str:
    """"angela's" -> "angela"."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def pronoun_gender(word: str, words: GenderWords | None = None) -> str | None:
    """"m" for "he"/"his", "f" for "she"/"her", None for any other word."""
    return (words or GenderWords.default()).pronouns.get(word.lower())


def phrase_gender(text: str, name: str | None = None, words: GenderWords | None = None) -> str | None:
    """The gender a person's phrase tells (its words as written, then the knowledge base's ``name`` for it): the
    first honorific or gendered noun, else the first capitalised given name; None when nothing tells."""
    words = words or GenderWords.default()
    for source in (text, name or ""):
        tokens = [(token, _possessor(_folded(token))) for token in _WORD.findall(source)]
        for _, word in tokens:
            if word in words.markers:
                return words.markers[word]
        for token, word in tokens:
            if token[:1].isupper() and word in words.given_names:
                return words.given_names[word]
    return None


def fits(pronoun: str, text: str, name: str | None = None, words: GenderWords | None = None) -> bool:
    """Whether ``pronoun`` can point back to the person named by ``text`` (and known as ``name``): not when both
    carry a gender and the genders differ."""
    wanted = pronoun_gender(pronoun, words)
    if wanted is None:
        return True
    told = phrase_gender(text, name, words)
    return told is None or told == wanted
