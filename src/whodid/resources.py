"""Reading the package's knowledge files under ``whodid/data`` (ontology, lexicons, actors, places)."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def data_path(name: str) -> Path:
    """Path of a file shipped in ``whodid/data``."""
    return Path(str(resources.files("whodid") / "data" / name))


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parsed YAML of a data file (cached: knowledge is loaded once per process)."""
    with data_path(name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with '#' are comments."""
    with Path(path).open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [dict(row) for row in csv.DictReader(lines, delimiter="\t")]


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file shipped with the package (cached)."""
    return tuple(read_tsv(data_path(name)))
