"""The ICF commands and options from the command line, as scripts use them: the names, --json
shapes and exit codes are a contract."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl

from tests.cli.conftest import json_of
from tests.documents.pdfcheck import text


def add_client(cli, name: str, *options: str) -> int:
    return json_of(cli("client", "add", "--name", name, *options, "--json"))["id"]


def held(cli, client: str, start: str, *options: str) -> dict:
    return json_of(
        cli(
            "session",
            "add",
            "--client",
            client,
            "--start",
            start,
            "--status",
            "completed",
            *options,
            "--json",
        )
    )


def build(cli) -> None:
    """Individual paid (60 + 45 min), a group of 3 (90 min), pro bono (60), a confidential
    client (30), a client without consent (60) and a supervision session (60)."""
    assert cli("profile", "set", "--training-start", "2025-01-01")[0] == 0
    add_client(cli, "Ines Paid", "--email", "ines@example.org", "--log-consent", "yes")
    held(cli, "Ines Paid", "2026-03-02T09:00")
    short = held(cli, "Ines Paid", "2026-03-09T09:00", "--actual-minutes", "45")
    assert (short["duration"], short["actual_minutes"], short["kind"]) == (60, 45, "coaching")
    held(cli, "Ines Paid", "2026-03-16T09:00", "--kind", "supervision")
    for name in ("Gina Lead", "Gus Two", "Gwen Three"):
        add_client(cli, name, "--log-consent", "yes")
    group = json_of(
        cli(
            "engagement",
            "add",
            "--group",
            "--participant",
            "Gina Lead",
            "--participant",
            "Gus Two",
            "--participant",
            "Gwen Three",
            "--title",
            "Team",
            "--start",
            "2026-01-01",
            "--json",
        )
    )
    assert group["client_name"] == "Gina Lead"
    held(cli, "Gus Two", "2026-02-05T09:00", "--engagement", str(group["id"]), "--duration", "90")
    add_client(cli, "Pablo Bono", "--phone", "555 0100", "--log-consent", "yes")
    free = json_of(
        cli(
            "engagement",
            "add",
            "--client",
            "Pablo Bono",
            "--title",
            "Volunteer",
            "--start",
            "2026-01-01",
            "--fee-model",
            "pro_bono",
            "--fee",
            "0",
            "--json",
        )
    )
    assert held(cli, "Pablo Bono", "2026-02-10T09:00", "--engagement", str(free["id"]))["pro_bono"]
    add_client(
        cli,
        "Real Name",
        "--confidential-alias",
        "Confidential client 1",
        "--org-contact",
        "hr@acme.example",
    )
    held(cli, "Real Name", "2026-04-01T09:00", "--actual-minutes", "30", "--pro-bono")
    add_client(cli, "Nora Private")
    held(cli, "Nora Private", "2026-04-02T09:00")


def test_icf_summary_json_has_hours_clients_and_each_credential(cli) -> None:
    build(cli)
    summary = json_of(cli("icf", "summary", "--json"))
    # paid: 60 + 45 + 90 = 195 min; pro bono: 60 + 30 = 90 min
    assert (summary["paid_hours"], summary["pro_bono_hours"], summary["total_hours"]) == (
        "3.25",
        "1.50",
        "4.75",
    )
    assert summary["clients"] == 1 + 3 + 1 + 1
    assert summary["training_start"] == "2025-01-01"
    assert summary["left_off"] == 1
    acc, pcc, mcc = summary["credentials"]
    assert acc == {
        "credential": "acc",
        "met": False,
        "missing": {
            "hours": "95.25",
            "paid_hours": "71.75",
            "clients": 2,
            "recent_hours": "20.25",
        },
    }
    assert (pcc["credential"], mcc["credential"], mcc["missing"]["recent_hours"]) == (
        "pcc",
        "mcc",
        "0.00",
    )
    code, out, _err = cli("icf", "summary")
    assert code == 0
    assert "4.75 hours (3.25 paid, 1.50 pro bono) with 6 clients" in out
    assert "1 client is left off: they have not consented." in out


def test_icf_log_writes_xlsx_and_csv_in_the_icf_column_order(cli, tmp_path: Path) -> None:
    build(cli)
    assert cli("icf", "log", "--out", str(tmp_path / "log.xlsx"))[0] == 0
    sheet = openpyxl.load_workbook(tmp_path / "log.xlsx")["Client coaching log"]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ("Client name", "Contact", "Individual or group", "Number in group")
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:5]] == [
        ("Gina Lead", None, "Group", 3),  # no contact given: an empty cell
        ("Pablo Bono", "555 0100", "Individual", None),
        ("Ines Paid", "ines@example.org", "Individual", None),
        ("Confidential client 1", "hr@acme.example", "Individual", None),
    ]
    assert (
        cli(
            "icf",
            "log",
            "--out",
            str(tmp_path / "log.csv"),
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
        )[0]
        == 0
    )
    lines = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text("utf-8-sig"))))
    assert lines[1] == [
        "Ines Paid",
        "ines@example.org",
        "Individual",
        "",
        "2026-03-02",
        "2026-03-09",
        "1.75",
        "0.00",
    ]
    assert lines[3:5] == [["Total paid hours", "1.75"], ["Total pro bono hours", "0.00"]]


def test_icf_log_to_pdf_writes_the_credential_summary(cli, tmp_path: Path) -> None:
    build(cli)
    assert cli("icf", "log", "--out", str(tmp_path / "summary.pdf"))[0] == 0
    words = text((tmp_path / "summary.pdf").read_bytes())
    assert "Credential summary" in words
    assert "Confidential client 1" in words
    assert "Real Name" not in words


def test_cce_and_mentoring_add_and_list(cli, tmp_path: Path) -> None:
    certificate = tmp_path / "ethics.pdf"
    certificate.write_bytes(b"%PDF-1.4 certificate")
    added = json_of(
        cli(
            "cce",
            "add",
            "--date",
            "2026-02-01",
            "--provider",
            "ICF",
            "--title",
            "Ethics",
            "--units",
            "3",
            "--ethics-units",
            "3",
            "--evidence",
            str(certificate),
            "--json",
        )
    )
    assert (added["units"], added["ethics_units"], added["evidence_name"]) == (
        "3",
        "3",
        "ethics.pdf",
    )
    listed = json_of(cli("cce", "list", "--json"))
    assert [a["title"] for a in listed["activities"]] == ["Ethics"]
    assert (listed["cycle"]["units_needed"], listed["met"]) == ("37", False)

    mentor = json_of(
        cli(
            "mentoring",
            "add",
            "--date",
            "2026-01-10",
            "--mentor",
            "Ana Ruiz",
            "--mentor-email",
            "ana@example.org",
            "--mentor-credential",
            "MCC",
            "--minutes",
            "90",
            "--json",
        )
    )
    assert (mentor["mentor_name"], mentor["hours"], mentor["group_size"]) == (
        "Ana Ruiz",
        "1.50",
        None,
    )
    progress = json_of(cli("mentoring", "list", "--json"))["progress"]
    assert (progress["counted_hours"], progress["met"]) == ("1.50", False)

    assert (
        cli(
            "supervision",
            "add",
            "--date",
            "2026-01-12",
            "--supervisor",
            "Bo Lind",
            "--minutes",
            "60",
            "--reflection",
            "private thoughts",
        )[0]
        == 0
    )
    code, out, _err = cli("supervision", "list")
    assert code == 0
    assert "Bo Lind" in out
    assert "private thoughts" not in out


def test_field_errors_exit_1_and_name_the_field(cli, tmp_path: Path) -> None:
    add_client(cli, "Ines Paid")
    add_client(cli, "Other Client")
    cases = [
        (("client", "edit", "Ines Paid", "--org-contact", "not-an-email"), "org_contact_email"),
        (
            (
                "session",
                "add",
                "--client",
                "Ines Paid",
                "--start",
                "2026-03-02T09:00",
                "--actual-minutes",
                "999",
            ),
            "actual_minutes",
        ),
        (("profile", "set", "--training-start", "2025-13-01"), "training_start"),
        (("icf", "log", "--out", str(tmp_path / "log.txt")), "out"),
        (
            (
                "icf",
                "log",
                "--out",
                str(tmp_path / "log.csv"),
                "--from",
                "2026-02-01",
                "--to",
                "2026-01-01",
            ),
            "to",
        ),
        (
            (
                "cce",
                "add",
                "--date",
                "2026-01-01",
                "--provider",
                "P",
                "--title",
                "T",
                "--units",
                "lots",
            ),
            "units",
        ),
        (
            ("mentoring", "add", "--date", "2026-01-01", "--mentor", " ", "--minutes", "60"),
            "mentor_name",
        ),
        (
            (
                "engagement",
                "add",
                "--client",
                "Ines Paid",
                "--participant",
                "Other Client",
                "--title",
                "Not a group",
                "--start",
                "2026-01-01",
            ),
            "participant",
        ),
    ]
    for args, field in cases:
        code, _out, err = cli(*args)
        assert (code, f"{field}:" in err) == (1, True), (args, err)
    assert not (tmp_path / "log.txt").exists()
    assert not (tmp_path / "log.csv").exists()
    assert json_of(cli("session", "list", "--json")) == []


def test_log_consent_can_be_withdrawn(cli) -> None:
    add_client(cli, "Ines Paid", "--email", "ines@example.org", "--log-consent", "yes")
    held(cli, "Ines Paid", "2026-03-02T09:00")
    assert json_of(cli("icf", "summary", "--json"))["clients"] == 1
    assert cli("client", "edit", "Ines Paid", "--log-consent", "no")[0] == 0
    summary = json_of(cli("icf", "summary", "--json"))
    assert (summary["clients"], summary["left_off"]) == (0, 1)
