"""``coachdesk goal delete`` and ``coachdesk action edit|delete``: what changes, what is asked,
and the field named when an option is wrong."""

from __future__ import annotations

from tests.cli.conftest import json_of


def amara_with_goal(cli) -> tuple[int, int]:
    assert cli("client", "add", "--name", "Amara Okafor")[0] == 0
    goal = json_of(cli("goal", "add", "--client", "Amara Okafor", "--title", "Delegate", "--json"))
    return 1, goal["id"]


def test_a_rated_goal_is_deleted_only_with_yes_without_a_terminal(cli) -> None:
    _client, goal = amara_with_goal(cli)
    assert cli("goal", "rate", str(goal), "6")[0] == 0
    code, _out, err = cli("goal", "delete", str(goal))
    assert code == 1
    assert "--yes" in err
    assert len(json_of(cli("goal", "list", "--client", "1", "--json"))) == 1
    code, out, _err = cli("goal", "delete", str(goal), "--yes")
    assert code == 0
    assert f"Deleted goal {goal}." in out
    assert json_of(cli("goal", "list", "--client", "1", "--json")) == []


def test_an_unrated_goal_is_deleted_without_asking_and_its_actions_stay(cli) -> None:
    _client, goal = amara_with_goal(cli)
    added = json_of(
        cli("action", "add", "--client", "1", "--text", "List tasks", "--goal", str(goal), "--json")
    )
    assert cli("goal", "delete", str(goal))[0] == 0
    (row,) = json_of(cli("action", "list", "--json"))
    assert (row["id"], row["goal_id"]) == (added["id"], None)


def test_action_edit_changes_only_the_options_given(cli) -> None:
    _client, goal = amara_with_goal(cli)
    cli("action", "add", "--client", "1", "--text", "List tasks", "--due", "2026-04-01")
    assert cli("action", "edit", "1", "--text", "List every task", "--goal", str(goal))[0] == 0
    (row,) = json_of(cli("action", "list", "--json"))
    assert (row["text"], row["due_on"], row["goal_id"]) == ("List every task", "2026-04-01", goal)
    assert cli("action", "edit", "1", "--due", "", "--goal", "")[0] == 0
    (row,) = json_of(cli("action", "list", "--json"))
    assert (row["text"], row["due_on"], row["goal_id"]) == ("List every task", None, None)


def test_action_edit_names_the_bad_field_and_changes_nothing(cli) -> None:
    amara_with_goal(cli)
    cli("action", "add", "--client", "1", "--text", "List tasks")
    code, _out, err = cli("action", "edit", "1", "--text", " ")
    assert code == 1
    assert "text" in err
    code, _out, err = cli("action", "edit", "1", "--goal", "first")
    assert code == 1
    assert "goal" in err
    (row,) = json_of(cli("action", "list", "--json"))
    assert row["text"] == "List tasks"


def test_action_delete(cli) -> None:
    amara_with_goal(cli)
    cli("action", "add", "--client", "1", "--text", "List tasks")
    code, out, _err = cli("action", "delete", "1")
    assert code == 0
    assert "Deleted action item 1." in out
    assert json_of(cli("action", "list", "--json")) == []
    assert cli("action", "delete", "1")[0] == 1
