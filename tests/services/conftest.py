"""A database session in an open transaction on a fresh vault, for service tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from coachdesk.vault import Vault


@pytest.fixture
def db(open_vault: Vault) -> Iterator[Session]:
    with open_vault.session() as session, session.begin():
        yield session
