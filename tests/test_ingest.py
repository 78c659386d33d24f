"""Ingest: page furniture, headline, publication date, and every input kind (texts are invented)."""
from __future__ import annotations

import io
import json
import logging
import sys
import types
from pathlib import Path

import pytest

from whodid.ingest import InputError, article_from_text, is_furniture, normalise_date, read_inputs

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

BODY = (
    "ARVALE – The foreign ministers of Arvenia and Boravia met on Tuesday to discuss the disputed river border.\n"
    "Officials from both sides said the talks were useful and that a second round would be held next month.\n"
    "The two countries have argued over the river since a flood changed its course in 1998.\n"
)
PAGE = (
    "Arvenia and Boravia hold border talks\n"
    "Sign up now: Get the Daily Courier's newsletters delivered to your inbox\n"
    "The ministers shake hands before the meeting in Arvale.\n"
    "PHOTO: AFP\n"
    "Follow topic:\n"
    + BODY +
    "READ MORE: Flood season begins early\n"
    "Share this article\n"
    "Advertisement\n"
    "“We want a lasting settlement,” a Boravian diplomat said. AFP\n"
    "AFP\n"
    "© 2025 Daily Courier. All rights reserved.\n"
)


@pytest.fixture()
def no_inference(monkeypatch: pytest.MonkeyPatch) -> None:
    """No timex module: inference falls back to None (import fails)."""
    monkeypatch.setitem(sys.modules, "whodid.timex", None)


def _skips() -> tuple[list[tuple[str, str]], object]:
    seen: list[tuple[str, str]] = []
    return seen, lambda origin, reason: seen.append((origin, reason))


# --- article_from_text ------------------------------------------------------------------------------
def test_furniture_removed_headline_taken_dateline_kept(no_inference: None) -> None:
    article = article_from_text(PAGE)
    assert article.title == "Arvenia and Boravia hold border talks"
    lines = article.text.split("\n")
    assert lines[0] == "The ministers shake hands before the meeting in Arvale."  # caption is kept
    assert lines[1].startswith("ARVALE – The foreign ministers")  # dateline is body text
    assert lines[-1] == "“We want a lasting settlement,” a Boravian diplomat said. AFP"  # glued credit stays
    for furniture in ("Sign up", "PHOTO", "Follow topic", "READ MORE", "Share this", "Advertisement",
                      "©", "rights reserved"):
        assert furniture not in article.text
    assert "AFP" not in lines  # the bare credit line is gone
    assert len(lines) == 5 and article.published is None and article.published_source is None


@pytest.mark.parametrize("line", [
    "Subscribe to our morning briefing", "Click here to read the full report", "Listen to this article",
    "Related: Dam talks stall", "Most read", "(Reuters)", "Reuters", "AFP, Reuters", "- AFP",
    "ST PHOTO: JANE ROE", "By Jane Roe and John Doe", "Copyright 2024 Courier Media", "3 min read",
])
def test_furniture_lines(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "SEOUL –", "ARVALE, Sept 26 (Reuters) - Troops crossed the river at dawn.",
    "Related legislation was passed by the assembly last year.", "By Monday, the talks had stalled.",
    "Copyright law was changed in 2021.", "The agency AFP said the talks would resume.",
])
def test_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_headline_rules(no_inference: None) -> None:
    sentence_first = "The ministers met on Tuesday.\nThey agreed to meet again."
    assert article_from_text(sentence_first).title is None
    assert article_from_text(sentence_first, headline_from_first_line=False).text == sentence_first
    only_line = article_from_text("Border talks resume in Arvale")
    assert only_line.title is None and only_line.text == "Border talks resume in Arvale"
    given = article_from_text("Border talks resume\nThe ministers met on Tuesday.", title="Border talks resume")
    assert given.title == "Border talks resume" and given.text == "The ministers met on Tuesday."
    assert article_from_text("ARVALE –\nTroops crossed the river at dawn.").title is None


def test_newlines_and_spaces_normalised(no_inference: None) -> None:
    article = article_from_text("Talks resume in Arvale\r\n\r\nThe\u00a0ministers  met.\rThey\u200b agreed.\u2028Done.")
    assert article.title == "Talks resume in Arvale"
    assert article.text == "The ministers met.\nThey agreed.\nDone."


def test_hard_wrapped_text_is_rejoined(no_inference: None) -> None:
    wrapped = (
        "ARVALE, March 3 - The government of Arvenia said on Monday\n"
        "that it would cut grain exports to its neighbours after a poor\n"
        "harvest, officials in the capital told reporters.\n"
        "    The decision follows a dry summer and an early frost in the\n"
        "northern provinces, the agriculture ministry said in a\n"
        "statement.\n"
    )
    article = article_from_text(wrapped)
    assert article.text.split("\n") == [
        "ARVALE, March 3 - The government of Arvenia said on Monday that it would cut grain exports to its "
        "neighbours after a poor harvest, officials in the capital told reporters.",
        "The decision follows a dry summer and an early frost in the northern provinces, the agriculture "
        "ministry said in a statement.",
    ]


# --- publication date ---------------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["2025-09-27", "27 September 2025", "2025-09-27T08:00:00Z", "Sept 27, 2025",
                                   "2025-09-27 23:30:00+09:00"])
def test_normalise_date(value: str) -> None:
    assert normalise_date(value) == "2025-09-27"


@pytest.mark.parametrize("value", ["yesterday", "next week", "2025-13-45", "", "September"])
def test_normalise_date_rejects(value: str) -> None:
    assert normalise_date(value) is None


def test_published_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.ModuleType("whodid.timex")
    fake.infer_publication_date = lambda text: "2025-09-20"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "whodid.timex", fake)
    text = "The ministers met on Tuesday.\nThey agreed to meet again."
    given = article_from_text(text, published="27 September 2025")
    assert (given.published, given.published_source) == ("2025-09-27", "given")
    meta = article_from_text(text, published="2025-09-26T10:00:00Z", published_source="metadata")
    assert (meta.published, meta.published_source) == ("2025-09-26", "metadata")
    page_line = article_from_text("Published: 25 September 2025\n" + text)
    assert (page_line.published, page_line.published_source) == ("2025-09-25", "metadata")
    assert "Published" not in page_line.text
    inferred = article_from_text(text)
    assert (inferred.published, inferred.published_source) == ("2025-09-20", "inferred")
    with pytest.raises(InputError, match="not a date"):
        article_from_text(text, published="sometime")


def test_inference_unavailable_gives_none(no_inference: None) -> None:
    article = article_from_text("The ministers met on Tuesday.")
    assert article.published is None and article.published_source is None


# --- readers ------------------------------------------------------------------------------------------
def test_text_markdown_and_folder(tmp_path: Path, no_inference: None) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("\ufeff" + BODY, encoding="utf-8")  # BOM is dropped
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    articles = list(read_inputs([tmp_path], published="2025-09-27"))
    assert [Path(a.origin).name for a in articles] == ["a.txt", "two.md"]
    assert articles[0].text == BODY.strip() and articles[0].text.startswith("ARVALE")
    assert all(a.published == "2025-09-27" and a.published_source == "given" for a in articles)
    assert articles[0].id == articles[1].id  # same text, same stable id


def test_cp1252_fallback(tmp_path: Path, no_inference: None, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("The minister’s café visit was cancelled on Tuesday.".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="whodid.ingest"):
        (article,) = read_inputs([path])
    assert article.text == "The minister’s café visit was cancelled on Tuesday."
    assert "cp1252" in caplog.text


def test_html_with_metadata(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.strip().split("\n"))
    page = (
        "<html><head><title>Border talks | Daily Courier</title>"
        '<meta property="og:title" content="Arvenia and Boravia hold border talks">'
        '<meta property="article:published_time" content="2025-09-24T06:00:00Z"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Arvenia and Boravia hold border talks</h1>"
        f"{paragraphs}<p>Share this article</p></article>"
        "<footer>© 2025 Daily Courier. All rights reserved.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (article,) = read_inputs([path])
    assert article.title == "Arvenia and Boravia hold border talks"
    assert (article.published, article.published_source) == ("2025-09-24", "metadata")
    assert article.text == BODY.strip()  # headline and furniture gone, one paragraph per line
    (given,) = read_inputs([path], published="2025-09-30")
    assert (given.published, given.published_source) == ("2025-09-30", "given")


def test_jsonl_malformed_line_skipped_rest_kept(tmp_path: Path, no_inference: None,
                                                 caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "batch.jsonl"
    records = [
        json.dumps({"id": 7, "title": "Talks", "text": BODY, "published": "2025-09-26T10:00:00",
                    "source": "Courier", "url": "https://example.org/a"}),
        '{"id": "broken", "text": ',
        "",
        json.dumps({"id": "x2", "body": BODY, "date": "24 September 2025"}),
        json.dumps({"id": "x3", "content": "  "}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    skipped, on_skip = _skips()
    with caplog.at_level(logging.WARNING, logger="whodid.ingest"):
        articles = list(read_inputs([path], on_skip=on_skip))
    assert [a.id for a in articles] == ["7", "x2"]
    first, second = articles
    assert (first.title, first.source, first.url, first.origin) == ("Talks", "Courier", "https://example.org/a",
                                                                     f"{path}:1")
    assert (first.published, first.published_source) == ("2025-09-26", "metadata")
    assert (second.published, second.origin) == ("2025-09-24", f"{path}:4")
    reasons = dict(skipped)
    assert "malformed JSON" in reasons[f"{path}:2"]
    assert reasons[f"{path}:5"] == "empty text" and "not a JSON object" in reasons[f"{path}:6"]
    assert f"{path}:2" in caplog.text


def test_csv(tmp_path: Path, no_inference: None) -> None:
    path = tmp_path / "batch.csv"
    quoted = BODY.replace('"', '""')
    path.write_text(f'ID,Title,Body,Date\nc1,Talks,"{quoted}",2025-09-25\nc2,Empty,,\n', encoding="utf-8")
    skipped, on_skip = _skips()
    (article,) = read_inputs([path], on_skip=on_skip)
    assert (article.id, article.title, article.published) == ("c1", "Talks", "2025-09-25")
    assert article.text == BODY.strip() and article.origin.startswith(f"{path}:")
    assert [reason for _, reason in skipped] == ["empty text"]


def test_bad_inputs_are_skipped(tmp_path: Path, no_inference: None) -> None:
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "french.txt").write_text(
        "Le ministre des affaires étrangères a rencontré hier son homologue pour discuter de la crise "
        "à la frontière. Les deux pays ont convenu de poursuivre le dialogue dans les prochaines semaines, "
        "selon un communiqué publié par le gouvernement. Aucune date n'a été fixée pour la réunion.",
        encoding="utf-8")
    (tmp_path / "huge.txt").write_text(BODY * 20, encoding="utf-8")
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "furniture_only.txt").write_text("Advertisement\nShare this article\n", encoding="utf-8")
    skipped, on_skip = _skips()
    limit = len(BODY) * 5
    articles = list(read_inputs([tmp_path], on_skip=on_skip, max_chars=limit))
    assert [Path(a.origin).name for a in articles] == ["good.txt", "huge.txt"]
    assert len(articles[1].text) <= limit  # an oversized story is coded up to the limit, not refused
    reasons = {Path(origin).name: reason for origin, reason in skipped}
    assert reasons["blob.txt"].startswith("binary")
    assert reasons["empty.txt"] == "empty text"
    assert reasons["french.txt"].startswith("not English")
    assert "huge.txt" not in reasons
    assert reasons["furniture_only.txt"] == "empty after removing page furniture"
    # on request, a story that looks foreign is coded (with a warning) instead of skipped
    kept = list(read_inputs([tmp_path / "french.txt"], keep_foreign=True))
    assert len(kept) == 1


def test_truncate_story_cuts_at_a_paragraph_end() -> None:
    from whodid.ingest import truncate_story

    text = "The first paragraph tells the main news of the day.\nThe second one adds detail.\nThird."
    assert truncate_story(text, len(text)) == text
    cut = truncate_story(text, 70)
    assert cut == "The first paragraph tells the main news of the day."
    hard = truncate_story("x" * 100, 40)  # no paragraph or sentence end: a hard cut at the limit
    assert hard == "x" * 40


def test_missing_path_and_bad_date_fail_before_work(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    with pytest.raises(InputError, match="absent.txt"):
        read_inputs([good, tmp_path / "absent.txt"])  # raised at the call, not when iterating
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        read_inputs([good], published="the day after")


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, no_inference: None) -> None:
    lines = [json.dumps({"id": f"s{i}", "text": BODY}) for i in range(2)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n\n"))
    articles = list(read_inputs(["-"]))
    assert [(a.id, a.origin) for a in articles] == [("s0", "<stdin>:1"), ("s1", "<stdin>:2")]


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch, no_inference: None) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"looks": "like json"}\n' + BODY))
    (article,) = read_inputs(["-"])
    assert article.origin == "<stdin>" and article.text.endswith("in 1998.")


@pytest.mark.skipif(not (SHARED / "seed").exists(), reason="../shared/data is not available")
def test_seed_story_furniture(no_inference: None) -> None:
    (article,) = read_inputs(sorted((SHARED / "seed").glob("*.txt")), published="2025-09-27")
    assert article.title and not article.title.endswith(".")
    for furniture in ("Sign up now", "PHOTO: REUTERS", "Follow topic:"):
        assert furniture not in article.text
    assert "\nSEOUL – " in article.text
    assert all(line.strip() for line in article.text.split("\n"))


def test_gzip_jsonl_json_and_binary_jsonl(tmp_path: Path, no_inference: None) -> None:
    import gzip

    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    (tmp_path / "b.json").write_text(json.dumps([{"id": "j1", "text": BODY}]), encoding="utf-8")
    (tmp_path / "c.jsonl").write_bytes(b'{"id": "z"}\x00\x01\x02\n')
    skipped, on_skip = _skips()
    articles = list(read_inputs([tmp_path], on_skip=on_skip))
    assert [(a.id, Path(a.origin).name) for a in articles] == [("g1", "a.jsonl.gz:1"), ("j1", "b.json:1")]
    assert [(Path(o).name, r) for o, r in skipped] == [("c.jsonl", "binary file (NUL bytes)")]
