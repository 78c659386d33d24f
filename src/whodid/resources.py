"""Reading the package's knowledge files under ``whodid/data`` (ontology, lexicons, actors, places)."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

import yaml


class KnowledgeLoader(yaml.SafeLoader):
    """YAML with only ``true``/``false`` as booleans (as in YAML 1.2). PyYAML's default reads the words "on",
    "off", "yes" and "no" as booleans, and word lists are full of them ("call on", "recipient_preps: [on]")."""


KnowledgeLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
KnowledgeLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def parse_yaml(stream: str | IO[str]) -> Any:
    """Parse a knowledge YAML document (packaged or a user's) with :class:`KnowledgeLoader`."""
    return yaml.load(stream, Loader=KnowledgeLoader)  # noqa: S506 - a SafeLoader subclass


def data_path(name: str) -> Path:
    """Path of a file shipped in ``whodid/data``."""
    return Path(str(resources.files("whodid") / "data" / name))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parsed YAML of a data file (cached: knowledge is loaded once per process)."""
    with data_path(name).open(encoding="utf-8") as handle:
        return parse_yaml(handle)


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with '#' are comments."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [dict(row) for row in csv.DictReader(lines, delimiter="\t")]


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file shipped with the package (cached)."""
    return tuple(read_tsv(data_path(name)))
