"""The agreement's words without its layout: the shipped templates and the placeholder values.

Kept apart from ``agreement`` so that filling a template in (a draft, the demo, the template
editor's checks) does not load ReportLab; only laying the PDF out does.
"""

from __future__ import annotations

from coachdesk import words
from coachdesk.documents.data import AgreementData
from coachdesk.formatting import format_date, format_money
from coachdesk.i18n import _
from coachdesk.model.enums import EngagementKind, FeeModel
from coachdesk.paths import RESOURCES_DIR


def default_template(kind: str = "coaching") -> str:
    """The shipped English template text for ``"coaching"`` or ``"mentoring"``."""
    return default_template_text(kind, "")


def default_template_text(kind: str, language: str) -> str:
    """The shipped template for ``kind`` in ``language`` ("de": ``coaching_default.de.txt``),
    or the English one when that language has none (translations ship as they are done)."""
    stem = "mentoring_default" if kind == "mentoring" else "coaching_default"
    folder = RESOURCES_DIR / "agreements"
    code = (language or "").replace("-", "_").split("_")[0].lower()
    translated = folder / f"{stem}.{code}.txt"
    if code and code != "en" and translated.is_file():
        return translated.read_text(encoding="utf-8")
    return (folder / f"{stem}.txt").read_text(encoding="utf-8")


def _literal(text: str) -> str:
    """Free text from a form never becomes markup: a leading '#' or '@sign' stays literal."""
    lines = []
    for line in (text or "").strip().splitlines():
        lines.append("\u200b" + line if line.lstrip().startswith(("#", "@sign")) else line)
    return "\n".join(lines)


def agreement_values(data: AgreementData) -> dict[str, str]:
    """The placeholder values of ``data``, formatted for print."""
    lh = data.letterhead
    if data.fee_model == "pro_bono" or not data.fee_amount:
        fee = _("No fee") if data.fee_model == "pro_bono" else format_money(0, data.currency)
    else:
        fee = format_money(data.fee_amount, data.currency)
    goals = "\n".join(
        f"- {_literal(g.title)}"
        + (f" ({_('by {date}').format(date=format_date(g.target_date))})" if g.target_date else "")
        for g in data.goals
    )
    values = {
        "client_name": data.client_name,
        "client_email": data.client_email,
        "client_organisation": data.client_organisation,
        "coach_name": data.coach_name or lh.coach_name,
        "coach_business": lh.business_name,
        "coach_credentials": lh.credentials,
        "coach_email": lh.email,
        "coach_phone": lh.phone,
        "coach_address": lh.postal_address,
        "sponsor_name": data.sponsor_name or "",
        "sponsor_contact": data.sponsor_contact if data.sponsor_name else "",
        "engagement_kind": words.in_sentence(EngagementKind(data.engagement_kind)),
        "engagement_title": data.title,
        "start_date": format_date(data.start_date),
        "end_date": format_date(data.end_date),
        "cadence": data.cadence,
        "session_minutes": str(data.session_minutes),
        "planned_sessions": str(data.planned_sessions) if data.planned_sessions else "",
        "session_mode": data.mode,
        "session_location": data.location,
        "fee_model": words.in_sentence(FeeModel(data.fee_model)),
        "fee": fee,
        "currency": data.currency,
        "payment_terms": data.payment_terms,
        "cancellation_notice_hours": str(data.cancellation_notice_hours),
        "late_cancel_rule": data.late_cancel_rule,
        "communication": data.communication,
        "confidentiality_notes": data.confidentiality_notes,
        "sponsor_sharing": data.sponsor_sharing if data.sponsor_name else "",
        "records_retention": data.records_retention,
        "goals": goals,
        "agreement_date": format_date(data.agreement_date),
        "version": str(data.version),
    }
    return {k: v if k == "goals" else _literal(v) for k, v in values.items()}
