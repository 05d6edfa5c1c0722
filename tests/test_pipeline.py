"""The build's shape: one explicit state per build, nothing kept at module level, the same
site from two builds in one process."""

from __future__ import annotations

import ast
from pathlib import Path

from sitebuild import ROOT, build

HOOKS = ROOT / "hooks"


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_in_one_process_write_the_same_site(real_site, tmp_path):
    again = build(ROOT, tmp_path)
    assert again.ok, again.log
    first, second = files_of(real_site.site), files_of(again.site)
    assert list(first) == list(second)
    assert [name for name in first if first[name] != second[name]] == []


def module_state(path: Path) -> list[str]:
    """Module-level names bound to a mutable value, and `global` statements (ALL_CAPS constants excepted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{path.name}:{node.lineno}: global" for node in ast.walk(tree) if isinstance(node, ast.Global)]
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        mutable = isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute))
            and (value.func.id if isinstance(value.func, ast.Name) else value.func.attr)[:1].isupper())
        for target in targets:
            if isinstance(target, ast.Name) and mutable and not target.id.isupper():
                found.append(f"{path.name}:{node.lineno}: {target.id}")
    return found


def test_no_module_keeps_state_of_its_own():
    assert [problem for path in sorted(HOOKS.rglob("*.py")) for problem in module_state(path)] == []
