"""Reading stories: plain text, HTML, JSONL/CSV/JSON collections, folders and stdin, into Articles.

Every reader ends in :func:`article_from_text`, which normalises newlines, re-joins hard-wrapped lines,
drops page furniture (patterns in ``data/furniture.yaml``), takes a headline from a short first line, and
finds the publication date (given > page metadata > inferred from the text). The body keeps one paragraph
per line, because the coder splits on newlines and reports character offsets into ``Article.text``.

Bad input never stops a run: binary, empty, oversized or non-English inputs are skipped with a logged
reason (logger ``whodid.ingest``) and reported through ``on_skip(origin, reason)``.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from whodid.model import Article
from whodid.resources import load_yaml

log = logging.getLogger("whodid.ingest")

SkipHandler = Callable[[str, str], None]
STDIN = "-"
_SNIFF_BYTES = 8192
# Characters that end a sentence, optionally followed by closing quotes/brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# A line that ends "open" (mid-sentence) for headline purposes also must not end in these.
_NOT_HEADLINE_END = re.compile(r"[.!?…:;,–—-][\"'”’)\]]*$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?)?\s*",
                       re.IGNORECASE)
_YEAR = re.compile(r"\b\d{4}\b")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


class InputError(ValueError):
    """An input the user named cannot be used at all (missing path, bad --published date)."""


# ---------------------------------------------------------------------------------------------------
# Settings from the data files
# ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Furniture:
    patterns: tuple[re.Pattern[str], ...]
    date_lines: tuple[re.Pattern[str], ...]
    max_line_chars: int


@lru_cache(maxsize=1)
def _furniture() -> _Furniture:
    """Compiled furniture patterns; agency names become one "bare credit line" pattern."""
    data = load_yaml("furniture.yaml")
    patterns = [re.compile(p, re.IGNORECASE) for p in data["patterns"]]
    agencies = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in data.get("agencies", []))
    if agencies:
        one = rf"\(?(?:{agencies})\)?"
        # "AFP", "(Reuters)", "- AFP", "AFP, Reuters", "Reuters/AP", "AFP and Reuters"
        patterns.append(re.compile(rf"[-–—]?\s*{one}(?:\s*(?:,|/|and|&)\s*{one})*\.?", re.IGNORECASE))
    dates = tuple(re.compile(p, re.IGNORECASE) for p in data.get("date_lines", []))
    return _Furniture(tuple(patterns), dates, int(data.get("max_line_chars", 200)))


def _settings() -> dict[str, Any]:
    return load_yaml("ingest.yaml")


# ---------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------
def normalise_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` for a date given as ISO date/datetime or in words; None if it is not one.

    Accepts "2025-09-27", "2025-09-27T08:00:00Z", "27 September 2025", "Sept 27, 2025", datetime/date.
    A four-digit year is required, so relative words ("yesterday") never give a date that depends on today.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DATE.fullmatch(text)
    if match:  # the date as written (local), not shifted to UTC
        try:
            return dt.date(*(int(g) for g in match.groups())).isoformat()
        except ValueError:
            return None
    if not _YEAR.search(text) or len(text) > 80:
        return None
    import dateparser  # slow to import; only needed for dates in words

    parsed = dateparser.parse(text, languages=["en"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                                        "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None or not 1000 <= parsed.year <= 2999:
        return None
    return parsed.date().isoformat()


def _given_date(published: str | None) -> str | None:
    """Normalise a user-given date, or raise InputError saying what is wrong."""
    if published is None:
        return None
    value = normalise_date(published)
    if value is None:
        raise InputError(f"--published {published!r} is not a date; give it as YYYY-MM-DD (e.g. 2025-09-27)")
    return value


def _infer_date(text: str) -> str | None:
    """The publication date guessed from the text by whodid.timex, if that module is available."""
    try:
        from whodid.timex import infer_publication_date
    except ImportError:
        return None
    try:
        found = infer_publication_date(text)
    except Exception as exc:  # a failing guess must not stop ingestion
        log.warning("publication date inference failed: %s", exc)
        return None
    if isinstance(found, tuple):
        found = found[0] if found else None
    found = getattr(found, "value", found)
    return normalise_date(found) if found else None


# ---------------------------------------------------------------------------------------------------
# Text cleaning
# ---------------------------------------------------------------------------------------------------
def _normalise_newlines(raw: str) -> str:
    """Unix newlines, no invisible characters, ordinary spaces."""
    text = _LINE_BREAKS.sub("\n", raw).translate(_INVISIBLE)
    return text.replace("\t", "    ")


def _is_wrapped(lines: list[str]) -> bool:
    """Whether the text looks hard-wrapped (old wires: ~70-character lines that break mid-sentence)."""
    cfg = _settings()["unwrap"]
    content = [ln.strip() for ln in lines if ln.strip()]
    if len(content) < cfg["min_lines"]:
        return False
    lengths = sorted(len(ln) for ln in content)
    if lengths[int(0.9 * (len(lengths) - 1))] > cfg["max_width"]:
        return False
    pairs = [(a.strip(), b.strip()) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    if not pairs:
        return False
    open_pairs = [(a, b) for a, b in pairs if not _SENTENCE_END.search(a)]
    if len(open_pairs) < cfg["min_open_ratio"] * len(pairs):
        return False
    lower_next = sum(1 for _, b in open_pairs if b[:1].islower())
    return lower_next >= cfg["min_lower_next_ratio"] * len(open_pairs)


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs: a blank line, an indented line, or a short line that
    ends a sentence starts a new paragraph."""
    widths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    width = widths[int(0.9 * (len(widths) - 1))]
    paragraphs: list[str] = []
    current = ""
    previous = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current, previous = "", ""
            continue
        indented = line[:1] == " " and len(line) - len(line.lstrip()) >= 2
        short_end = bool(previous) and _SENTENCE_END.search(previous) and len(previous) < 0.7 * width
        if current and (indented or short_end):
            paragraphs.append(current)
            current = ""
        if not current:
            current = stripped
        elif current.endswith("-"):  # keep the hyphen, join without a space ("US-\nNorth" -> "US-North")
            current += stripped
        else:
            current += " " + stripped
        previous = stripped
    if current:
        paragraphs.append(current)
    return paragraphs


def _furniture_date(line: str) -> tuple[bool, str | None]:
    """(is it a date-only line, its date) for lines such as "Published: 27 September 2025"."""
    for pattern in _furniture().date_lines:
        match = pattern.fullmatch(line)
        if match:
            value = normalise_date(match.groupdict().get("date") or line)
            if value:
                return True, value
    return False, None


def is_furniture(line: str) -> bool:
    """Whether a whole (trimmed) line is page furniture according to ``furniture.yaml``."""
    furniture = _furniture()
    stripped = line.strip()
    if not stripped or len(stripped) > furniture.max_line_chars:
        return False
    return any(p.fullmatch(stripped) for p in furniture.patterns)


def _same_text(a: str, b: str) -> bool:
    """Equal up to case, spacing and trailing punctuation (a headline repeated as the first line)."""
    def norm(s: str) -> str:
        return re.sub(r"\W+", " ", s.casefold()).strip()
    return bool(norm(a)) and norm(a) == norm(b)


def _looks_like_headline(line: str, max_chars: int) -> bool:
    """A short first line that does not end a sentence and starts like a title."""
    return (len(line) < max_chars and not _NOT_HEADLINE_END.search(line)
            and not line[:1].islower() and len(line.split()) >= 2)


def clean_lines(raw: str) -> tuple[list[str], str | None]:
    """Body paragraphs of a raw text (furniture removed) and a date found on a date-only line."""
    lines = _normalise_newlines(raw).split("\n")
    if _is_wrapped(lines):
        lines = _unwrap(lines)
    body: list[str] = []
    page_date: str | None = None
    for line in lines:
        stripped = _SPACES.sub(" ", line).strip()
        if not stripped or is_furniture(stripped):
            continue
        if len(stripped) <= 80:
            is_date, value = _furniture_date(stripped)
            if is_date:
                page_date = page_date or value
                continue
        body.append(stripped)
    return body, page_date


def article_from_text(raw: str, *, title: str | None = None, published: str | None = None, id: str | None = None,
                      source: str | None = None, url: str | None = None, origin: str | None = None,
                      headline_from_first_line: bool = True, published_source: str | None = None) -> Article:
    """An Article from raw story text: clean body (one paragraph per line), headline, publication date.

    ``published`` is taken as given by the user (source "given"; a bad value raises InputError) unless
    ``published_source`` names another source (e.g. "metadata", already normalised by a reader).
    Without it, a date-only line on the page ("Published: 27 September 2025") counts as metadata, else
    ``whodid.timex.infer_publication_date`` guesses from the text (source "inferred").
    """
    body, page_date = clean_lines(raw)
    title = _SPACES.sub(" ", title).strip() or None if title else None
    if title and body and _same_text(body[0], title):
        body = body[1:]  # the headline repeated at the top of the body
    elif not title and headline_from_first_line and len(body) > 1:
        max_chars = int(_settings().get("headline_max_chars", 150))
        if _looks_like_headline(body[0], max_chars):
            title, body = body[0], body[1:]
    text = "\n".join(body)

    date: str | None
    if published is not None and published_source in (None, "given"):
        date, date_source = _given_date(published), "given"
    elif published is not None:
        date, date_source = normalise_date(published), published_source
    else:
        date, date_source = None, None
    if date is None and page_date:
        date, date_source = page_date, "metadata"
    if date is None:
        date = _infer_date(text)
        date_source = "inferred" if date else None
    return Article(text=text, id=str(id) if id not in (None, "") else None, title=title, published=date,
                   published_source=date_source, source=source or None, url=url or None, origin=origin)


# ---------------------------------------------------------------------------------------------------
# Checks that skip an input
# ---------------------------------------------------------------------------------------------------
def _language_problem(text: str) -> str | None:
    """A reason when the text is clearly not English: mostly non-Latin script, or another language's
    function words outnumber the English ones (tables of figures, with few of either, pass)."""
    cfg = _settings()["language"]
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < cfg["min_words"]:
        return None
    letters = sum(len(w) for w in words)
    latin = sum(1 for w in words for c in w if c < "\u0250")
    if latin < cfg["min_latin_ratio"] * letters:
        return f"not English (only {latin / letters:.0%} of letters are Latin script)"
    english, foreign = _function_words()
    english_share = sum(1 for w in words if w in english) / len(words)
    for language, vocabulary in foreign.items():
        share = sum(1 for w in words if w in vocabulary) / len(words)
        if share >= cfg["min_foreign_ratio"] and share > english_share:
            return f"not English (looks like {language}: {share:.0%} {language} function words, " \
                   f"{english_share:.0%} English)"
    return None


@lru_cache(maxsize=1)
def _function_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """English and other languages' function words from ingest.yaml."""
    cfg = _settings()["language"]
    english = frozenset(str(w).lower() for w in cfg["english"])
    foreign = {lang: frozenset(str(w).lower() for w in words) for lang, words in cfg["foreign"].items()}
    return english, foreign


def _text_problem(text: str) -> str | None:
    """Why a raw text cannot be coded at all (binary, empty), or None."""
    if "\x00" in text[:_SNIFF_BYTES]:
        return "binary content (NUL bytes)"
    if not text.strip():
        return "empty text"
    return None


def truncate_story(text: str, max_chars: int) -> str:
    """The first ``max_chars`` characters of a story, cut at the last paragraph (else sentence) end before the
    limit: a 50 MB "article" is coded as far as the limit goes rather than refused."""
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    for mark in ("\n", ". "):
        cut = head.rfind(mark)
        if cut > max_chars // 2:
            return head[:cut + len(mark)].rstrip()
    return head


class _Skipper:
    """Logs a skipped input and tells the caller's ``on_skip``."""

    def __init__(self, on_skip: SkipHandler | None) -> None:
        self.on_skip = on_skip

    def __call__(self, origin: str, reason: str) -> None:
        level = logging.INFO if reason.startswith("empty") else logging.WARNING
        log.log(level, "skipped %s: %s", origin, reason)
        if self.on_skip is not None:
            self.on_skip(origin, reason)


# ---------------------------------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------------------------------
def _decode(data: bytes, origin: str) -> str:
    """UTF-8 (BOM allowed; UTF-16 with BOM), else cp1252 with a warning."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not UTF-8; read as cp1252 (Windows Latin-1)", origin)
        return data.decode("cp1252", errors="replace")


def _kind(path: Path) -> str | None:
    """Reader name for a file by its extension ("text", "html", "jsonl", "json", "csv"), or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    if not suffixes:
        return None
    for kind, extensions in _settings()["extensions"].items():
        if suffixes[-1] in extensions:
            return kind
    return None


def _read_bytes(path: Path) -> bytes:
    if path.suffix.lower() == ".gz":
        with gzip.open(path, "rb") as handle:
            return handle.read()
    return path.read_bytes()


def _sniff(text: str) -> str:
    """Reader for a text of unknown kind: html, jsonl or plain text."""
    head = text.lstrip()[:1000].lower()
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and all(_json_object(ln) is not None for ln in lines):
        return "jsonl"
    return "text"


def _json_object(line: str) -> dict[str, Any] | None:
    line = line.strip()
    if not line.startswith("{"):
        return None
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _field(record: dict[str, Any], name: str) -> Any:
    """A record's value for a logical field, trying the aliases in ingest.yaml (case-insensitive)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in _settings()["fields"][name]:
        value = lowered.get(alias)
        if value not in (None, ""):
            return value
    return None


class _Reader:
    """One run of :func:`read_inputs`: shared settings, skip reporting, published override."""

    def __init__(self, published: str | None, on_skip: SkipHandler | None, max_chars: int,
                 keep_foreign: bool = False) -> None:
        self.published = published
        self.skip = _Skipper(on_skip)
        self.max_chars = max_chars
        self.keep_foreign = keep_foreign

    def article(self, raw: str, origin: str, **meta: Any) -> Article | None:
        """Check, clean and build one Article; None (and a skip report) when it cannot be coded."""
        problem = _text_problem(raw)
        if problem:
            self.skip(origin, problem)
            return None
        if len(raw) > self.max_chars:
            log.warning("%s: %s characters; coded up to the limit of %s (max_chars)", origin, f"{len(raw):,}",
                        f"{self.max_chars:,}")
            raw = truncate_story(raw, self.max_chars)
        language = _language_problem(raw)
        if language and not self.keep_foreign:
            self.skip(origin, language)
            return None
        if language:
            log.warning("%s: %s; coded anyway (keep_foreign)", origin, language)
        published, source = self.published, "given"
        if published is None and meta.get("published") not in (None, ""):
            published, source = normalise_date(meta["published"]), "metadata"
            if published is None:
                log.warning("%s: publication date %r not understood; ignored", origin, meta["published"])
        meta.pop("published", None)
        article = article_from_text(raw, published=published, published_source=source, origin=origin,
                                    **{k: (str(v) if v is not None else None) for k, v in meta.items()})
        if not article.text.strip():
            self.skip(origin, "empty after removing page furniture")
            return None
        return article

    def record(self, record: dict[str, Any], origin: str) -> Article | None:
        """An Article from a JSONL/CSV/JSON record."""
        text = _field(record, "text")
        if text is not None and not isinstance(text, str):
            self.skip(origin, f"text is not a string ({type(text).__name__})")
            return None
        return self.article(text or "", origin, title=_field(record, "title"), id=_field(record, "id"),
                            published=_field(record, "published"), source=_field(record, "source"),
                            url=_field(record, "url"))

    # --- files -----------------------------------------------------------------------------------
    def path(self, path: Path, explicit: bool) -> Iterator[Article]:
        if path.is_dir():
            yield from self.folder(path)
            return
        kind = _kind(path)
        if kind is None and not explicit:
            log.debug("skipped %s: unknown file type", path)
            return
        origin = str(path)
        try:
            if kind == "jsonl":  # streamed line by line: collections can be larger than memory
                yield from self.jsonl_file(path, origin)
                return
            if path.stat().st_size > 20 * self.max_chars and kind != "csv":
                self.skip(origin, f"too large ({path.stat().st_size:,} bytes)")
                return
            data = _read_bytes(path)
        except OSError as exc:
            self.skip(origin, f"cannot read: {exc}")
            return
        if b"\x00" in data[:_SNIFF_BYTES] and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
            self.skip(origin, "binary file (NUL bytes)")
            return
        text = _decode(data, origin)
        yield from self.text_of_kind(text, kind or _sniff(text), origin)

    def text_of_kind(self, text: str, kind: str, origin: str) -> Iterator[Article]:
        if kind == "html":
            article = self.html(text, origin)
            if article is not None:
                yield article
        elif kind == "jsonl":
            yield from self.jsonl(text, origin)
        elif kind == "json":
            yield from self.json(text, origin)
        elif kind == "csv":
            yield from self.csv(text, origin)
        else:
            article = self.article(text, origin)
            if article is not None:
                yield article

    def folder(self, root: Path) -> Iterator[Article]:
        """Every readable file under a folder, recursively, in sorted order; hidden entries skipped."""
        for directory, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if name.startswith("."):
                    continue
                yield from self.path(Path(directory) / name, explicit=False)

    def html(self, html: str, origin: str) -> Article | None:
        """Main text of a web page (paragraphs as lines), with its title and metadata date."""
        import trafilatura

        try:
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
                # only dates in the page's markup: the text search turns "© 2024" into 2024-01-01
                date_extraction_params={"extensive_search": False, "original_date": True})
        except Exception as exc:  # trafilatura raises on some malformed pages
            self.skip(origin, f"HTML could not be parsed: {exc}")
            return None
        meta = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
        if not meta.get("text"):
            self.skip(origin, "empty text (no main text found in the HTML)")
            return None
        return self.article(meta["text"], origin, title=meta.get("title"), published=meta.get("date"),
                            source=meta.get("sitename") or meta.get("hostname"), url=meta.get("url"))

    def jsonl_file(self, path: Path, origin: str) -> Iterator[Article]:
        """A JSONL file read line by line (UTF-8, a line that is not falls back to cp1252)."""
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rb") as handle:
            head = handle.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if hasattr(handle, "peek") else b""
            if b"\x00" in head:
                self.skip(origin, "binary file (NUL bytes)")
                return
            lines = ((n, _decode(raw, f"{origin}:{n}")) for n, raw in enumerate(handle, start=1))
            yield from self.jsonl_lines(lines, origin)

    def jsonl(self, text: str, origin: str) -> Iterator[Article]:
        yield from self.jsonl_lines(enumerate(text.split("\n"), start=1), origin)

    def jsonl_lines(self, lines: Iterable[tuple[int, str]], origin: str) -> Iterator[Article]:
        """One article per line; a malformed line is reported with file:line and skipped."""
        def parsed() -> Iterator[tuple[str, Any]]:
            for number, line in lines:
                if not line.strip():
                    continue
                where = f"{origin}:{number}"
                try:
                    yield where, json.loads(line)
                except ValueError as exc:
                    self.skip(where, f"malformed JSON ({exc})")

        yield from self.json_objects(parsed())

    def json(self, text: str, origin: str) -> Iterator[Article]:
        """A JSON file holding one article object or a list of them."""
        try:
            value = json.loads(text)
        except ValueError as exc:
            self.skip(origin, f"malformed JSON ({exc})")
            return
        if isinstance(value, list):
            yield from self.json_objects((f"{origin}:{n}", record) for n, record in enumerate(value, start=1))
        else:
            yield from self.json_objects([(origin, value)])

    def json_objects(self, records: Iterable[tuple[str, Any]]) -> Iterator[Article]:
        """Articles from parsed JSON values; a value that is not an object is reported and skipped."""
        for where, record in records:
            if not isinstance(record, dict):
                self.skip(where, f"not a JSON object ({type(record).__name__})")
                continue
            article = self.record(record, where)
            if article is not None:
                yield article

    def csv(self, text: str, origin: str) -> Iterator[Article]:
        """A CSV table with a header row; origin names the line where each record ends."""
        csv.field_size_limit(max(self.max_chars * 2, 1 << 20))
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not reader.fieldnames or _field(dict.fromkeys(reader.fieldnames, "x"), "text") is None:
            self.skip(origin, "CSV has no text column (expected one of: "
                      + ", ".join(_settings()["fields"]["text"]) + ")")
            return
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                self.skip(f"{origin}:{reader.line_num}", f"malformed CSV ({exc})")
                continue
            article = self.record({k: v for k, v in row.items() if k is not None}, f"{origin}:{reader.line_num}")
            if article is not None:
                yield article

    def stdin(self) -> Iterator[Article]:
        """Standard input: JSONL when every non-empty line is a JSON object, else one text (or page)."""
        stream = sys.stdin
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read()
            if b"\x00" in data[:_SNIFF_BYTES]:
                self.skip("<stdin>", "binary content (NUL bytes)")
                return
            text = _decode(data, "<stdin>")
        else:
            text = stream.read()
        yield from self.text_of_kind(text, _sniff(text), "<stdin>")


def read_inputs(inputs: Iterable[str | Path], *, published: str | None = None,
                on_skip: SkipHandler | None = None, max_chars: int | None = None,
                keep_foreign: bool = False) -> Iterator[Article]:
    """Articles from files, folders (recursive) and "-" (stdin), in the order given.

    Raises InputError before reading anything when a path does not exist or ``published`` is not a date.
    Unreadable items are skipped, logged and reported as ``on_skip(origin, reason)``. Stories longer than
    ``max_chars`` (default 2,000,000, ingest.yaml) are cut at a paragraph end before the limit, with a warning;
    stories that are not English are skipped unless ``keep_foreign``.
    """
    items = [str(i) for i in inputs]
    missing = [i for i in items if i != STDIN and not Path(i).exists()]
    if missing:
        raise InputError("input not found: " + ", ".join(missing))
    given = _given_date(published)
    limit = int(max_chars if max_chars is not None else _settings().get("max_chars", 2_000_000))
    return _iterate(items, _Reader(given, on_skip, limit, keep_foreign))


def _iterate(items: list[str], reader: _Reader) -> Iterator[Article]:
    for item in items:
        if item == STDIN:
            yield from reader.stdin()
        else:
            yield from reader.path(Path(item), explicit=True)
