"""Reading real address-book exports: each common shape, encoding and delimiter, and vCards."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.errors import InvalidInput
from coachdesk.services.exchange.contacts_import import load_contacts

GOOGLE = (
    "Name,Given Name,Additional Name,Family Name,Nickname,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Title\n"
    "Zoë Müller,Zoë,,Müller,Zo,Met at the fair,* myContacts,* Work,zoe@example.org,"
    "Mobile,+49 170 1234567,,Acme GmbH,Head of Sales\n"
    "Dr Amara Okafor,Amara,,Okafor,,,* myContacts,* Home,amara@example.org,,,,,\n"
)
GOOGLE_NEW = (
    "First Name,Middle Name,Last Name,Nickname,File As,Organization Name,Organization Title,"
    "Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - Label,Address 1 - Formatted\n"
    "Zoë,,Müller,,,Acme GmbH,Head of Sales,Private,* myContacts,Work,zoe@example.org,Mobile,"
    '+49 170 1234567,Work,"Hauptstraße 1\n10115 Berlin"\n'
    "Amara,,Okafor,,,,,,,,amara@example.org,,,,\n"
)
OUTLOOK = (
    "Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,"
    "Business Phone,Home Phone,Mobile Phone,E-mail Address,E-mail Type,E-mail Display Name,Notes\n"
    "Dr,Zoë,,Müller,,Acme GmbH,Sales,Head of Sales,,,+49 170 1234567,zoe@example.org,SMTP,"
    "Zoë Müller (zoe@example.org),Private\n"
    ",Amara,,Okafor,,,,,+44 20 7946 0000,,+44 7700 900000,amara@example.org,SMTP,,\n"
)
PLAIN = (
    "Name,Email,Phone\n"
    "Zoë Müller,zoe@example.org,+49 170 1234567\n"
    "Amara Okafor,amara@example.org,\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    "text", [GOOGLE, GOOGLE_NEW, OUTLOOK, PLAIN], ids=["google", "google-new", "outlook", "plain"]
)
def test_each_known_export_shape_lands_names_and_emails(tmp_path: Path, text: str) -> None:
    found = load_contacts(write(tmp_path, "contacts.csv", text)).candidates()
    assert [(c.number, c.fields.full_name, c.fields.email) for c in found] == [
        (2, "Zoë Müller", "zoe@example.org"),
        (3, "Amara Okafor" if text is not GOOGLE else "Dr Amara Okafor", "amara@example.org"),
    ]
    zoe = found[0].fields
    assert zoe.phone == "+49 170 1234567"
    assert "Private" not in repr(zoe)  # notes stay out
    assert "Met at the fair" not in repr(zoe)
    if text is not PLAIN:
        assert (zoe.given_name, zoe.family_name) == ("Zoë", "Müller")
        assert (zoe.organisation, zoe.role) == ("Acme GmbH", "Head of Sales")


def test_google_name_that_only_repeats_given_and_family_is_not_kept_twice(tmp_path: Path) -> None:
    zoe, amara = (c.fields for c in load_contacts(write(tmp_path, "g.csv", GOOGLE)).candidates())
    assert zoe.display_name == ""  # sorted by family name, as the client form does
    assert amara.display_name == "Dr Amara Okafor"  # a different display name is kept


def test_outlook_takes_the_first_phone_filled_in_and_ignores_the_courtesy_title(
    tmp_path: Path,
) -> None:
    zoe, amara = (c.fields for c in load_contacts(write(tmp_path, "o.csv", OUTLOOK)).candidates())
    assert amara.phone == "+44 20 7946 0000"
    assert zoe.role == "Head of Sales"
    assert zoe.full_name == "Zoë Müller"


def test_an_address_keeps_its_lines(tmp_path: Path) -> None:
    zoe = load_contacts(write(tmp_path, "g.csv", GOOGLE_NEW)).candidates()[0].fields
    assert zoe.postal_address == "Hauptstraße 1\n10115 Berlin"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("cp1252", "windows-1252"),
    ],
)
def test_each_encoding_reads_non_ascii_names(tmp_path: Path, encoding: str, expected: str) -> None:
    source = load_contacts(write(tmp_path, "c.csv", OUTLOOK, encoding))
    assert source.table is not None
    assert source.table.encoding == expected
    assert source.table.headers[0] == "Title"  # no byte-order mark left on the first title
    names = [c.fields.full_name for c in source.candidates()]
    assert names == ["Zoë Müller", "Amara Okafor"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters(tmp_path: Path, delimiter: str) -> None:
    text = (
        f"Name{delimiter}E-mail{delimiter}Company\n"
        f"Zoë Müller{delimiter}zoe@example.org{delimiter}Acme, GmbH\n"
        f"Łukasz Dvořák{delimiter}lukasz@example.org{delimiter}\n"
    )
    source = load_contacts(write(tmp_path, "c.csv", text))
    assert source.table is not None
    assert source.table.delimiter == delimiter
    found = [
        (c.fields.full_name, c.fields.email, c.fields.organisation) for c in source.candidates()
    ]
    assert found == [
        ("Zoë Müller", "zoe@example.org", "Acme, GmbH"),
        ("Łukasz Dvořák", "lukasz@example.org", ""),
    ]


def test_blank_rows_are_skipped_but_row_numbers_match_the_spreadsheet(tmp_path: Path) -> None:
    text = "Name,Email\nZoë Müller,zoe@example.org\n,\n\nAmara Okafor,amara@example.org\n"
    found = load_contacts(write(tmp_path, "c.csv", text)).candidates()
    assert [(c.number, c.fields.full_name) for c in found] == [
        (2, "Zoë Müller"),
        (5, "Amara Okafor"),
    ]


def test_unrecognised_columns_are_ignored_until_mapped(tmp_path: Path) -> None:
    text = "Person;Reach at\nZoë Müller;zoe@example.org\n"
    source = load_contacts(write(tmp_path, "c.csv", text))
    assert source.mapping() == ["", ""]
    mapped = source.candidates(["display_name", "email"])[0].fields
    assert (mapped.full_name, mapped.email) == ("Zoë Müller", "zoe@example.org")


def test_an_empty_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        load_contacts(write(tmp_path, "empty.csv", ""))
    with pytest.raises(InvalidInput, match="no file"):
        load_contacts(tmp_path / "missing.csv")


VCARDS = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Müller;Zoë;;Dr;\r\n"
    "FN:Zoë Müller\r\n"
    "EMAIL;TYPE=INTERNET,HOME:zoe.home@example.org\r\n"
    "EMAIL;TYPE=INTERNET,WORK,pref:zoe@example.org\r\n"
    "TEL;TYPE=CELL:+49 170 1234567\r\n"
    "ORG:Acme GmbH;Sales\r\n"
    "TITLE:Head of Sales and Customer Suc\r\n"
    " cess\r\n"
    "ADR;TYPE=WORK:;;Hauptstraße 1;Berlin;;10115;Germany\r\n"
    "NOTE:Going through a divorce\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Łukasz Dvořák\r\n"
    "N:Dvořák;Łukasz;;;\r\n"
    "EMAIL;PREF=1:lukasz@example.org\r\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+48-600-000-000\r\n'
    "ORG:Nordwind\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Дмитрий\r\n"
    "END:VCARD\r\n"
)


def test_a_multi_card_vcard_of_versions_3_and_4(tmp_path: Path) -> None:
    found = load_contacts(write(tmp_path, "contacts.vcf", VCARDS)).candidates()
    assert [(c.number, c.fields.full_name, c.fields.email) for c in found] == [
        (1, "Zoë Müller", "zoe@example.org"),
        (2, "Łukasz Dvořák", "lukasz@example.org"),
        (3, "Дмитрий", ""),
    ]
    zoe, lukasz, _ = (c.fields for c in found)
    assert (zoe.given_name, zoe.family_name) == ("Zoë", "Müller")
    assert zoe.role == "Head of Sales and Customer Success"  # the folded line, unfolded
    assert zoe.organisation == "Acme GmbH"
    assert zoe.postal_address == "Hauptstraße 1\n10115 Berlin\nGermany"
    assert "divorce" not in repr(zoe)  # NOTE is never imported
    assert lukasz.phone == "+48-600-000-000"
    assert lukasz.organisation == "Nordwind"


def test_a_vcard_is_recognised_by_its_content_too(tmp_path: Path) -> None:
    source = load_contacts(write(tmp_path, "export.txt", VCARDS, "utf-8-sig"))
    assert source.kind == "vcard"
    assert len(source.candidates()) == 3


def test_a_damaged_vcard_is_a_clear_error(tmp_path: Path) -> None:
    damaged = "BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nBEGIN:VCARD\n"
    with pytest.raises(InvalidInput, match="vCard"):
        load_contacts(write(tmp_path, "bad.vcf", damaged)).candidates()


def test_commas_inside_values_do_not_fool_the_delimiter(tmp_path: Path) -> None:
    text = "Name;Company;Email\nZoë Müller;Acme, Inc.;zoe@example.org\nAmara;Northwind, Ltd;\n"
    source = load_contacts(write(tmp_path, "c.csv", text))
    assert source.table is not None
    assert source.table.delimiter == ";"
    assert source.candidates()[0].fields.organisation == "Acme, Inc."


def test_a_file_of_the_other_kind_is_named_as_such(tmp_path: Path) -> None:
    cards = write(tmp_path, "cards.csv", VCARDS)
    with pytest.raises(InvalidInput, match=r"cards\.csv is a vCard file, not a CSV file"):
        load_contacts(cards, "csv")
    sheet = write(tmp_path, "sheet.vcf", PLAIN)
    with pytest.raises(InvalidInput, match=r"sheet\.vcf is not a vCard file"):
        load_contacts(sheet)


OUTLOOK_ADDRESSES = (
    "First Name,Middle Name,Last Name,Company,Business Street,Business Street 2,Business City,"
    "Business State,Business Postal Code,Business Country/Region,Home Street,Home City,"
    "Home State,Home Postal Code,Home Country/Region,E-mail Address\n"
    # 2: both addresses: the business one is taken, whole, with its second street line
    "Zoë,,Müller,Acme GmbH,Hauptstraße 1,Hinterhaus,Berlin,,10115,Germany,"
    "Gartenweg 7,Potsdam,,14467,Germany,zoe@example.org\n"
    # 3: only a home address, in the US
    "Amara,,Okafor,,,,,,,,12 Elm Street,Springfield,IL,62701,United States,amara@example.org\n"
    # 4: no address at all
    "Ben,,Adams,,,,,,,,,,,,,ben@example.org\n"
    # 5: only a business city: still the business address, not mixed with home parts
    "Cleo,,Voss,,,,Hamburg,,,,Ringstraße 2,Kiel,,24103,,cleo@example.org\n"
)


def test_outlook_split_addresses_become_one_postal_address_business_first(
    tmp_path: Path,
) -> None:
    source = load_contacts(write(tmp_path, "outlook.csv", OUTLOOK_ADDRESSES))
    addresses = {c.fields.full_name: c.fields.postal_address for c in source.candidates()}
    assert addresses == {
        "Zoë Müller": "Hauptstraße 1\nHinterhaus\n10115 Berlin\nGermany",
        "Amara Okafor": "12 Elm Street\n62701 Springfield\nIL\nUnited States",
        "Ben Adams": "",
        "Cleo Voss": "Hamburg",
    }


def test_a_whole_address_column_wins_over_split_parts(tmp_path: Path) -> None:
    text = (
        "Name,Address,Street,City,Postcode\n"
        'Zoë Müller,"Hauptstraße 1\n10115 Berlin",Other Road 2,Bonn,53111\n'
        "Amara Okafor,,Other Road 2,Bonn,53111\n"
    )
    zoe, amara = (c.fields for c in load_contacts(write(tmp_path, "c.csv", text)).candidates())
    assert zoe.postal_address == "Hauptstraße 1\n10115 Berlin"
    assert amara.postal_address == "Other Road 2\n53111 Bonn"  # a plain sheet's parts too


def test_address_parts_can_be_chosen_for_unrecognised_columns(tmp_path: Path) -> None:
    text = "Name;Strasse;Ort;PLZ\nZoë Müller;Hauptstraße 1;Berlin;10115\n"
    source = load_contacts(write(tmp_path, "c.csv", text))
    assert source.mapping() == ["display_name", "", "", ""]
    mapping = ["display_name", "address_street", "address_city", "address_postcode"]
    assert source.candidates(mapping)[0].fields.postal_address == "Hauptstraße 1\n10115 Berlin"


@pytest.mark.parametrize("title", ["Middle Name", "Additional Name"], ids=["outlook", "google"])
def test_a_middle_name_joins_the_given_name(tmp_path: Path, title: str) -> None:
    text = f"Name,Given Name,{title},Family Name\nAnna Maria Schmidt,Anna,Maria,Schmidt\n"
    anna = load_contacts(write(tmp_path, "g.csv", text)).candidates()[0].fields
    assert (anna.given_name, anna.family_name) == ("Anna Maria", "Schmidt")
    assert anna.display_name == ""  # the Name column only repeated the three: sorted by family
    assert anna.full_name == "Anna Maria Schmidt"


def test_google_multi_value_cells_give_the_first_email_and_phone(tmp_path: Path) -> None:
    text = (
        "Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value\n"
        "Zoë,Müller,* Work ::: Home,zoe@example.org ::: zoe.home@example.org,"
        "Mobile ::: Work,+49 170 1234567 ::: +49 30 123456\n"
        "Amara,Okafor,, ::: amara@example.org,,\n"
    )
    zoe, amara = (c.fields for c in load_contacts(write(tmp_path, "g.csv", text)).candidates())
    assert (zoe.email, zoe.phone) == ("zoe@example.org", "+49 170 1234567")
    assert amara.email == "amara@example.org"  # an empty first value is no value
