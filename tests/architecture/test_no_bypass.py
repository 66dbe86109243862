"""No user-visible string skips the translation function.

An AST walk over ``coachdesk/`` finds the string literals that reach a coach's eyes without
``_()``/``ngettext()``: widget texts, dialog titles and messages, menu entries, combo items and
header labels; the CLI's argparse help and its printed messages; validation and typed errors'
messages; and the texts of ReportLab paragraphs.

What counts as user-visible text: a literal (or an f-string's literal parts) with at least one
letter once ``{placeholders}``, ``%`` formats and ``<markup>`` are taken out. Identifiers given as
object names, CSS, log messages and format-only strings ("{}", "%") are not text: logs are English
by design, and the calls below never take them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "coachdesk"

# Calls whose positional arguments are text the user reads (the widget or method name).
TEXT_CALLS = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QToolButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QMenu",
        "QMessageBox",
        "QListWidgetItem",
        "QTableWidgetItem",
        "QTreeWidgetItem",
        "QStandardItem",
        "heading",
        "subheading",
        "note",
        "link_button",
        "group_form",
        "para",
        "section",
        "setText",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setWindowTitle",
        "setPlaceholderText",
        "setTitle",
        "setLabelText",
        "setInformativeText",
        "setDetailedText",
        "setSpecialValueText",
        "setSuffix",
        "setPrefix",
        "addAction",
        "addMenu",
        "addItem",
        "addItems",
        "addTab",
        "setTabText",
        "addRow",
        "insertItem",
        "showMessage",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "setVerticalHeaderLabels",
        "Paragraph",
        "ValidationError",
        "print",
        "output",
        "fail",
    }
)
# The CLI's own helpers, by the positions of their text arguments (cli/parsing.py, output.py,
# context.py): a noun's and a verb's help line, a message, table headers and field labels.
CLI_TEXT_POSITIONS = {
    "group": (2,),
    "verb": (3,),
    "echo": (0,),
    "warn": (0,),
    "print_table": (0,),
    "print_fields": (0,),
}
CLI_TEXT_KEYWORDS = frozenset({"help_text", "empty"})
# QMessageBox's static dialogs and QInputDialog/QFileDialog prompts: title and text.
DIALOG_OWNERS = frozenset({"QMessageBox", "QInputDialog", "QFileDialog"})
# Keyword arguments that are text wherever they appear in the CLI (argparse).
CLI_KEYWORDS = frozenset({"help", "description", "epilog"})
# Typed errors whose message a user reads (coachdesk/errors.py).
ERROR_CLASSES = frozenset(
    {
        "CoachDeskError",
        "InvalidInput",
        "Cancelled",
        "VaultExists",
        "VaultReadOnly",
        "KeychainUnavailable",
        "WrongPassphrase",
        "VaultInUse",
        "NotAVault",
        "VaultCorrupt",
        "InsecureSetup",
        "VaultTooNew",
    }
)
TRANSLATORS = frozenset({"_", "ngettext", "N_"})
# Literals with letters that are not words: the shape of a recovery key, shown as a placeholder.
NOT_TEXT = frozenset({"XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"})

_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(\([^)]*\))?[-#0 +]*\d*(\.\d+)?[sdifr%]")
_MARKUP = re.compile(r"<[^<>]*>|&[a-z]+;|&#\d+;")


def is_text(value: str) -> bool:
    """A string a reader reads: a letter left once placeholders and markup are out."""
    if value in NOT_TEXT:
        return False
    rest = _MARKUP.sub("", _PLACEHOLDER.sub("", value))
    return any(ch.isalpha() for ch in rest)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _owner(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return _name(func.value)
    return ""


def _bare_texts(node: ast.expr) -> Iterator[ast.expr]:
    """The literal parts of an argument not inside a translation call."""
    if isinstance(node, ast.Call) and _name(node.func) in TRANSLATORS:
        return
    if isinstance(node, ast.Call) and _name(node.func) == "format":
        yield from _bare_texts(node.func.value) if isinstance(node.func, ast.Attribute) else ()
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if is_text(node.value):
            yield node
        return
    if isinstance(node, ast.JoinedStr):
        literal = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
        if is_text(literal):
            yield node
        return
    if isinstance(node, ast.BinOp):
        yield from _bare_texts(node.left)
        yield from _bare_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _bare_texts(node.body)
        yield from _bare_texts(node.orelse)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _bare_texts(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _bare_texts(value)


def _text_arguments(call: ast.Call, in_cli: bool) -> Iterator[ast.expr]:
    name = _name(call.func)
    if name in TEXT_CALLS or name in ERROR_CLASSES or _owner(call.func) in DIALOG_OWNERS:
        if name == "print" and not in_cli:
            return
        yield from call.args
        yield from (kw.value for kw in call.keywords if kw.arg in {"text", "title", "message"})
    if in_cli:
        yield from (kw.value for kw in call.keywords if kw.arg in CLI_KEYWORDS)
        positions = CLI_TEXT_POSITIONS.get(name, ())
        yield from (arg for index, arg in enumerate(call.args) if index in positions)
        yield from (kw.value for kw in call.keywords if kw.arg in CLI_TEXT_KEYWORDS)


def bypasses(path: Path) -> list[str]:
    """Every user-visible literal in ``path`` that skips ``_()``, as "file:line: text"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    relative = path.relative_to(ROOT)
    in_cli = relative.parts[:2] == ("coachdesk", "cli")
    found = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        for argument in _text_arguments(call, in_cli):
            for literal in _bare_texts(argument):
                found.append(f"{relative}:{literal.lineno}: {ast.unparse(literal)[:70]}")
    return found


def test_the_text_detector_knows_text_from_format() -> None:
    assert is_text("Saved {name}.")
    assert is_text("<b>Total</b>")
    assert not is_text("{}")
    assert not is_text("%")
    assert not is_text("<b>{total}</b>")
    assert not is_text("{amount} %s")
    assert not is_text(" · ")


def test_the_walk_finds_a_bypass(tmp_path: Path) -> None:
    probe = PACKAGE / "cli" / "_probe_for_the_bypass_test.py"
    probe.write_text(
        'parser.add_argument("--x", help="Bare help.")\n'
        'label.setText(_("Wrapped."))\n'
        'QMessageBox.warning(self, "Title", _("Text."))\n'
        'print(f"Saved {name}.")\n'
        'raise ValidationError({"name": "Enter a name."})\n'
        'verb(actions, common, "add", "add a client", cmd_add)\n'
        'echo(_("Saved."))\n',
        encoding="utf-8",
    )
    try:
        found = bypasses(probe)
    finally:
        probe.unlink()
    assert [line.split(":")[1] for line in found] == ["1", "3", "4", "5", "6"]


def test_every_user_visible_string_goes_through_the_translation_function() -> None:
    found = [line for path in sorted(PACKAGE.rglob("*.py")) for line in bypasses(path)]
    assert not found, "untranslated user-visible strings:\n" + "\n".join(found)


def translated_at_import(path: Path) -> list[str]:
    """``_()``/``ngettext()`` calls outside any function or lambda: they run at import, before the
    language is chosen, so module-level text is marked with ``N_()`` and translated where shown."""
    found = []

    def walk(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            translating = isinstance(child, ast.Call) and _name(child.func) in {"_", "ngettext"}
            if translating and not inside:
                found.append(f"{path.relative_to(ROOT)}:{child.lineno}: {ast.unparse(child)[:70]}")
            walk(child, inside)

    walk(ast.parse(path.read_text(encoding="utf-8")), lazy=False)
    return found


def test_no_text_is_translated_at_import() -> None:
    found = [line for path in sorted(PACKAGE.rglob("*.py")) for line in translated_at_import(path)]
    assert not found, "translated before the language is known:\n" + "\n".join(found)
