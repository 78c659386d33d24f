"""Coding conventions: whodid's own (an act with its status) and CAMEO's (an announcement is its own event).

whodid codes "Norway will give Malawi a grant" as AID with status ``future``: the act, marked as not yet done.
CAMEO and PLOVER code the same sentence as what happened on the day, a statement of intent (033, AGREE); a
future hostile act ("fishing crews said they would blockade the port") is a threat (13x, THREATEN). :func:`cameo_convention` turns
whodid's events into that reading, so exports and scores line up with data coded by CAMEO's rules. The map
from act to announcement is data: the ``announcement_table`` of ``triggers.yaml``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from whodid.model import Event
from whodid.ontology import Ontology
from whodid.triggers import TriggerLexicon

CONVENTIONS = ("whodid", "cameo")


def announced(event: Event, lexicon: TriggerLexicon, ontology: Ontology) -> Event:
    """The event as CAMEO codes it: a future act becomes the asserted announcement of it; others unchanged."""
    if event.status != "future" or not event.cameo:
        return event
    code = lexicon.announced_code(event.cameo)
    event_type = ontology.plover_type(code) if code else None
    if not code or not event_type or code == event.cameo:
        return event
    return replace(event, cameo=code, event_type=event_type, mode=ontology.plover_mode(code),
                   quad_class=ontology.quad_class(code), goldstein=ontology.goldstein(code), status="asserted")


def apply_convention(events: Iterable[Event], convention: str = "whodid", lexicon: TriggerLexicon | None = None,
                     ontology: Ontology | None = None) -> list[Event]:
    """``events`` under ``convention`` ("whodid": as coded; "cameo": announcements as events)."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r} (choose from {', '.join(CONVENTIONS)})")
    events = list(events)
    if convention == "whodid":
        return events
    lexicon = lexicon or TriggerLexicon.default()
    ontology = ontology or Ontology.default()
    return [announced(e, lexicon, ontology) for e in events]
