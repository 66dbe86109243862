"""Printable documents: plain data in (``documents.data``), PDF bytes out, ReportLab inside.

Modules: ``agreement``, ``progress_report``, ``session_summary``, ``recovery_sheet``, the
``invoices`` package (invoice, credit note, Factur-X, payment reminder); shared look in
``style``, fonts in ``fonts``, agreement templates in ``templates``. Importing this package does not
import ReportLab; the document modules do, when first used.
"""
