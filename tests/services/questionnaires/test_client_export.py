"""A client's own export holds their returned questionnaires and answers, nobody else's."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from coachdesk.services.exchange.archive import export_practice
from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import PREPARATION
from coachdesk.vault import Vault
from tests.services.factories import client


def test_the_client_export_holds_their_answers_only(open_vault: Vault, tmp_path: Path) -> None:
    with open_vault.session() as db, db.begin():
        prep = templates.resolve_template(db, PREPARATION)
        zoe, other = client(db, "Zoë Łukasz"), client(db, "Other Person")
        for who, text in ((zoe, "Zoë's board meeting"), (other, "Other's secret plan")):
            answers.store(db, returns.read_typed(db, prep, who, {"q1_long": text}))
    dest = tmp_path / "zoe.zip"
    with open_vault.session() as db:
        export_practice(db, dest, client_id=zoe)
    with zipfile.ZipFile(dest) as zf:
        document = json.loads(zf.read("coachdesk-export.json"))
        everything = "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist())
    assert [a["value"] for a in document["questionnaire_answer"]] == ["Zoë's board meeting", "", ""]
    assert len(document["questionnaire_form"]) == 1
    assert "Other's secret plan" not in everything
