"""The client list costs a fixed number of statements, however many clients there are: no
query per client (issue 16 keeps it fast at 10,000 clients)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from coachdesk.services.people.clients import list_clients
from tests.services import factories


@contextmanager
def counting(db: Session) -> Iterator[Callable[[], int]]:
    """How many SQL statements ``db`` sends while the block runs."""
    engine = db.get_bind().engine
    sent: list[str] = []

    def note(*args: object) -> None:
        sent.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield lambda: len(sent)
    finally:
        event.remove(engine, "before_cursor_execute", note)


def add_clients(db: Session, first: int, count: int) -> None:
    for n in range(first, first + count):
        client = factories.client(db, f"Client {n}", tags=("board", f"cohort {n % 3}"))
        factories.session(db, client, factories.at(1 + n % 28))


def statements_for_the_list(db: Session, **filters: str) -> int:
    list_clients(db, **filters)  # the first call may prepare the session's connection
    with counting(db) as sent:
        rows = list_clients(db, **filters)
    assert rows
    return sent()


def test_the_list_runs_the_same_few_statements_for_two_clients_or_twenty(db: Session) -> None:
    add_clients(db, 0, 2)
    few = statements_for_the_list(db)
    filtered_few = statements_for_the_list(db, text="client")
    add_clients(db, 2, 18)
    assert len(list_clients(db)) == 20
    assert statements_for_the_list(db) == few == 3  # clients, next sessions, tags
    assert statements_for_the_list(db, text="client") == filtered_few == 3
