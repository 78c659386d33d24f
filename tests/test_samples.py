"""The bundled sample stories against their hand-coded key events (samples/gold.yaml).

The floors sit a little under the figures measured when this test was written (benchmarks/samples_eval.py prints
them); a change that loses accuracy on the samples fails here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from whodid.evaluate import load_gold, score_events
from whodid.ingest import read_inputs

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def coded(coder):
    articles = list(read_inputs([SAMPLES / "stories.jsonl"]))
    return {a.id: (a, events) for a, events in coder.code_articles(articles)}


def test_key_events_found_with_their_fields(coded):
    report = score_events(load_gold(SAMPLES / "gold.yaml"), {k: v[1] for k, v in coded.items()})
    assert report.events.recall >= 0.85
    assert report.fields["sides"].f1 >= 0.78
    assert report.fields["date"].precision >= 0.95
    assert report.fields["status"].precision >= 0.95
    assert report.fields["location"].f1 >= 0.75


def test_no_event_from_page_furniture(coded):
    furniture = yaml.safe_load((SAMPLES / "gold.yaml").read_text(encoding="utf-8"))["no_events_from"]
    for story_id, lines in furniture.items():
        article, events = coded[story_id]
        for line in lines:
            assert line not in article.text
            assert all(line not in e.text for e in events)
