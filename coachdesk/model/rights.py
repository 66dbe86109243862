"""What the practice owes its clients under the GDPR: the register of subject access requests."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.model.base import Base, Timestamped


class AccessRequest(Timestamped, Base):
    """A client asked for everything held about them; the answer is due within one month.

    The register outlives the client's record: erasing or anonymising the client keeps the
    request (``client_id`` becomes empty), because the coach may have to show it was answered.
    """

    __tablename__ = "access_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("client.id", ondelete="SET NULL"), index=True
    )
    received_on: Mapped[date]
    due_on: Mapped[date]
    answered_on: Mapped[date | None]
    # The coach's own working notes go in only when the coach says so, with the reason.
    private_notes_included: Mapped[bool] = mapped_column(default=False, server_default="0")
    private_notes_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    how_received: Mapped[str] = mapped_column(String(200), default="", server_default="")
