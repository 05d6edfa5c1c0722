"""What the templates in overrides/partials/letters.html get: each letter (or the meeting
statement) as parts to render, in the site's language and in the school's.

A text's blanks ({child}) become fields: the name of the form control that fills them
(frame fields are shared by every letter of the page; a letter's own fields are named
'<letter>.<field>'), and what the letter shows until then. Options the state profile does
not offer (`when: facilitated_iep` where it is false) are left out, with the paragraphs
they show. `{{ state.* }}` variables are filled in for the profile in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..states import StateRules
from . import deadlines
from .data import BLANK, Block, Letter, Letters, Option

Fill = Callable[[str, str], str]  # (text, where) -> the text with its variables filled


@dataclass
class Part:
    text: str = ""
    name: str | None = None  # the form control whose value goes here
    blank: str = ""
    kind: str = "text"  # a field's kind; 'due' (a date `days` after the letter's date); 'subject' (its start, then its end)
    days: int = 0


@dataclass
class RBlock:
    kind: str  # p, line, subject, h, ul
    parts: list[Part] = field(default_factory=list)
    items: list[RBlock] = field(default_factory=list)
    show_if: str | None = None  # the option control that shows it
    hide_if: str | None = None  # the option control that hides it
    hidden: bool = False  # its state before the family changes anything


@dataclass
class Version:
    lang: str
    role: str  # 'letter' (what is sent), 'copy' (a reading copy in the site's language)
    blocks: list[RBlock]
    copy_note: str


@dataclass
class Control:
    name: str
    id: str
    label: str
    kind: str  # text, long, date, email, checkbox
    hint: str | None = None
    required: bool = False
    checked: bool = False


@dataclass
class Tool:
    id: str
    controls: list[Control]
    options: list[Control]
    versions: list[Version]
    rule: str | None
    deadline: deadlines.Deadline | None
    dated: list[Part]  # "If the school gets your letter on {date}, it should answer by {due}."
    counted: str
    next: list[deadlines.Deadline]
    outdated: bool = False


def control_id(name: str) -> str:
    return "iep-" + name.replace(".", "-").replace("_", "-")


def option_name(key: str, option: str) -> str:
    """An option's control, apart from the letter's fields ('agreed.open' is a field, 'agreed.option.open' its option)."""
    return f"{key}.option.{option}"


def offered(options: dict[str, Option], rules: StateRules) -> dict[str, Option]:
    """The options the state profile offers."""
    def value(key: str) -> bool:
        return rules.profile.rules[key].value is True

    return {key: option for key, option in options.items()
            if (option.when is None or value(option.when)) and (option.unless is None or not value(option.unless))}


def tool(key: str, site: Letters, school: Letters, rules: StateRules, fill: Fill, outdated: bool = False) -> Tool:
    """One letter ('evaluation') or the statement ('planner'): its form in the site's language,
    the letter in the school's language, and a reading copy when the two differ."""
    letter = _document(site, key)
    options = offered(letter.options, rules)
    shared = set(site.frame.fields) if key != "planner" else set(site.frame.fields) & set(letter.fields)

    def name_of(field_id: str) -> str:
        return field_id if field_id in shared else f"{key}.{field_id}"

    controls = [_control(site, name_of(field_id), field_id) for field_id in letter.fields
                if key == "planner" or field_id not in site.frame.fields]
    option_controls = [Control(option_name(key, option.id), control_id(option_name(key, option.id)), option.label,
                               "checkbox", checked=option.default) for option in options.values()]
    versions = [Version(school.lang, "letter", _blocks(school, key, options, name_of, fill), "")]
    if site.lang != school.lang:
        versions.append(Version(site.lang, "copy", _blocks(site, key, options, name_of, fill),
                                site.texts["copy_note"]))
    where = f"Letters file '{site.path}', letter '{key}'"
    lang = site.lang
    deadline = deadlines.deadline(rules, letter.deadline, lang) if letter.deadline else None
    dated: list[Part] = []
    counted = ""
    if deadline is not None and deadline.period is not None:
        if deadline.dated:
            due = Part(name="due", blank=site.texts["due_blank"].format(period=deadline.period_text), kind="due",
                       days=deadline.period.amount)
            dated = _parts(site.texts["dated"], lambda name: due if name == "due" else _part(site, name, name))
        else:
            counted = site.texts["counted"].format(period=deadline.period_text)
    return Tool(
        id=key, controls=controls, options=option_controls, versions=versions,
        rule=fill(letter.rule, where) if letter.rule else None, deadline=deadline, dated=dated, counted=counted,
        next=[deadlines.deadline(rules, name, lang) for name in letter.next], outdated=outdated,
    )


def shared_controls(site: Letters) -> list[Control]:
    """The details every letter of the page uses, asked once."""
    return [_control(site, field_id, field_id) for field_id in site.frame.fields]


def _document(letters: Letters, key: str) -> Letter:
    document = letters.planner if key == "planner" else letters.letters.get(key)
    if document is None:
        raise KeyError(key)
    return document


def _control(letters: Letters, name: str, field_id: str) -> Control:
    spec = letters.fields[field_id]
    return Control(name, control_id(name), spec.label, spec.kind, spec.hint, spec.required)


def _blocks(letters: Letters, key: str, options: dict[str, Option], name_of: Callable[[str], str],
            fill: Fill) -> list[RBlock]:
    """The letter as blocks: the frame's heading, subject and greeting, the body, the closing."""
    letter = _document(letters, key)
    where = f"Letters file '{letters.path}', letter '{key}'"

    def parts(text: str) -> list[Part]:
        return _parts(fill(text, where), lambda field_id: _part(letters, field_id, name_of(field_id)))

    subject = parts(letter.subject)
    if key == "planner":
        head = [RBlock("subject", subject)]
        tail: list[RBlock] = []
    else:
        frame = letters.frame
        before, _, after = frame.subject.partition("{subject}")
        framed = [*parts(before), Part(kind="subject"), *subject, Part(kind="subject"), *parts(after)]
        head = [RBlock("line", parts(line)) for line in frame.heading]
        head += [RBlock("subject", framed), RBlock("p", parts(frame.greeting))]
        tail = [RBlock("line", parts(line)) for line in frame.closing]
    body = [block for item in letter.body if (block := _block(item, options, key, parts)) is not None]
    return head + body + tail


def _block(item: Block, options: dict[str, Option], key: str, parts: Callable[[str], list[Part]]) -> RBlock | None:
    if item.if_ is not None and item.if_ not in options:
        return None  # shown by an option the state does not offer
    show_if = option_name(key, item.if_) if item.if_ else None
    hide_if = option_name(key, item.if_not) if item.if_not and item.if_not in options else None
    hidden = (item.if_ is not None and not options[item.if_].default) or \
             (hide_if is not None and options[item.if_not or ""].default)
    if item.kind == "ul":
        items = [block for child in item.items if (block := _block(child, options, key, parts)) is not None]
        return RBlock("ul", [], items, show_if, hide_if, hidden)
    return RBlock(item.kind, parts(item.text), [], show_if, hide_if, hidden)


def _part(letters: Letters, field_id: str, name: str) -> Part:
    spec = letters.fields[field_id]
    return Part(name=name, blank=spec.blank, kind=spec.kind)


def _parts(text: str, field: Callable[[str], Part]) -> list[Part]:
    """A text split into plain text and the fields of its blanks."""
    parts, last = [], 0
    for match in BLANK.finditer(text):
        if match.start() > last:
            parts.append(Part(text=text[last:match.start()]))
        parts.append(field(match.group(1).strip()))
        last = match.end()
    if last < len(text):
        parts.append(Part(text=text[last:]))
    return parts
