"""Which ``##`` headings count as each ICF-recommended section, in every shipped language.

A keyword counts when it starts a word of a heading; headings and keywords are compared
case-folded, accents removed and typographic apostrophes made plain, so "Confidentialité",
"CONFIDENTIALITE" and "confidentialité" are one. Keywords are written here in that plain form.
A table per language keeps one language's words from counting in another's template.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from coachdesk.i18n import _

# (key, label): the label is shown to the coach, translated when asked for (as in ``words``).
CLAUSES: tuple[tuple[str, Callable[[], str]], ...] = (
    ("parties", lambda: _("Parties")),
    ("nature", lambda: _("Nature of coaching (not therapy)")),
    ("roles", lambda: _("Roles and responsibilities")),
    ("objectives", lambda: _("Objectives")),
    ("logistics", lambda: _("Logistics")),
    ("fees", lambda: _("Fees and payment")),
    ("cancellation", lambda: _("Cancellation and rescheduling")),
    ("confidentiality", lambda: _("Confidentiality and its limits")),
    ("sponsor", lambda: _("Reporting to the sponsor")),
    ("records", lambda: _("Records")),
    ("communication", lambda: _("Communication between sessions")),
    ("termination", lambda: _("Ending the engagement")),
    ("signatures", lambda: _("Signatures")),
)

KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "parties": ("parties", "who we are"),
        "nature": ("what coaching", "what mentoring", "nature", "therapy"),
        "roles": ("role", "responsibilit"),
        "objectives": ("objective", "goal"),
        "logistics": ("logistic", "practical", "arrangements"),
        "fees": ("fee", "payment", "price"),
        "cancellation": ("cancel", "reschedul"),
        "confidentiality": ("confidential",),
        "sponsor": ("sponsor",),
        "records": ("record", "data", "retention"),
        "communication": ("communicat", "between sessions", "contact"),
        "termination": ("ending", "terminat", "end of"),
        "signatures": ("signature", "sign"),
    },
    "de": {
        "parties": ("partei", "vertragspartei", "beteiligte", "wer wir sind"),
        "nature": ("was coaching", "was mentoring", "wesen", "abgrenzung", "therapie"),
        "roles": ("rolle", "verantwortlich", "aufgaben"),
        "objectives": ("ziel", "anliegen"),
        "logistics": ("rahmen", "ablauf", "organisation", "logistik", "praktisch"),
        "fees": ("honorar", "vergutung", "zahlung", "preis", "kosten"),
        "cancellation": ("absage", "terminabsage", "verschieb", "terminverschieb", "ausfall"),
        "confidentiality": ("vertraulich", "schweigepflicht", "verschwiegenheit"),
        "sponsor": ("auftraggeber", "sponsor", "dreiecks", "bericht"),
        "records": ("aufzeichnung", "unterlagen", "dokumentation", "daten", "notizen"),
        "communication": ("kommunikation", "kontakt", "zwischen den"),
        "termination": ("beendigung", "ende", "kundigung", "abschluss"),
        "signatures": ("unterschrift", "unterzeichn"),
    },
    "fr": {
        "parties": ("parties", "qui sommes-nous"),
        "nature": ("ce qu'est", "nature", "therapie", "definition"),
        "roles": ("role", "responsabilit", "engagements"),
        "objectives": ("objectif",),
        "logistics": ("organisation", "logistique", "deroulement", "cadre", "pratique"),
        "fees": ("honoraire", "paiement", "tarif", "prix", "frais"),
        "cancellation": ("annul", "report"),
        "confidentiality": ("confidentialit", "secret"),
        "sponsor": ("commanditaire", "prescripteur", "sponsor", "compte rendu", "tripartite"),
        "records": ("dossier", "donnees", "notes", "archiv", "conservation"),
        "communication": ("communication", "contact", "echanges", "entre les"),
        "termination": ("fin d", "fin du", "resiliation", "cloture", "terme"),
        "signatures": ("signature",),
    },
    "es": {
        "parties": ("partes", "quienes somos"),
        "nature": ("que es el coaching", "que es la mentoria", "naturaleza", "terapia"),
        "roles": ("funcion", "rol", "responsabilidad"),
        "objectives": ("objetivo", "meta"),
        "logistics": ("practic", "logistic", "organizacion"),
        "fees": ("honorario", "pago", "tarifa", "precio"),
        "cancellation": ("cancelacion", "anulacion", "cambio de fecha", "reprogram"),
        "confidentiality": ("confidencial", "secreto"),
        "sponsor": ("patrocinador", "sponsor", "informacion al", "tripartit"),
        "records": ("registro", "datos", "notas", "conservacion"),
        "communication": ("comunicacion", "contacto", "entre sesiones", "entre reuniones"),
        "termination": ("finalizacion", "terminacion", "fin del", "fin de", "rescision"),
        "signatures": ("firma",),
    },
}


def plain(text: str) -> str:
    """``text`` case-folded, accents removed and apostrophes made plain, for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
