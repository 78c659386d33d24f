"""Shared fixtures: one spaCy pipeline and one Coder per test session (loading them is the slow part)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared/data is not present on this machine")


@pytest.fixture(scope="session")
def nlp():
    from whodid.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def coder():
    from whodid.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def gaz():
    from whodid.geo import Gazetteer

    return Gazetteer.default()
