"""Reading the QR codes back off a printed invoice page, as a phone camera would."""

from __future__ import annotations

import pypdfium2
import zxingcpp


def qr_texts(pdf: bytes, page: int = 0) -> list[str]:
    """Every QR code's text on ``page``, rendered at 200 dpi, left to right."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    found = sorted(found, key=lambda b: b.position.top_left.x)
    return [barcode.text for barcode in found]
