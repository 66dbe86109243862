"""Questionnaires: the coach's form templates, the forms sent to clients and their answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from coachdesk.model.base import Base, Timestamped
from coachdesk.model.types import UTCDateTime


class QuestionnaireTemplate(Timestamped, Base):
    """A form the coach edits; ``questions`` is its list of questions as JSON.

    The questions have no life outside their template, so they travel with it as one document;
    every edit raises ``version``, which a returned PDF must match to be read by these questions.
    ``key`` names a shipped template ("intake"...), empty for the coach's own.
    """

    __tablename__ = "questionnaire_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), default="", server_default="")
    title: Mapped[str] = mapped_column(String(300))
    introduction: Mapped[str] = mapped_column(Text, default="", server_default="")
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    questions: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    archived: Mapped[bool] = mapped_column(default=False, server_default="0")


class QuestionnaireForm(Timestamped, Base):
    """One form for one client: a PDF sent out (with its random ``token``) or filled in the app.

    ``title`` and ``template_version`` are kept as they were, so the answers still read right
    after the template changes or is deleted. ``returned_at`` is empty until answers come back.
    """

    __tablename__ = "questionnaire_form"
    __table_args__ = (Index("ix_questionnaire_form_client", "client_id", "returned_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("questionnaire_template.id", ondelete="SET NULL")
    )
    template_key: Mapped[str] = mapped_column(String(40), default="", server_default="")
    template_version: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    token: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(20), default="pdf", server_default="pdf")
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class QuestionnaireAnswer(Base):
    """One answer, with its question as it was asked; ``value`` is text (choices joined by
    newlines, dates ISO, yes/no as "yes"/"no"). Indexed for search with its client.
    """

    __tablename__ = "questionnaire_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    form_id: Mapped[int] = mapped_column(
        ForeignKey("questionnaire_form.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(Text, default="", server_default="")
    role: Mapped[str] = mapped_column(String(40), default="", server_default="")
    sponsor_shareable: Mapped[bool] = mapped_column(default=False, server_default="0")
    in_report: Mapped[bool] = mapped_column(default=False, server_default="0")
