"""A checklist whose items start with "☐" becomes real checkboxes, while Markdown builds the page.

Inside an element with the class `iep-checklist` (prepare.md's meeting checklist), each
list item written `- ☐ Read the last IEP.` becomes a checkbox with the item's text as its
label: a keyboard and a screen reader use it like any form control, and it prints as it is,
ticked or not. It works without JavaScript; letters.js keeps the ticks only when the family
asks it to. Each box is numbered in the page's order (`checklist-1`...), the same in every
language, since the pages have the same items. A treeprocessor, as the glossary's: it runs
before the glossary marks terms (a label is not marked).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

BOX = "☐"
CLASS = "iep-checklist"


class ChecklistExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Checklist(md), "iep_checklist", 1)  # before the glossary (-5)


class _Checklist(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        convert(root)


def convert(root: ET.Element) -> int:
    """Turn the boxed items below `root` into checkboxes; returns how many."""
    count = 0
    for container in root.iter():
        if CLASS not in (container.get("class") or "").split():
            continue
        for item in container.iter("li"):
            text = item.text or ""
            if not text.lstrip().startswith(BOX):
                continue
            count += 1
            name = f"checklist-{count}"
            label = ET.Element("label", {"for": name})
            label.text = text.lstrip()[len(BOX):].lstrip()
            for child in list(item):
                item.remove(child)
                label.append(child)
            box = ET.Element("input", {"type": "checkbox", "id": name, "name": name})
            box.tail = " "
            item.text = None
            item.extend([box, label])
            item.set("class", "iep-checkitem")
    return count
