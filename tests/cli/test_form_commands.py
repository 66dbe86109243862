"""``coachdesk form``: templates, a client's fillable PDF, importing it back (a preview until
--apply), refusals as errors with exit code 1, and the answers."""

from __future__ import annotations

from pathlib import Path

from coachdesk import vault
from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import EVALUATION
from tests.cli.conftest import json_of
from tests.conftest import PASSPHRASE
from tests.services.questionnaires.filling import fill_with_pypdf


def _sent_and_filled(cli, tmp_path: Path) -> Path:
    assert cli("client", "add", "--name", "Zoë Łukasz", "--phone", "+48 000")[0] == 0
    assert cli("client", "add", "--name", "Other Person")[0] == 0
    out = tmp_path / "intake.pdf"
    code, stdout, err = cli(
        "form", "pdf", "--template", "intake", "--client", "1", "--out", str(out)
    )
    assert code == 0, err
    assert str(out) in stdout
    filled = tmp_path / "returned.pdf"
    filled.write_bytes(
        fill_with_pypdf(
            out.read_bytes(),
            {
                "q1_long": "A new team.",
                "q2_short": "Delegate",
                "q3_scale": "/5",
                "q7_short": "+48 1",
            },
        )
    )
    return filled


def test_the_shipped_templates_are_listed_and_shown(cli) -> None:
    rows = json_of(cli("form", "list", "--json"))
    assert [r["key"] for r in rows] == ["intake", "preparation", "midpoint", "evaluation"]
    shown = json_of(cli("form", "show", "preparation", "--json"))
    assert [q["field"] for q in shown["questions"]] == ["q1_long", "q2_long", "q3_long"]
    code, _out, err = cli("form", "show", "nonesuch")
    assert code == 1
    assert "nonesuch" in err


def test_import_previews_then_applies_all_but_the_skipped_changes(cli, tmp_path: Path) -> None:
    filled = _sent_and_filled(cli, tmp_path)
    preview = json_of(cli("form", "import", str(filled), "--json"))
    assert preview["stored"] is False
    assert {c["key"] for c in preview["changes"]} == {"phone", "goal:q2_short"}
    assert json_of(cli("form", "answers", "--client", "1", "--json")) == []

    code, _out, err = cli("form", "import", str(filled), "--client", "2")
    assert code == 1
    assert "another client" in err

    done = json_of(
        cli("form", "import", str(filled), "--client", "1", "--apply", "--skip", "phone", "--json")
    )
    assert done["stored"] is True
    assert {c["key"]: c["made"] for c in done["changes"]} == {"phone": False, "goal:q2_short": True}
    (form,) = json_of(cli("form", "answers", "--client", "1", "--json"))
    assert form["answers"][0]["value"] == "A new team."
    (goal,) = json_of(cli("goal", "list", "--client", "1", "--json"))
    assert (goal["title"], goal["latest_score"]) == ("Delegate", 5)
    assert json_of(cli("client", "show", "1", "--json"))["client"]["phone"] == "+48 000"
    code, _out, err = cli("form", "import", str(filled), "--apply")
    assert code == 1
    assert "already imported" in err


def test_a_file_that_is_not_a_pdf_is_refused(cli, tmp_path: Path) -> None:
    photo = tmp_path / "scan.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the form")
    code, _out, err = cli("form", "import", str(photo))
    assert code == 1
    assert "not a PDF" in err
    code, _out, err = cli("form", "answers")
    assert code == 1
    assert "--testimonials" in err


def test_testimonials_list_the_quotes_with_consent_and_its_day(cli, vault_dir: Path) -> None:
    assert cli("client", "add", "--name", "Zoë Łukasz")[0] == 0
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db, db.begin():
        evaluation = templates.resolve_template(db, EVALUATION)
        typed = {"q5_long": "She asked the right questions.", "q6_yesno": "yes"}
        answers.store(db, returns.read_typed(db, evaluation, 1, typed))
    (quote,) = json_of(cli("form", "answers", "--testimonials", "--json"))
    assert (quote["client_name"], quote["text"]) == ("Zoë Łukasz", "She asked the right questions.")
    code, out, _err = cli("form", "answers", "--testimonials")
    assert code == 0
    assert f"Zoë Łukasz, consent given on {quote['consent_on']}:" in out
