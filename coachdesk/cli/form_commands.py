"""``coachdesk form``: questionnaire templates, their fillable PDFs, returned forms and answers.

``form import`` without ``--apply`` only says what it would store and change; with it, the
answers are stored with the client and every proposed client change is made except those named
with ``--skip``: running it after reading the preview is the coach's confirmation.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk import words
from coachdesk.cli.context import echo, practice
from coachdesk.cli.document_commands import add_out, write_pdf
from coachdesk.cli.output import print_json, print_table, warn
from coachdesk.cli.parsing import group, verb
from coachdesk.errors import EXIT_OK, ValidationError
from coachdesk.i18n import _
from coachdesk.services.people import clients, profile
from coachdesk.services.questionnaires import answers, forms, returns, templates
from coachdesk.services.questionnaires.answers import Review
from coachdesk.services.questionnaires.questions import as_record, field_name

MAX_PDF_BYTES = 50 * 1024 * 1024


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    form = group(commands, "form", _("questionnaires as fillable PDFs, and their answers"))
    listing = verb(form, common, "list", _("list the questionnaire templates"), cmd_list)
    listing.add_argument("--json", action="store_true")
    show = verb(form, common, "show", _("show a template's questions"), cmd_show)
    show.add_argument("template", metavar="TEMPLATE", help=_("id, key or title"))
    show.add_argument("--json", action="store_true")
    pdf = verb(form, common, "pdf", _("write a fillable questionnaire for a client"), cmd_pdf)
    pdf.add_argument("--template", required=True, help=_("id, key or title"))
    pdf.add_argument("--client", required=True, help=_("id or unique name"))
    add_out(pdf)
    imp = verb(form, common, "import", _("read a returned questionnaire"), cmd_import)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--client", help=_("refuse the form unless it was sent to this client"))
    imp.add_argument("--apply", action="store_true", help=_("store the answers and changes"))
    imp.add_argument(
        "--skip", action="append", default=[], metavar="CHANGE", help=_("a change not to make")
    )
    imp.add_argument("--json", action="store_true")
    listed = verb(form, common, "answers", _("a client's returned questionnaires"), cmd_answers)
    listed.add_argument("--client", help=_("id or unique name"))
    listed.add_argument(
        "--testimonials", action="store_true", help=_("testimonials clients agreed to have quoted")
    )
    listed.add_argument("--json", action="store_true")


def cmd_list(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        rows = templates.list_templates(p.db)
    if args.json:
        print_json(rows)
        return EXIT_OK
    print_table(
        [_("id"), _("key"), _("title"), _("version"), _("questions")],
        [[r.id, r.key, r.title, r.version, r.questions] for r in rows],
    )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        template_id = templates.resolve_template(p.db, args.template)
        data = templates.template_fields(p.db, template_id)
        version = templates.get_template(p.db, template_id).version
    questions = [{"field": field_name(i, q), **as_record(q)} for i, q in enumerate(data.questions)]
    if args.json:
        print_json(
            {
                "id": template_id,
                "title": data.title,
                "introduction": data.introduction,
                "version": version,
                "questions": questions,
            }
        )
        return EXIT_OK
    echo(_("{title} (version {version})").format(title=data.title, version=version))
    print_table(
        [_("field"), _("kind"), _("question"), _("required"), _("goes to")],
        [
            [
                field_name(i, q),
                words.label(q.kind),
                q.label,
                _("yes") if q.required else "",
                words.label(q.mapping) if q.mapping else "",
            ]
            for i, q in enumerate(data.questions)
        ],
    )
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    with practice(args, write=True) as p:
        template_id = templates.resolve_template(p.db, args.template)
        client_id = clients.resolve_client(p.db, args.client)
        issued = forms.issue_pdf(p.db, template_id, client_id, profile.coach_today(p.db))
        write_pdf(args.out, issued.pdf)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    if not path.is_file():
        raise ValidationError({"file": _("There is no file at {path}.").format(path=path)})
    if path.stat().st_size > MAX_PDF_BYTES:
        raise ValidationError({"file": _("This file is too large to be a questionnaire.")})
    data = path.read_bytes()
    with practice(args, write=True) as p:
        client_id = clients.resolve_client(p.db, args.client) if args.client else None
        review = returns.read_pdf(p.db, data, client_id)
        unknown = set(args.skip) - {c.key for c in review.changes}
        if unknown:
            raise ValidationError(
                {"skip": _("No such change: {names}.").format(names=", ".join(sorted(unknown)))}
            )
        accepted = [c.key for c in review.changes if c.key not in args.skip]
        form_id = answers.store(p.db, review, accepted) if args.apply else None
    if args.json:
        print_json(_review_json(review, form_id, accepted if args.apply else []))
        return EXIT_OK
    _print_review(review)
    if form_id is None:
        echo(_("Nothing was stored. Run again with --apply to store the answers."))
    else:
        echo(_("Stored the answers for {name}.").format(name=review.client_name))
    return EXIT_OK


def _review_json(review: Review, form_id: int | None, made: list[str]) -> dict[str, object]:
    return {
        "stored": form_id is not None,
        "form_id": form_id,
        "client_id": review.client_id,
        "client": review.client_name,
        "title": review.title,
        "answers": review.answers,
        "missing": review.missing,
        "changes": [
            {"key": c.key, "what": c.what, "old": c.old, "new": c.new, "made": c.key in made}
            for c in review.changes
        ],
    }


def _print_review(review: Review) -> None:
    echo(_("{title} from {name}").format(title=review.title, name=review.client_name))
    print_table(
        [_("field"), _("question"), _("answer")],
        [[a.name, a.label, a.value] for a in review.answers],
    )
    warn(_("No answer to a required question: {label}").format(label=m) for m in review.missing)
    if review.changes:
        print_table(
            [_("change"), _("what"), _("now"), _("from the form")],
            [[c.key, c.what, c.old, c.new] for c in review.changes],
        )


def cmd_answers(args: argparse.Namespace) -> int:
    if not args.client and not args.testimonials:
        raise ValidationError({"client": _("Name a client, or ask for --testimonials.")})
    with practice(args) as p:
        if args.testimonials:
            quotes = forms.testimonials(p.db)
            if args.client:
                wanted = clients.resolve_client(p.db, args.client)
                quotes = [t for t in quotes if t.client_id == wanted]
            rows: list[object] = list(quotes)
        else:
            rows = list(forms.returned_forms(p.db, clients.resolve_client(p.db, args.client)))
    if args.json:
        print_json(rows)
        return EXIT_OK
    for row in rows:
        if isinstance(row, forms.Testimonial):
            echo(
                _("{name}, consent given on {day}:").format(
                    name=row.client_name, day=row.consent_on.isoformat()
                )
            )
            echo(row.text)
            echo("")
        elif isinstance(row, forms.ReturnedForm):
            echo(
                _("{title}, returned {day}").format(
                    title=row.title, day=row.returned_at.date().isoformat()
                )
            )
            print_table([_("question"), _("answer")], [[a.label, a.value] for a in row.answers])
    if not rows:
        echo(_("No questionnaires have come back yet."))
    return EXIT_OK
