"""Where a named gathering takes place, as the story tells it, for events held at it.

"A meeting on the sidelines of the Apec summit in South Korea" gives only the country; a later sentence, "the
forum, which will take place in the South Korean city of Gyeongju", gives the city. The story's venues are keyed by
the gathering's organiser (an IGO such as APEC) or, failing that, by the gathering noun itself ("summit").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from whodid.geo import attached, settings
from whodid.model import Place
from whodid.resources import load_yaml


@dataclass(frozen=True)
class VenueRules:
    gathering_nouns: frozenset[str]
    venue_verbs: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "VenueRules":
        raw = load_yaml("venues.yaml")
        return cls(frozenset(raw["gathering_nouns"]), frozenset(raw["venue_verbs"]))


@dataclass
class StoryVenues:
    """The venues a story gives, and the last named gathering of each kind ("the forum" -> APEC)."""

    resolve_name: object  # callable(phrase) -> str | None: an IGO key for a gathering's modifiers
    rules: VenueRules = field(default_factory=VenueRules.default)
    places: dict[str, Place] = field(default_factory=dict)
    _last_key: dict[str, str] = field(default_factory=dict)

    def key(self, noun: Token) -> str | None:
        """The gathering's key: its organiser if named ("Apec summit"), else the last one of that kind."""
        if noun.lemma_.lower() not in self.rules.gathering_nouns:
            return None
        modifiers = [t for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN"]
        if modifiers:
            name = self.resolve_name(noun.doc[modifiers[0].i:noun.i].text)
            if name:
                self._last_key[noun.lemma_.lower()] = name
                return name
        # only a bare definite reference ("the forum") points back to the last named one; "the first summit"
        # is another gathering
        left = [c for c in noun.children if c.i < noun.i]
        if left and all(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in left):
            return self._last_key.get(noun.lemma_.lower())
        return None

    def observe(self, sent: Span, places: list[Place], offset: int = 0) -> None:
        """Remember "<gathering> ... takes place / is held in <place>" (also through "which"). ``places`` carry
        offsets into the sentence's doc; ``offset`` moves the remembered place into the story text."""
        for token in sent:
            if token.lemma_.lower() not in self.rules.venue_verbs or not places:
                continue
            gathering = self._gathering_of(token)
            if gathering is None:
                continue
            key = self.key(gathering)
            place = self._place_in(token, places)
            if key and place:
                self.places[key] = place.shifted(offset)

    def _gathering_of(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                # "the forum, which will take place in X": "which" stands for the noun the clause hangs on
                noun = verb.head if child.tag_ == "WDT" and verb.dep_ == "relcl" else child
                if noun.lemma_.lower() in self.rules.gathering_nouns:
                    return noun
        return None

    @staticmethod
    def _place_in(verb: Token, places: list[Place]) -> Place | None:
        """The most specific place inside the verb's prepositional phrases (a city before its country).
        ``places`` carry offsets into the verb's doc."""
        spans = [(t.idx, t.idx + len(t)) for p in verb.children if p.dep_ == "prep" for t in p.subtree]
        if not spans:
            return None
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
        inside = [p for p in places if lo <= p.start and p.end <= hi]
        order = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
        return min(inside, key=lambda p: (order.get(p.feature or "", 6), -p.start), default=None)

    def gatherings_under(self, head: Token) -> list[str]:
        """Keys of the gatherings named inside a phrase or clause (an event held "at the forum")."""
        keys = []
        for token in head.subtree:
            if token.i != head.i and token.lemma_.lower() in self.rules.gathering_nouns:
                key = self.key(token)
                if key:
                    keys.append(key)
        return keys

    def refine(self, location: Place | None, keys: list[str]) -> Place | None:
        """A gathering's venue replaces a missing place, or the venue's country named as the place."""
        for key in keys:
            venue = self.places.get(key)
            if venue is None:
                continue
            if location is None or (location.feature == "country" and location.country == venue.country):
                return attached(venue, settings()["attachment_confidence"]["venue"])
        return location
