"""The declarative base and the columns every entity shares."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import ClassVar

from sqlalchemy import Enum, MetaData, Table
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from coachdesk.model.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # SQLAlchemy declares a FromClause; every entity here maps a Table, which Core insert() wants.
    __table__: ClassVar[Table]


class Timestamped:
    """Created and updated instants, kept by the ORM."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)


def str_enum(kind: type[enum.StrEnum]) -> Enum:
    """Store an enum by its value (the words of the glossary), as plain text."""
    return Enum(
        kind,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
