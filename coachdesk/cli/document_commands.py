"""``coachdesk agreement pdf`` and ``coachdesk report progress``: documents written to --out.

The PDF is written only where the user asked, atomically and readable by the user alone: an
exported document holds client text, so it leaves the vault only by this explicit request.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from coachdesk.cli.context import echo, practice
from coachdesk.cli.parsing import group, parse_date, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import _
from coachdesk.services.engagements import engagements
from coachdesk.services.people import clients, profile
from coachdesk.vault.files import write_atomic

REPORT_DAYS = 90


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    agreement = group(commands, "agreement", _("coaching agreements as PDF"))
    pdf = verb(agreement, common, "pdf", _("write a client's agreement as PDF"), cmd_agreement)
    pdf.add_argument("--client", required=True, help=_("id or unique name"))
    pdf.add_argument("--engagement", type=int, metavar="ID", help=_("default: the newest"))
    add_out(pdf)

    report = group(commands, "report", _("progress reports as PDF"))
    progress = verb(report, common, "progress", _("write a progress report"), cmd_progress)
    progress.add_argument("--client", required=True, help=_("id or unique name"))
    progress.add_argument("--from", dest="start", metavar="DATE", help=_("default: 90 days ago"))
    progress.add_argument("--to", dest="end", metavar="DATE", help=_("default: today"))
    progress.add_argument(
        "--sponsor", action="store_true", help=_("the sponsor's version: no session content")
    )
    progress.add_argument("--engagement", type=int, metavar="ID")
    progress.add_argument("--summary", default="", help=_("the coach's summary"))
    progress.add_argument("--next-focus", default="")
    progress.add_argument("--theme", action="append", default=[], help=_("repeat for several"))
    add_out(progress)


def add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="FILE", help=_("a .pdf file"))


def write_pdf(path: Path, pdf: bytes) -> None:
    if not path.parent.is_dir():
        message = _("The folder {path} does not exist.").format(path=path.parent)
        raise ValidationError({"out": message})
    write_atomic(path, pdf)
    echo(_("Wrote {path}").format(path=path))


def cmd_agreement(args: argparse.Namespace) -> int:
    with practice(args) as p:
        client_id = clients.resolve_client(p.db, args.client)
        engagement_id = args.engagement or _newest_engagement(p.db, client_id)
        if engagements.get_engagement(p.db, engagement_id).client_id != client_id:
            raise ValidationError({"engagement": _("That engagement is not this client's.")})
        from coachdesk.services.agreements.documents import agreement_pdf  # ReportLab: on use

        pdf = agreement_pdf(p.db, engagement_id, profile.coach_today(p.db))
    write_pdf(args.out, pdf)
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    with practice(args) as p:
        client_id = clients.resolve_client(p.db, args.client)
        end = parse_date("to", args.end) or profile.coach_today(p.db)
        start = parse_date("from", args.start) or end - timedelta(days=REPORT_DAYS)
        from coachdesk.services.progress.reports import progress_report_pdf

        pdf = progress_report_pdf(
            p.db,
            client_id,
            start,
            end,
            sponsor_version=args.sponsor,
            coach_summary=args.summary,
            next_focus=args.next_focus,
            themes=tuple(args.theme),
            engagement_id=args.engagement,
        )
    write_pdf(args.out, pdf)
    return EXIT_OK


def _newest_engagement(db: Session, client_id: int) -> int:
    rows = engagements.list_engagements(db, client_id)
    if not rows:
        raise ValidationError({"engagement": _("This client has no engagement yet.")})
    return max(rows, key=lambda r: (r.start_date, r.id)).id
