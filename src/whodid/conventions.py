"""Coding conventions: whodid's own (an act with its status) and CAMEO's (an announcement is its own event).

whodid codes "Norway will give Malawi a grant" as AID with status ``future``: the act, marked as not yet done.
CAMEO and PLOVER code the same sentence as what happened on the day, a statement of intent (033, AGREE); a
future hostile act ("fishing crews said they would blockade the port") is a threat (13x, THREATEN). Likewise
whodid codes "the ministry will not ease the embargo" as the easing (RETREAT) with status ``negated``, where CAMEO
codes the refusal (124x, REJECT): a cooperative act declined or not achieved ("could not agree on a deal") is a
rejection; a hostile act not done ("did not attack") is no event of its own and stays as coded. An act that is
the content of an accusation ("accused Togo of shelling villages", status ``alleged``) is no event of its own
under CAMEO's rules either: the accusation (112) is the event; nor is an act only possible or asked for (status
``hypothetical``: "demanded that X withdraw" is the demand, 10x; "talks could take place" no event at all), except a
hostile act held out on a condition ("X said it may halt mediation if Y keeps attacking"): that is a threat (13x) by
X to Y.
:func:`apply_convention` turns whodid's events into that reading, so exports and scores line up with data coded
by CAMEO's rules. The maps are data: the ``announcement_table``, ``refusal_table`` and ``threat_table`` of
``triggers.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from whodid.model import Event
from whodid.ontology import Ontology
from whodid.triggers import TriggerLexicon

CONVENTIONS = ("whodid", "cameo")
# Statuses whose acts are no event of their own under CAMEO's rules: the content of an accusation (alleged: the
# accusation is the event) and acts only possible, asked for or conditional (hypothetical: "demanded that X
# withdraw" is the demand; "talks could take place" is nothing that happened). Dropping every hypothetical act,
# not only a directive's content, scored better on all three CAMEO-coded sets (GSR, ConfliBERT, PLV).
NO_EVENT_STATUSES = frozenset({"alleged", "hypothetical"})


def announced(event: Event, lexicon: TriggerLexicon, ontology: Ontology) -> Event:
    """The event as CAMEO codes it: a future act becomes the asserted announcement of it; others unchanged."""
    if event.status != "future" or not event.cameo:
        return event
    code = lexicon.announced_code(event.cameo)
    event_type = ontology.plover_type(code) if code else None
    if not code or not event_type or code == event.cameo:
        return event
    return _recoded(event, code, event_type, ontology)


def refused(event: Event, lexicon: TriggerLexicon, ontology: Ontology) -> Event:
    """The event as CAMEO codes it: a negated cooperative act becomes the asserted rejection of it; others
    unchanged."""
    if event.status != "negated" or not event.cameo:
        return event
    code = lexicon.refused_code(event.cameo)
    event_type = ontology.plover_type(code) if code else None
    if not code or not event_type:
        return event
    return _recoded(event, code, event_type, ontology)


def threatened(event: Event, sentence: list[Event], lexicon: TriggerLexicon, ontology: Ontology) -> Event | None:
    """The event as CAMEO codes it when it is a hostile act held out on a condition ("X said it may halt mediation if Y
    keeps attacking"): the asserted threat (13x) by its actor, aimed at the actors of the condition when the act names
    no recipient; None for other events. ``sentence``: the events of the same sentence."""
    if event.status != "hypothetical" or not event.cameo or not event.actors:
        return None
    code = lexicon.threatened_code(event.cameo)
    event_type = ontology.plover_type(code) if code else None
    if not code or not event_type:
        return None
    conditions = _condition_spans(event.text, lexicon.threat_conditions)
    where = _sentence_position(event)
    if not conditions or where is None or any(lo <= where < hi for lo, hi in conditions):
        return None  # no condition, or the act is the condition itself ("if Y keeps attacking")
    recipients = event.recipients or [actor for other in sentence if other is not event
                                      for position in [_sentence_position(other)] if position is not None
                                      and any(lo <= position < hi for lo, hi in conditions)
                                      for actor in other.actors]
    return replace(_recoded(event, code, event_type, ontology), recipients=list(recipients))


def _condition_spans(sentence: str, marks: frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the sentence's conditional clauses: from the mark to the next comma when the clause comes
    first ("If Y attacks, X will ..."), else to the sentence's end ("X may halt mediation if Y keeps attacking")."""
    spans = []
    for match in re.finditer(r"\b(\w+)\b", sentence):
        if match.group(1).lower() not in marks:
            continue
        comma = sentence.find(",", match.end())
        fronted = not sentence[:match.start()].strip(" \"'“‘(") and comma >= 0
        spans.append((match.start(), comma if fronted else len(sentence)))
    return spans


def _sentence_position(event: Event) -> int | None:
    """Where the event's trigger stands in its sentence (its first spelling there), or None when it is not found."""
    at = event.text.find(event.trigger.text) if event.trigger.text else -1
    return at if at >= 0 else None


def _recoded(event: Event, code: str, event_type: str, ontology: Ontology) -> Event:
    return replace(event, cameo=code, event_type=event_type, mode=ontology.plover_mode(code),
                   quad_class=ontology.quad_class(code), goldstein=ontology.goldstein(code), status="asserted")


def apply_convention(events: Iterable[Event], convention: str = "whodid", lexicon: TriggerLexicon | None = None,
                     ontology: Ontology | None = None) -> list[Event]:
    """``events`` under ``convention`` ("whodid": as coded; "cameo": announcements and refusals as events)."""
    if convention not in CONVENTIONS:
        raise ValueError(f"unknown convention {convention!r} (choose from {', '.join(CONVENTIONS)})")
    events = list(events)
    if convention == "whodid":
        return events
    lexicon = lexicon or TriggerLexicon.default()
    ontology = ontology or Ontology.default()
    by_sentence: dict[tuple[str, int], list[Event]] = {}
    for event in events:
        by_sentence.setdefault((event.story_id, event.sentence_id), []).append(event)
    out = []
    for event in events:
        threat = threatened(event, by_sentence[(event.story_id, event.sentence_id)], lexicon, ontology)
        if threat is not None:
            out.append(threat)
        elif event.status not in NO_EVENT_STATUSES:
            out.append(refused(announced(event, lexicon, ontology), lexicon, ontology))
    return out
