"""Full-text search over clients, session notes, action items, goals and questionnaire answers.

The index (migration 0002) is kept in sync by triggers; its rowid is ``source id * 8 + kind code``.
Snippets mark matched words with ``MATCH_START`` / ``MATCH_END`` control characters, which never
occur in typed text; ``snippet_spans`` splits a snippet into ``(text, is_match)`` pieces to render.
A session's snippet is cut from its own text (``search_snippets``), so it can name its notes
section and say when it is private. The best matches are chosen by rank, then shown by kind,
sessions newest first; ``count`` says how many there are in all, for "more".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from coachdesk.model.types import UTCDateTime
from coachdesk.services.overviews.search_snippets import (
    ELLIPSIS,
    MATCH_END,
    MATCH_START,
    session_snippet,
)

SNIPPET_TOKENS = 32  # a line or two
KIND_ORDER = ("client", "session", "goal", "action", "answer")
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
UTC_ZONE = ZoneInfo("UTC")

# The best hits are picked inside the index first, then joined to their sources for names and
# dates. bm25 weights follow the column order: kind, client_id (both unindexed), title, body, aka
# (the folded name, weighted as a title). Snippets come from the body, or from the title when
# only the title matched; never from ``aka``.
_QUERY = sql(f"""
    WITH hit AS (
        SELECT rowid AS rid, kind, client_id, title,
               snippet(search_index, 3, :start, :end, :ellipsis, {SNIPPET_TOKENS}) AS snip,
               snippet(search_index, 2, :start, :end, :ellipsis, {SNIPPET_TOKENS}) AS title_snip,
               bm25(search_index, 0.0, 0.0, {TITLE_WEIGHT}, {BODY_WEIGHT}, {TITLE_WEIGHT}) AS score
        FROM search_index WHERE search_index MATCH :query
        ORDER BY score LIMIT :limit OFFSET :offset
    )
    SELECT hit.kind AS kind, hit.rid / 8 AS ref_id, client.id AS client_id,
           client.display_name AS client_name, hit.title AS title, hit.snip AS snip,
           hit.title_snip AS title_snip,
           coaching_session.starts_at AS starts_at, action_item.text AS action_text,
           coaching_session.agenda AS agenda, coaching_session.shared_notes AS shared_notes,
           coaching_session.private_notes AS private_notes
    FROM hit
    JOIN client ON client.id = hit.client_id
    LEFT JOIN coaching_session ON hit.kind = 'session' AND coaching_session.id = hit.rid / 8
    LEFT JOIN action_item ON hit.kind = 'action' AND action_item.id = hit.rid / 8
    ORDER BY hit.score
""").columns(
    kind=String,
    ref_id=Integer,
    client_id=Integer,
    client_name=String,
    title=String,
    snip=String,
    title_snip=String,
    starts_at=UTCDateTime,
    action_text=String,
    agenda=String,
    shared_notes=String,
    private_notes=String,
)
_COUNT = sql("SELECT count(*) FROM search_index WHERE search_index MATCH :query")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match. ``ref_id`` is the id of the client, session, action item or goal (``kind``).

    ``title`` is the client's name, the goal's title, the action's text, or the session's date
    (ISO, in the time zone asked for; ``starts_at`` carries the instant for richer formatting).
    ``snippet`` is matched text with each matched word between ``MATCH_START`` and ``MATCH_END``;
    ``section`` the notes heading it sits under, ``private`` whether it is from private notes.
    """

    kind: str
    ref_id: int
    client_id: int
    client_name: str
    title: str
    snippet: str
    starts_at: datetime | None
    section: str = ""
    private: bool = False


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: each term quoted (so operators and quotes are just
    text), all terms required, the last one matched as a prefix while the user is still typing.
    Empty when nothing searchable was typed.
    """
    terms = [t for t in text.split() if any(ch.isalnum() for ch in t)]
    if not terms:
        return ""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    if not text[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


def count(db: Session, text: str) -> int:
    """How many matches ``text`` has in all."""
    query = fts_query(text)
    return int(db.scalar(_COUNT, {"query": query}) or 0) if query else 0


def search(
    db: Session, text: str, limit: int = 50, *, tz: ZoneInfo = UTC_ZONE, offset: int = 0
) -> list[SearchHit]:
    """The best ``limit`` matches for ``text`` after the best ``offset`` (a title match outranks
    the body), by kind in ``KIND_ORDER``: sessions newest first, the others best first.
    ``tz`` is the coach's time zone, for the date that titles a session.
    """
    query = fts_query(text)
    if not query or limit <= 0:
        return []
    params = {
        "query": query,
        "limit": limit,
        "offset": max(offset, 0),
        "start": MATCH_START,
        "end": MATCH_END,
        "ellipsis": ELLIPSIS,
    }
    hits = []
    for row in db.execute(_QUERY, params):
        title = row.title or ""
        if row.kind == "client":
            title = row.client_name
        elif row.kind == "session" and row.starts_at is not None:
            title = row.starts_at.astimezone(tz).date().isoformat()
        elif row.kind == "action":
            title = row.action_text or ""
        own = None
        if row.kind == "session":
            own = session_snippet(
                text, row.agenda or "", row.shared_notes or "", row.private_notes or ""
            )
        snippet = own.text if own else _best_snippet(row.snip or "", row.title_snip or "")
        hits.append(
            SearchHit(
                row.kind,
                row.ref_id,
                row.client_id,
                row.client_name,
                title,
                snippet,
                row.starts_at,
                own.section if own else "",
                own.private if own else False,
            )
        )
    return sorted(hits, key=_shown_order)


def _shown_order(hit: SearchHit) -> tuple[int, float]:
    """Kinds in their order; sessions newest first; the rest keep their rank (a stable sort)."""
    newest = -hit.starts_at.timestamp() if hit.kind == "session" and hit.starts_at else 0.0
    return KIND_ORDER.index(hit.kind), newest


def _best_snippet(body: str, title: str) -> str:
    """The body's snippet, unless only the title matched (then the marked title reads better)."""
    if MATCH_START not in body and MATCH_START in title:
        return title
    return body


def snippet_spans(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet into ``(text, is_match)`` pieces, without the markers."""
    spans: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        before, start, after = rest.partition(MATCH_START)
        if before:
            spans.append((before, False))
        if not start:
            break
        matched, _end, rest = after.partition(MATCH_END)
        if matched:
            spans.append((matched, True))
    return spans
