"""How an agreement's state reads above its text: sent when, signed by whom, how, with what;
and why an edited draft could not be saved, naming the field to fix."""

from __future__ import annotations

from datetime import date

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements.listing import AgreementView
from coachdesk.ui.kit.errors import user_message

A = AgreementStatus
SEP = " · "


def waiting_words(days: int) -> str:
    """How long a sent agreement has waited, worded once for the list and the panel."""
    if days <= 0:
        return _("Awaiting signature")
    return ngettext(
        "Awaiting signature for {n} day", "Awaiting signature for {n} days", days
    ).format(n=days)


def state_text(view: AgreementView, today: date) -> str:
    if view.status is A.DRAFT:
        text = _("Draft: edit the text freely, then mark it as sent.")
        if view.superseded_by is None and view.version > 1:
            text += " " + _("Once signed, it replaces version {n}.").format(n=view.version - 1)
        return text
    if view.status is A.SENT:
        sent = view.sent_on or today
        waiting = waiting_words(max((today - sent).days, 0))
        return _("Sent {date}. {waiting}.").format(date=format_date(sent), waiting=waiting)
    signed = [
        _("Client signed {date}").format(date=format_date(view.client_signed_on)),
        _("you signed {date}").format(date=format_date(view.coach_signed_on)),
    ]
    if view.sponsor_signed_on is not None:
        signed.append(_("sponsor signed {date}").format(date=format_date(view.sponsor_signed_on)))
    method = view.signing_method
    parts = [", ".join(signed), words.in_sentence(method) if method is not None else ""]
    parts.append(
        _("scan: {name}").format(name=view.scan_name or _("attached"))
        if view.has_scan
        else _("no scan attached")
    )
    text = SEP.join(p for p in parts if p) + "."
    frozen = _("Frozen: this is the signed PDF.")
    if view.status is A.SUPERSEDED:
        frozen = _("Superseded by a newer version.")
    return f"{frozen} {text}"


def refusal_words(exc: BaseException) -> str:
    """Why the draft was not saved: "Title: This field is required." rather than a bare "title"."""
    if not isinstance(exc, ValidationError):
        return user_message(exc)
    labels = {"title": _("Title"), "body": _("Text")}
    return " ".join(
        f"{labels[field]}: {message}" if field in labels else message
        for field, message in exc.fields.items()
    )
