"""whodid: news stories to political event data: who did what to whom, when and where, with the words that say so.

    import whodid
    coder = whodid.Coder()
    events = coder.code_text(text, published="2025-09-27")
    whodid.tag_times(text, published="2025-09-27")
    whodid.geoparse(text)
    whodid.resolve_actor("Kim Jong Un", date="2019-06-30")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whodid.model import Actor, Article, Event, Place, Timex, Trigger

__version__ = "0.1.0"

__all__ = ["Actor", "Article", "Coder", "Event", "Place", "Timex", "Trigger", "geoparse", "resolve_actor", "tag_times",
           "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from whodid.actors import resolve_actor
    from whodid.coder import Coder
    from whodid.geo import geoparse
    from whodid.timex import tag_times

_LAZY = {"Coder": "whodid.coder", "tag_times": "whodid.timex", "geoparse": "whodid.geo",
         "resolve_actor": "whodid.actors"}


def __getattr__(name: str) -> Any:
    """Import heavy parts (spaCy, gazetteer) only when used: `import whodid` stays fast."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'whodid' has no attribute {name!r}")
