"""Helpers shared by the event tests (imported by name: pytest puts this folder on the path of its test modules)."""
from __future__ import annotations

from typing import Any

from whodid.triggers import TriggerLexicon


def sense(lexicon: TriggerLexicon, nlp: Any, sentence: str, word: str) -> tuple[str, str] | None:
    """(event type, CAMEO code) of the first token spelled ``word`` in the sentence, or None."""
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    entry = lexicon.match(token)
    return None if entry is None else (entry.event_type, entry.cameo)


def of_type(coder: Any, text: str, event_type: str, published: str) -> list[Any]:
    """The events of ``event_type`` the coder makes of ``text``, in text order."""
    return [e for e in coder.code_text(text, published=published) if e.event_type == event_type]


def one_event(coder: Any, text: str, event_type: str, published: str) -> Any:
    """The first event of ``event_type`` the coder makes of ``text``; fails, listing what it made, when none."""
    found = of_type(coder, text, event_type, published)
    assert found, f"no {event_type} event in {text!r}: " \
        f"{[e.event_type for e in coder.code_text(text, published=published)]}"
    return found[0]


def side_codes(actors: list[Any]) -> list[str]:
    """The country of each actor of a side, else its code."""
    return [a.country or a.code for a in actors]
