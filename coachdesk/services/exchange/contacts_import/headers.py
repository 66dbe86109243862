"""Which client field each column of a contacts export holds.

Column titles of the common exports (Google Contacts old and new, Outlook, a plain sheet) are
matched without regard to case or spacing. Outlook's "Title" is a courtesy title (Mr, Dr),
not a role, so it is left alone. Several columns may feed one field
(Outlook's business and mobile phones): a row takes the first of them that is filled in. Notes
columns are never recognised: what a contact's notes say is not for a client record.

A middle name ("Middle Name", Google's "Additional Name") joins the given name, as a coach
would type it in the client form, which has no field of its own for it. Outlook splits each
address into street, city, state, postal code and country columns, for business, home and
other addresses: these are address parts, grouped by the title's first word (``address_group``)
and put together into one postal address when no column holds it whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coachdesk.errors import ValidationError
from coachdesk.i18n import _

IGNORE = ""
# Not client fields: a middle name joins the given name, address parts make a postal address.
MIDDLE_NAME = "middle_name"
STREET, CITY, REGION = "address_street", "address_city", "address_region"
POSTCODE, COUNTRY = "address_postcode", "address_country"
ADDRESS_PARTS = (STREET, CITY, REGION, POSTCODE, COUNTRY)
# The short names the command line's ``--map`` uses, and the client field each fills.
FIELD_KEYS: dict[str, str] = {
    "name": "display_name",
    "given": "given_name",
    "middle": MIDDLE_NAME,
    "family": "family_name",
    "email": "email",
    "phone": "phone",
    "organisation": "organisation",
    "role": "role",
    "address": "postal_address",
    "street": STREET,
    "city": CITY,
    "region": REGION,
    "postcode": POSTCODE,
    "country": COUNTRY,
    "ignore": IGNORE,
}
# Outlook's address groups, most wanted first; titles without one ("City") form the last group.
ADDRESS_GROUPS = ("business", "home", "other")
OUTLOOK_PARTS: dict[str, tuple[str, ...]] = {
    STREET: ("street", "street 2", "street 3", "address po box"),
    CITY: ("city",),
    REGION: ("state",),
    POSTCODE: ("postal code",),
    COUNTRY: ("country/region", "country"),
}


def _outlook(part: str) -> tuple[str, ...]:
    """Outlook's titles for ``part`` of each address group ("Business City", "Home City"…)."""
    return tuple(f"{group} {suffix}" for group in ADDRESS_GROUPS for suffix in OUTLOOK_PARTS[part])


KNOWN_HEADERS: dict[str, tuple[str, ...]] = {
    "display_name": ("name", "full name", "display name", "contact name", "client", "client name"),
    "given_name": ("given name", "first name", "firstname", "forename", "given"),
    MIDDLE_NAME: ("middle name", "additional name", "middle names"),
    "family_name": ("family name", "last name", "lastname", "surname", "family"),
    "email": (
        "e-mail 1 - value",
        "e-mail 2 - value",
        "e-mail address",
        "e-mail 2 address",
        "e-mail 3 address",
        "email address",
        "email",
        "e-mail",
        "mail",
    ),
    "phone": (
        "phone 1 - value",
        "phone 2 - value",
        "mobile phone",
        "business phone",
        "home phone",
        "primary phone",
        "phone",
        "mobile",
        "telephone",
        "phone number",
    ),
    "organisation": (
        "organization 1 - name",
        "organization name",
        "organisation",
        "organization",
        "company",
        "employer",
    ),
    "role": (
        "organization 1 - title",
        "organization title",
        "job title",
        "role",
        "position",
    ),
    "postal_address": (
        "address 1 - formatted",
        "address",
        "postal address",
        "home address",
        "business address",
    ),
    STREET: ("street", "street address", "address line 1", "address line 2", *_outlook(STREET)),
    CITY: ("city", "town", "town/city", *_outlook(CITY)),
    REGION: ("state", "region", "county", "province", *_outlook(REGION)),
    POSTCODE: ("postal code", "postcode", "zip", "zip code", *_outlook(POSTCODE)),
    COUNTRY: ("country", "country/region", *_outlook(COUNTRY)),
}


def _key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip().strip("\ufeff")).casefold()


RECOGNISED = {_key(title): field for field, titles in KNOWN_HEADERS.items() for title in titles}


def field_labels() -> dict[str, str]:
    """Each field a column can feed, as the coach reads it (``""`` ignores the column)."""
    return {
        IGNORE: _("(ignore)"),
        "display_name": _("Name"),
        "given_name": _("Given name"),
        MIDDLE_NAME: _("Middle name"),
        "family_name": _("Family name"),
        "email": _("Email"),
        "phone": _("Phone"),
        "organisation": _("Organisation"),
        "role": _("Role"),
        "postal_address": _("Postal address"),
        STREET: _("Address: street"),
        CITY: _("Address: town or city"),
        REGION: _("Address: state or region"),
        POSTCODE: _("Address: postcode"),
        COUNTRY: _("Address: country"),
    }


def address_group(title: str) -> str:
    """Which of a contact's addresses a column belongs to: "business", "home", "other", or ""."""
    first = _key(title).partition(" ")[0]
    return first if first in ADDRESS_GROUPS else ""


def guess_mapping(headers: Sequence[str]) -> list[str]:
    """The field for each column, as far as its title tells."""
    return [RECOGNISED.get(_key(title), IGNORE) for title in headers]


def apply_map_options(
    headers: Sequence[str], mapping: list[str], items: Sequence[str]
) -> list[str]:
    """``mapping`` with ``COLUMN=FIELD`` choices applied; COLUMN is a title or a 1-based number."""
    result = list(mapping)
    titles = [_key(title) for title in headers]
    for item in items:
        column, sep, key = item.partition("=")
        if not sep:
            raise ValidationError({"map": _("Use COLUMN=FIELD, for example Mail=email.")})
        field = FIELD_KEYS.get(key.strip().lower())
        if field is None:
            message = _("Unknown field {field}: use one of {fields}.")
            raise ValidationError(
                {"map": message.format(field=key.strip(), fields=", ".join(FIELD_KEYS))}
            )
        result[_column_index(titles, column)] = field
    return result


def _column_index(titles: list[str], column: str) -> int:
    wanted = _key(column)
    if wanted in titles:
        return titles.index(wanted)
    if wanted.isdigit() and 1 <= int(wanted) <= len(titles):
        return int(wanted) - 1
    message = _("The file has no column {column} (give its title or its number, 1 to {n}).")
    raise ValidationError({"map": message.format(column=column.strip(), n=len(titles))})


def lacks_name(mapping: Sequence[str]) -> bool:
    """No column gives a name, so no row can become a client."""
    return not {"display_name", "given_name", MIDDLE_NAME, "family_name"} & set(mapping)
