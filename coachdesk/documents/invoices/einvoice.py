"""The Factur-X (ZUGFeRD 2) e-invoice: the invoice PDF as PDF/A-3 with its CII XML embedded.

The ``factur-x`` library embeds the XML and writes the PDF/A-3 metadata; ReportLab's open-source
edition writes no output intent, so an sRGB one is added first (PDF/A asks for one whenever colour
is used). The work stays in memory: ``generate_from_binary`` would copy the client's invoice into a
temporary file outside the vault.
"""

from __future__ import annotations

import io
import logging
from functools import cache

import facturx
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from coachdesk.documents.invoices.cii import cii_xml
from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.documents.invoices.invoice import render_invoice_pdf
from coachdesk.documents.invoices.wording import display_name, title
from coachdesk.errors import InvalidInput
from coachdesk.i18n import _

# The library logs its XSD errors, which quote the invoice's content: client text stays out of
# our logs, and a failed check reaches the coach as InvalidInput instead.
logging.getLogger("factur-x").setLevel(logging.CRITICAL)

LEVEL = "en16931"


class _RewrittenInPlace(io.BytesIO):
    """``facturx.generate_from_file`` reads the whole file object, then writes the new PDF into
    it from wherever reading stopped; starting over at the first write keeps only the new one."""

    def __init__(self, pdf: bytes) -> None:
        super().__init__(pdf)
        self._rewriting = False

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if not self._rewriting:
            self.seek(0)
            self.truncate()
            self._rewriting = True
        return super().write(data)


@cache
def _srgb_profile() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _with_output_intent(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    profile = DecodedStreamObject()
    profile.set_data(_srgb_profile())
    profile[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB"),
            NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
            NameObject("/DestOutputProfile"): writer._add_object(profile),
        }
    )
    writer._root_object[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def facturx_pdf(doc: InvoiceDocument) -> bytes:
    """The issued invoice or credit note as a Factur-X EN 16931 PDF, its XML checked against the
    Factur-X XSD. A draft has no number yet, so it has no e-invoice either."""
    if not doc.number:
        raise InvalidInput(_("Issue the invoice first: a draft has no number, so no e-invoice."))
    seller = display_name(doc.seller)
    heading = f"{title(doc)} {doc.number}"
    out = _RewrittenInPlace(_with_output_intent(render_invoice_pdf(doc)))
    try:
        facturx.generate_from_file(
            out,
            cii_xml(doc),
            flavor="factur-x",
            level=LEVEL,
            check_xsd=True,
            pdf_metadata={
                "author": seller,
                "keywords": "Factur-X, " + title(doc),
                "title": heading,
                "subject": f"Factur-X {heading} – {seller}",
            },
            lang="en",
        )
    except Exception:  # the library's messages quote the invoice: the coach (and log) get ours
        raise InvalidInput(
            _("This invoice could not be written as a Factur-X e-invoice; its PDF is unaffected.")
        ) from None
    return out.getvalue()
