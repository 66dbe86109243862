"""Filling a questionnaire PDF as a client's reader would: pypdf, or pikepdf (qpdf)."""

from __future__ import annotations

import io

import pikepdf
from pikepdf.form import Form
from pypdf import PdfReader, PdfWriter


def fill_with_pypdf(pdf: bytes, values: dict[str, str]) -> bytes:
    """Text fields take text; radios and checkboxes their state's name ("/7", "/Yes")."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def fill_with_pikepdf(pdf: bytes, values: dict[str, str]) -> bytes:
    """The same with pikepdf's form API: radios by their option, checkboxes ticked."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        form = Form(doc)
        for field in form:
            name = field.fully_qualified_name
            if name not in values:
                continue
            value = values[name]
            kind = type(field).__name__
            if kind == "TextField":
                field.value = value
            elif kind == "CheckboxField":
                field.checked = value == "/Yes"
            elif kind == "RadioButtonGroup":
                wanted = value.lstrip("/")
                for option in field.options:
                    if str(option.on_value).lstrip("/") == wanted:
                        option.select()
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()
