"""Story genres that tell of no political events (data/genres.yaml): a match report's "Rovers beat United" is no
assault. :func:`story_genre` names the genre a story reads as, if any; the coder leaves the genres in
``GenreRules.skipped`` uncoded unless told otherwise (``Coder(skip_genres=())``, ``whodid code --all-genres``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from whodid.resources import load_yaml


@dataclass(frozen=True)
class Genre:
    """One genre's test: enough of its words, and enough different ones, in a long enough story."""

    name: str
    min_words: int
    min_density: float  # genre words per 1,000 words
    min_distinct: int
    words: re.Pattern[str]

    def fits(self, text: str) -> bool:
        n_words = len(text.split())
        if n_words < self.min_words:
            return False
        found = [w.lower() for w in self.words.findall(text)]
        return 1000 * len(found) / n_words >= self.min_density and len(set(found)) >= self.min_distinct


@dataclass(frozen=True)
class GenreRules:
    genres: tuple[Genre, ...]
    skipped: frozenset[str]  # the genres not coded by default

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "GenreRules":
        data = load_yaml("genres.yaml")
        genres = tuple(
            Genre(str(name), int(spec["min_words"]), float(spec["min_density"]), int(spec["min_distinct"]),
                  re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in spec["words"]) + r")\b", re.IGNORECASE))
            for name, spec in data["genres"].items())
        skipped = frozenset(str(g) for g in data.get("skipped") or [])
        unknown = skipped - {g.name for g in genres}
        if unknown:
            raise ValueError(f"genres.yaml: skipped genres with no rule: {sorted(unknown)}")
        return cls(genres, skipped)


def story_genre(text: str, title: str | None = None, rules: GenreRules | None = None) -> str | None:
    """The first genre whose test the story (headline and body) passes, else None."""
    rules = rules or GenreRules.default()
    full = f"{title}\n{text}" if title else text
    return next((g.name for g in rules.genres if g.fits(full)), None)
