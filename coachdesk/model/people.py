"""The people of the practice: the coach's own profile, clients, and sponsors who pay."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from coachdesk.model.base import Base, Timestamped, str_enum
from coachdesk.model.enums import ClientStatus, Credential, NoteTemplate, PaperSize
from coachdesk.model.types import Money, UTCDateTime


class CoachProfile(Timestamped, Base):
    """The one coach of this vault: the letterhead of every document, and practice defaults."""

    __tablename__ = "coach_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    business_name: Mapped[str] = mapped_column(String(200), default="")
    credentials: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    logo: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    logo_mime: Mapped[str] = mapped_column(String(50), default="")
    default_currency: Mapped[str] = mapped_column(String(3), default="EUR")
    default_session_minutes: Mapped[int] = mapped_column(default=60)
    default_fee: Mapped[Decimal | None] = mapped_column(Money)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    default_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement_template.id", ondelete="SET NULL")
    )
    note_template: Mapped[NoteTemplate] = mapped_column(
        str_enum(NoteTemplate), default=NoteTemplate.GROW
    )
    paper_size: Mapped[PaperSize] = mapped_column(str_enum(PaperSize), default=PaperSize.A4)
    # What invoices print for the seller and how to be paid (migration 0004).
    tax_id: Mapped[str] = mapped_column(String(40), default="", server_default="")
    iban: Mapped[str] = mapped_column(String(34), default="", server_default="")
    bic: Mapped[str] = mapped_column(String(11), default="", server_default="")
    account_details: Mapped[str] = mapped_column(Text, default="", server_default="")
    payment_link: Mapped[str] = mapped_column(String(500), default="", server_default="")
    payment_terms_days: Mapped[int] = mapped_column(default=14, server_default="14")
    invoice_prefix: Mapped[str] = mapped_column(String(20), default="", server_default="")
    invoice_footer: Mapped[str] = mapped_column(Text, default="", server_default="")
    default_tax_rate: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("0"), server_default="0"
    )
    # ICF hours count from the start of coach-specific training.
    training_start: Mapped[date | None]
    target_credential: Mapped[Credential | None] = mapped_column(str_enum(Credential))
    # A credential held is renewed every three years with 40 CCE units earned in the cycle.
    renewal_due_on: Mapped[date | None]
    # A Babel locale such as "de_DE"; empty: the system's.
    locale: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # Records are kept this many years after a client's last engagement ends, then reviewed.
    retention_years: Mapped[int] = mapped_column(default=7, server_default="7")


class Sponsor(Timestamped, Base):
    """An organisation that pays for a client's coaching."""

    __tablename__ = "sponsor"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    billing_email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    vat_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    purchase_order: Mapped[str] = mapped_column(String(100), default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(default=False)


class Client(Timestamped, Base):
    """A person coached or mentored."""

    __tablename__ = "client"
    __table_args__ = (
        # Covers the client list, so 10,000 rows are read without decrypting whole client rows.
        Index(
            "ix_client_list",
            "sort_name",
            "id",
            "display_name",
            "status",
            "email",
            "organisation",
            "last_held_at",
            "open_actions",
            "search_key",
        ),
        Index("ix_client_status", "status"),
        Index("ix_client_email_key", "email_key"),
        Index("ix_client_name_key", "name_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100), default="")
    display_name: Mapped[str] = mapped_column(String(200))
    sort_name: Mapped[str] = mapped_column(String(200))
    # Case-folded copies: SQLite's lower() and LIKE fold ASCII only, and names are not ASCII.
    name_key: Mapped[str] = mapped_column(String(200), default="")
    search_key: Mapped[str] = mapped_column(Text, default="")
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    pronouns: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    email_key: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    postal_address: Mapped[str] = mapped_column(Text, default="")
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    referral_source: Mapped[str] = mapped_column(String(200), default="")
    consultation_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ClientStatus] = mapped_column(str_enum(ClientStatus), default=ClientStatus.LEAD)
    retain_until: Mapped[date | None]
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("sponsor.id", ondelete="SET NULL"))
    # Kept by triggers (migration 0002) from coaching_session and action_item, never by code:
    # the client list reads them instead of aggregating 200,000 sessions.
    last_held_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    open_actions: Mapped[int] = mapped_column(default=0, server_default="0")
    # The ICF coaching log lists only clients who consented; an organisation's confidentiality
    # policy puts an alias and the organisation contact's email in place of name and contact.
    log_consent: Mapped[bool] = mapped_column(default=False, server_default="0")
    log_consent_on: Mapped[date | None]
    log_consent_how: Mapped[str] = mapped_column(String(200), default="", server_default="")
    confidential: Mapped[bool] = mapped_column(default=False, server_default="0")
    confidential_alias: Mapped[str] = mapped_column(String(100), default="", server_default="")
    org_contact_email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    # The language documents for this client print in ("de"); empty: the coach's.
    language: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # Why the coach keeps this client's records past the practice's period (``retain_until``).
    retention_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Identifying and note fields dropped; counts and hours kept for the coaching log.
    anonymised_on: Mapped[date | None]
    # Asked by the intake questionnaire (migration 0007).
    date_of_birth: Mapped[date | None]
    emergency_contact: Mapped[str] = mapped_column(Text, default="", server_default="")

    sponsor: Mapped[Sponsor | None] = relationship()
    tags: Mapped[list[ClientTag]] = relationship(
        cascade="all, delete-orphan", order_by="ClientTag.tag"
    )


class ClientTag(Base):
    """A free label on a client ("executive", "career change"), for filtering."""

    __tablename__ = "client_tag"
    __table_args__ = (Index("ix_client_tag_tag", "tag"),)

    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(60), primary_key=True)
