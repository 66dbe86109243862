"""Lists and search in words: an empty result says so (exit 0); search labels private matches,
names the notes heading and says how many more there are."""

from __future__ import annotations

from tests.cli.conftest import json_of


def test_empty_lists_say_nothing_matches(cli) -> None:
    for args, words in (
        (("client", "list", "--search", "zebra"), "No clients match."),
        (("session", "list"), "No sessions match."),
        (("engagement", "list"), "No engagements match."),
        (("action", "list"), "No action items match."),
        (("search", "zebra"), "No matches."),
    ):
        code, out, _err = cli(*args)
        assert code == 0, args
        assert out.strip() == words, args
    cli("client", "add", "--name", "Aoife Byrne")
    code, out, _err = cli("goal", "list", "--client", "Aoife Byrne")
    assert (code, out.strip()) == (0, "No goals match.")
    assert json_of(cli("client", "list", "--search", "zebra", "--json")) == []


def test_search_labels_private_matches_and_says_how_many_more(cli) -> None:
    cli("client", "add", "--name", "Aoife Byrne")
    for day in range(1, 5):
        when = f"2026-03-0{day} 09:00"
        cli("session", "add", "--client", "Aoife Byrne", "--start", when, "--agenda", "Budget")
    cli(
        "session",
        "add",
        "--client",
        "Aoife Byrne",
        "--start",
        "2026-03-09 09:00",
        "--private-notes",
        "Worried about the budget.",
    )
    code, out, _err = cli("search", "budget")
    assert code == 0
    lines = out.splitlines()
    assert "Private · Worried about the [budget]." in lines[1], "newest first"
    assert "Agenda: [Budget]" in lines[2]
    assert "more" not in out
    code, out, _err = cli("search", "budget", "--limit", "2")
    assert "3 more matches: --offset 2 shows them." in out
    code, out, _err = cli("search", "budget", "--limit", "2", "--offset", "2")
    assert "1 more match: --offset 4 shows it." in out
    hits = json_of(cli("search", "budget", "--json"))
    assert [h["private"] for h in hits] == [True, False, False, False, False]
    assert hits[1]["section"] == "Agenda"
