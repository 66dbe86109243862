"""The coach's own profile: letterhead details and the defaults every new record starts from."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.formatting import parse_locale
from coachdesk.i18n import _
from coachdesk.model import AgreementTemplate, CoachProfile, Credential, NoteTemplate, PaperSize
from coachdesk.services.people.clients import Saved
from coachdesk.services.validation import FieldErrors, compact_iban, vat_compact

PROFILE_ID = 1
# Years a client's records are kept after the last engagement ends, before they are reviewed.
MIN_RETENTION, MAX_RETENTION = 1, 30
MAX_LOGO_BYTES = 2 * 1024 * 1024
INVOICE_PREFIX = re.compile(r"^[\w/-]*$")
LOGO_SIGNATURES = {"image/png": b"\x89PNG\r\n\x1a\n", "image/jpeg": b"\xff\xd8\xff"}


@dataclass
class ProfileFields:
    """Everything the profile form edits; the logo has its own call because it is bytes."""

    name: str = ""
    business_name: str = ""
    credentials: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    postal_address: str = ""
    default_currency: str = "EUR"
    default_session_minutes: int = 60
    default_fee: Decimal | None = None
    time_zone: str = "UTC"
    default_template_id: int | None = None
    note_template: NoteTemplate = NoteTemplate.GROW
    paper_size: PaperSize = PaperSize.A4
    tax_id: str = ""
    iban: str = ""
    bic: str = ""
    account_details: str = ""
    payment_link: str = ""
    payment_terms_days: int = 14
    invoice_prefix: str = ""
    invoice_footer: str = ""
    default_tax_rate: Decimal = Decimal("0")
    training_start: date | None = None
    target_credential: Credential | None = None
    renewal_due_on: date | None = None
    retention_years: int = 7
    locale: str = ""


def get_profile(db: Session) -> CoachProfile:
    """The one profile row, created with defaults the first time anything asks for it."""
    profile = db.get(CoachProfile, PROFILE_ID)
    if profile is None:
        profile = CoachProfile(id=PROFILE_ID)
        for f in fields(ProfileFields):
            setattr(profile, f.name, f.default)
        db.add(profile)
        db.flush()
    return profile


def profile_saved(db: Session) -> bool:
    """Whether the coach has saved a profile yet (before that, forms offer local defaults)."""
    return db.get(CoachProfile, PROFILE_ID) is not None


def profile_fields(db: Session) -> ProfileFields:
    """The profile's values; reading never writes, so before the first save these are defaults."""
    profile = db.get(CoachProfile, PROFILE_ID)
    if profile is None:
        return ProfileFields()
    return ProfileFields(**{f.name: getattr(profile, f.name) for f in fields(ProfileFields)})


def coach_locale(db: Session) -> str:
    """The coach's formats and language ("de_DE"), or "" for the system's."""
    profile = db.get(CoachProfile, PROFILE_ID)
    return profile.locale if profile is not None else ""


def profile_problems(data: ProfileFields) -> dict[str, str]:
    """Every problem that can be told without the vault: what a form checks as the coach types,
    in the same words ``update_profile`` uses."""
    errors = FieldErrors()
    errors.max_length("name", data.name, 200)
    errors.max_length("business_name", data.business_name, 200)
    errors.max_length("credentials", data.credentials, 200)
    errors.email("email", data.email)
    errors.max_length("phone", data.phone, 50)
    errors.max_length("website", data.website, 200)
    errors.plain_text(
        data, multi_line=frozenset({"postal_address", "account_details", "invoice_footer"})
    )
    errors.currency("default_currency", data.default_currency)
    errors.require("time_zone", data.time_zone)
    errors.time_zone("time_zone", data.time_zone)
    errors.locale("locale", data.locale)
    errors.in_range("default_session_minutes", data.default_session_minutes, 15, 480)
    errors.money("default_fee", data.default_fee, data.default_currency)
    errors.in_range("retention_years", data.retention_years, MIN_RETENTION, MAX_RETENTION)
    _invoicing_problems(errors, data)
    return errors.errors


def _invoicing_problems(errors: FieldErrors, data: ProfileFields) -> None:
    """What invoices print for the seller: a wrong checksum is a field error, not a bad PDF."""
    errors.max_length("tax_id", data.tax_id.strip(), 40)
    errors.vat_number("tax_id", data.tax_id)
    errors.iban("iban", data.iban)
    errors.bic("bic", data.bic)
    errors.web_link("payment_link", data.payment_link)
    errors.max_length("payment_link", data.payment_link.strip(), 500)
    errors.in_range("payment_terms_days", data.payment_terms_days, 0, 365)
    errors.max_length("invoice_prefix", data.invoice_prefix.strip(), 20)
    if not INVOICE_PREFIX.match(data.invoice_prefix.strip()):
        errors.add("invoice_prefix", _("Use letters, digits, dashes or slashes only."))
    if not Decimal(0) <= data.default_tax_rate <= Decimal(100):
        errors.add("default_tax_rate", _("Use a tax rate in percent from 0 to 100."))
    errors.multi_line("account_details", data.account_details)
    errors.multi_line("invoice_footer", data.invoice_footer)


def update_profile(db: Session, data: ProfileFields) -> Saved:
    errors = FieldErrors()
    for name, message in profile_problems(data).items():
        errors.add(name, message)
    if (
        data.default_template_id is not None
        and db.get(AgreementTemplate, data.default_template_id) is None
    ):
        errors.add("default_template_id", _("That agreement template does not exist."))
    errors.raise_if_any()
    profile = get_profile(db)
    for f in fields(ProfileFields):
        setattr(profile, f.name, getattr(data, f.name))
    profile.email = data.email.strip()
    profile.iban = compact_iban(data.iban)
    profile.bic = data.bic.replace(" ", "").upper()
    profile.tax_id = vat_compact(data.tax_id.strip())
    profile.invoice_prefix = data.invoice_prefix.strip()
    profile.locale = str(parse_locale(data.locale)) if data.locale else ""
    db.flush()
    return Saved(profile.id)


def set_logo(db: Session, data: bytes | None, mime: str = "") -> None:
    """Store the letterhead logo (PNG or JPEG, checked by content); ``None`` removes it.

    The content is checked, not just the name, because ReportLab fails late on a bad image.
    """
    profile = get_profile(db)
    if data is None:
        profile.logo, profile.logo_mime = None, ""
        db.flush()
        return
    problem = logo_problem(data, mime)
    if problem is not None:
        raise ValidationError({"logo": problem})
    profile.logo, profile.logo_mime = data, mime
    db.flush()


def logo_problem(data: bytes, mime: str) -> str | None:
    """Why ``data`` cannot be the logo, or None; a form asks before the coach saves."""
    signature = LOGO_SIGNATURES.get(mime)
    if signature is None:
        return _("The logo must be a PNG or JPEG image.")
    if not data.startswith(signature):
        return _("This file is not a valid {kind} image.").format(kind=mime[6:].upper())
    if len(data) > MAX_LOGO_BYTES:
        return _("The logo must be smaller than 2 MB.")
    return None


def profile_logo(db: Session) -> tuple[bytes | None, str]:
    """The letterhead logo and its MIME type; read on its own because it is the one big field."""
    profile = db.get(CoachProfile, PROFILE_ID)
    if profile is None or profile.logo is None:
        return None, ""
    return profile.logo, profile.logo_mime


def update_practice_settings(
    db: Session, note_template: NoteTemplate, paper_size: PaperSize
) -> None:
    """The practice's working defaults edited among the preferences: how new session notes
    start, and the paper every document is laid out for."""
    profile = get_profile(db)
    profile.note_template = NoteTemplate(note_template)
    profile.paper_size = PaperSize(paper_size)
    db.flush()


def coach_zone(db: Session) -> ZoneInfo:
    """The coach's time zone: what "today" and a date on paper mean for this practice."""
    return ZoneInfo(profile_fields(db).time_zone or "UTC")


def coach_today(db: Session) -> date:
    return datetime.now(UTC).astimezone(coach_zone(db)).date()
