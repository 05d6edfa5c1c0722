"""State rules: the figures and rules that vary by state, and the words that say them.

- data/states/<id>.yml is a state profile. It states every key of KEYS, each either with the
  state's own value or with `same_as_federal: true`, and always with `source` (the rule it
  comes from: regulation or statute, with section) and `confirmed` (checked against that
  rule's text). Nothing is inherited silently. data/states/federal.yml holds the federal
  rules (34 CFR Part 300), used by a site that picks no state.
- data/states/text/<lang>.yml holds, per language, the words that turn a value into page
  text: units, the end points of a timeline, one sentence per kind of rule.

Pages use `{{ state.<key> }}`, `{{ state.<key>.<field> }}` and `{{ state.name }}`
(variables.py); FIELDS lists what each key offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import datafile as d

KIND = "State profile"
TEXT_KIND = "State rules text"
STATES_DIR = "data/states"
TEXT_DIR = "data/states/text"
FEDERAL = "federal"
UNITS = ("calendar_days", "school_days", "school_working_days", "business_days", "years")
_PERIOD = re.compile(r"^\s*(\d+)\s+([a-z_]+?)s?\s*$")


class ProfileError(ValueError):
    """A profile or its text is missing or malformed, or holds an unconfirmed value."""


@dataclass(frozen=True)
class Period:
    amount: int
    unit: str  # one of UNITS


@dataclass(frozen=True)
class Key:
    """What a profile key holds: `kind` of value, and the other settings it takes."""

    kind: str  # period, period_or_none, start, choice, bool, age (a whole or half year, or none), text
    choices: tuple[str, ...] = ()
    extra: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (setting, its choices; () for localized text, ("bool",))
    fields: tuple[str, ...] = ()  # `{{ state.<key>.<field> }}` besides the common ones


# The keys every profile states, in the order a profile lists them.
KEYS: dict[str, Key] = {
    "evaluation_request_response": Key("period_or_none", fields=("sentence", "unit_note")),
    "evaluation_timeline": Key("period", extra=(("until", ("evaluation", "eligibility", "iep_meeting", "proposed_iep")),),
                               fields=("sentence", "until", "unit_note")),
    "iep_timeline": Key("period", extra=(("from", ("consent", "eligibility", "evaluation_report")),
                                         ("until", ("iep_meeting", "proposed_iep", "services"))),
                        fields=("sentence", "from", "until", "unit_note")),
    "iep_consent": Key("choice", choices=("first_services", "each_iep"), fields=("sentence", "signature")),
    "services_start": Key("start", fields=("sentence", "unit_note")),
    "reevaluation_no_reply": Key("choice", choices=("may_proceed", "needs_consent"), fields=("sentence",)),
    "esy_standard": Key("text"),
    "transition_age": Key("age"),
    "age_of_majority": Key("age", extra=(("rights_transfer", ("transfer", "no_transfer", "state_decides")),),
                           fields=("rights",)),
    "services_end": Key("text"),
    "due_process_limit": Key("period", fields=("unit_note",)),
    "state_complaint_limit": Key("period", fields=("unit_note",)),
    "facilitated_iep": Key("bool", extra=(("offered_by", ()),), fields=("sentence", "offered_by")),
    "records_access": Key("period", fields=("unit_note",)),  # the longest wait to see your child's records
}
COMMON_FIELDS = ("source", "note", "state_rule")
_ENTRY_SETTINGS = ("value", "same_as_federal", "source", "confirmed", "checked")


@dataclass(frozen=True)
class Rule:
    """One key of a profile, as it applies (a key that follows the federal rule has the
    federal value, with the state's own source)."""

    key: str
    value: Any  # Period, str (a choice, 'none', 'as_soon_as_possible'), bool, int, or {lang: text}
    extra: dict[str, Any]
    source: str
    confirmed: bool
    follows_federal: bool
    line: int


@dataclass(frozen=True)
class Profile:
    id: str
    file: str  # as shown in messages: 'data/states/texas.yml'
    name: dict[str, str]  # language -> the state's name ('federal law' for the federal profile)
    rules: dict[str, Rule]


@dataclass(frozen=True)
class StateRules:
    """The state profile a site uses, the federal one, and the words of each language."""

    profile: Profile
    federal: Profile
    texts: dict[str, dict]  # language -> data/states/text/<lang>.yml
    allow_unconfirmed: bool = False

    @property
    def is_federal(self) -> bool:
        return self.profile.id == FEDERAL

    def unconfirmed(self) -> list[Rule]:
        return [rule for rule in self.profile.rules.values() if not rule.confirmed]

    def variables(self) -> list[str]:
        names = ["name"]
        for key, spec in KEYS.items():
            names += [key] + [f"{key}.{name}" for name in COMMON_FIELDS + spec.fields]
        return names

    def text(self, variable: str, lang: str) -> str | None:
        """A variable's text in a language ('transition_age', 'iep_consent.sentence'); None
        for an unknown variable."""
        key, _, name = variable.partition(".")
        if key == "name" and not name:
            return self.profile.name[lang]
        spec = KEYS.get(key)
        if spec is None or (name and name not in COMMON_FIELDS + spec.fields):
            return None
        rule, words = self.profile.rules[key], self.texts[lang]
        if name == "source":
            return rule.source
        if name == "note":
            return self._note(rule, words, lang)
        if name == "state_rule":
            return self._state_rule(rule, words, lang)
        return _render(key, rule, name, words, lang, self.profile.name[lang], self.is_federal)

    def _note(self, rule: Rule, words: dict, lang: str) -> str:
        notes, state = words["notes"], self.profile.name[lang]
        if self.is_federal:
            note = notes["federal"]
        elif rule.follows_federal:
            note = notes["follows_federal"].format(name=state)
        else:
            note = notes["state"].format(name=state)
        if not rule.confirmed:
            note += " " + notes["unconfirmed"].format(name=state)
        return note

    def _state_rule(self, rule: Rule, words: dict, lang: str) -> str:
        if self.is_federal:
            return ""
        sentences = words["state_rule"]
        template = sentences["follows_federal"] if rule.follows_federal else sentences["own"]
        return template.format(name=self.profile.name[lang], source=rule.source)


def available(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / STATES_DIR).glob("*.yml"))


def load(profile_id: str, root: Path, languages: list[str], allow_unconfirmed: bool = False) -> StateRules:
    """The rules of a profile, checked, with the federal profile and each language's words.
    An unconfirmed value is refused unless `allow_unconfirmed`."""
    langs = tuple(languages)
    texts = {lang: _texts(root, lang, languages[0]) for lang in langs}
    federal = _profile(FEDERAL, root, langs, None)
    profile = federal if profile_id == FEDERAL else _profile(profile_id, root, langs, federal)
    rules = StateRules(profile, federal, texts, allow_unconfirmed)
    if rules.unconfirmed() and not allow_unconfirmed:
        raise ProfileError("\n".join(
            f"{KIND} '{profile.file}', line {rule.line}, key 'values.{rule.key}': this value is not confirmed "
            f"against the rule's text (confirmed: false). Check it against {rule.source}, then set confirmed: "
            f"true; or, to preview the site anyway, build with IEP_ALLOW_UNCONFIRMED=true (its pages then say "
            f"the rule is not checked yet)." for rule in rules.unconfirmed()
        ))
    return rules


# -- reading ------------------------------------------------------------------------------


def _profile(profile_id: str, root: Path, langs: tuple[str, ...], federal: Profile | None) -> Profile:
    rel = f"{STATES_DIR}/{profile_id}.yml"
    path = root / rel
    if not path.is_file():
        raise ProfileError(
            f"Unknown state profile '{profile_id}': there is no file {path}. "
            f"Available profiles: {', '.join(available(root))}."
        )
    try:
        doc = d.read(path, KIND, rel)
    except d.DataError as error:
        raise ProfileError(str(error)) from None
    schema = d.Record({"name": d.Localized(d.Text(), langs, every_language=True), "values": d.Record(
        {key: _Entry(key, spec, langs, federal) for key, spec in KEYS.items()}, required=frozenset(KEYS), what="key")},
        required=frozenset({"name", "values"}))
    values = schema.convert(doc.root, doc) if doc.root is not None else None
    if doc.root is None:
        doc.problem(None, f"the file is empty. Copy {STATES_DIR}/{FEDERAL}.yml and change what differs in the state.")
    try:
        doc.check()
    except d.DataError as error:
        raise ProfileError(str(error)) from None
    assert values is not None  # doc.check() raised otherwise
    return Profile(profile_id, rel, values["name"], values["values"])


@dataclass
class _Entry(d.Field):
    """One key of a profile: its value (or same_as_federal), source and confirmation."""

    key: str
    spec: Key
    langs: tuple[str, ...]
    federal: Profile | None  # None while reading the federal profile itself
    extras: dict[str, d.Field] = field(init=False)

    def __post_init__(self) -> None:
        self.extras = {
            name: (d.Boolean() if choices == ("bool",) else d.Choice(choices) if choices
                   else d.Localized(d.Text(), self.langs, every_language=True))
            for name, choices in self.spec.extra
        }

    def convert(self, node, doc):
        settings: dict[str, d.Field] = {"value": _Value(self.spec, self.langs), "source": d.Text(),
                                        "confirmed": d.Boolean(), "checked": d.Text(), **self.extras}
        if self.federal is not None:
            settings["same_as_federal"] = d.Boolean()
        before = len(doc.problems)
        values = d.Record(settings, required=frozenset({"source", "confirmed"}), what="setting").convert(node, doc)
        if values is None or len(doc.problems) > before:
            return None  # its problems are reported already
        follows = bool(values.get("same_as_federal"))
        given = [name for name in ("value", *self.extras) if values.get(name) is not None]
        if follows and given:
            doc.problem(node, f"gives both same_as_federal: true and {', '.join(given)}. Keep one: the state's own "
                              f"value, or same_as_federal with the state rule that confirms it.")
            return None
        if follows and self.federal is not None:  # same_as_federal is a setting of state profiles only
            rule = self.federal.rules[self.key]
            return Rule(self.key, rule.value, rule.extra, values["source"], values["confirmed"], True, node.line)
        missing = [name for name in ("value", *self.extras) if values.get(name) is None
                   and not (name == "offered_by" and values.get("value") is False)]
        if missing:
            hint = " (or same_as_federal: true, when the state follows the federal rule)" if self.federal else ""
            doc.problem(node, f"is missing {', '.join(repr(name) for name in missing)}. Add "
                              f"{' and '.join(name + ': ...' for name in missing)}{hint}.")
            return None
        extra = {name: values.get(name) for name in self.extras}
        return Rule(self.key, values["value"], extra, values["source"], values["confirmed"], False, node.line)


@dataclass
class _Value(d.Field):
    spec: Key
    langs: tuple[str, ...]

    def convert(self, node, doc):
        kind = self.spec.kind
        if kind == "age":
            if node.kind == "text" and node.value == "none":
                return "none"
            if node.kind == "number" and not isinstance(node.value, bool) and node.value >= 0 \
                    and float(node.value * 2).is_integer():
                return node.value
            doc.problem(node, f"'{node.raw}' is not an age. Write a number of years, like 14 or 14.5, or none.")
            return None
        if kind == "bool":
            return d.Boolean().convert(node, doc)
        if kind == "text":
            return d.Localized(d.Text(), self.langs, every_language=True).convert(node, doc)
        if kind == "choice":
            return d.Choice(self.spec.choices).convert(node, doc)
        raw = str(node.value) if node.kind in ("text", "number") else ""
        if kind == "period_or_none" and raw == "none":
            return "none"
        if kind == "start" and raw == "as_soon_as_possible":
            return raw
        period = _period(raw)
        if period is None:
            others = {"period_or_none": ", or none when the state sets no figure",
                      "start": ", or as_soon_as_possible"}.get(kind, "")
            doc.problem(node, f"'{raw or node.raw}' is not a time period. Write a number and a unit, like "
                              f"45 school_days{others}. Units: {', '.join(UNITS)}.")
        return period


def _period(text: str) -> Period | None:
    match = _PERIOD.match(text)
    if match is None:
        return None
    unit = match.group(2) + "s" if match.group(2) + "s" in UNITS else match.group(2)
    return Period(int(match.group(1)), unit) if unit in UNITS else None


def _texts(root: Path, lang: str, default: str) -> dict:
    rel = f"{TEXT_DIR}/{lang}.yml"
    if not (root / rel).is_file():
        raise ProfileError(f"{TEXT_KIND} '{rel}' not found: each language of the site needs one. Copy "
                           f"{TEXT_DIR}/{default}.yml and translate its texts (never its keys).")
    try:
        doc = d.read(root / rel, TEXT_KIND, rel)
        values = _TEXT_SCHEMA.convert(doc.root, doc)
        doc.check()
    except d.DataError as error:
        raise ProfileError(str(error)) from None
    return values


def _all(names, field_: d.Field | None = None) -> d.Record:
    return d.Record(dict.fromkeys(names, field_ or d.Text()), required=frozenset(names), what="key")


_UNIT_WORDS = _all(("one", "other"))
_TEXT_SCHEMA = d.Record({
    "units": _all(UNITS, _UNIT_WORDS),
    "unit_notes": _all(UNITS, d.Text(allow_empty=True)),
    "notes": _all(("federal", "state", "follows_federal", "unconfirmed")),
    "state_rule": _all(("own", "follows_federal")),
    "until": _all(("evaluation", "eligibility", "iep_meeting", "proposed_iep")),
    "iep_until": _all(("iep_meeting", "proposed_iep", "services")),
    "from": _all(("consent", "eligibility", "evaluation_report")),
    "choices": _all(("as_soon_as_possible", "first_services", "each_iep", "may_proceed", "needs_consent", "none")),
    "sentences": _all((
        "evaluation_request_response", "evaluation_request_response_none", "evaluation_timeline", "iep_timeline",
        "iep_consent_first_services", "iep_consent_each_iep", "services_start", "services_start_period",
        "reevaluation_no_reply_may_proceed", "reevaluation_no_reply_needs_consent", "rights_transfer",
        "rights_no_transfer", "rights_state_decides", "facilitated_iep_offered", "facilitated_iep_not_offered",
        "evaluation_request_response_none_federal", "facilitated_iep_not_offered_federal",
        "signature_first_services", "signature_each_iep",
    )),
}, required=frozenset({"units", "unit_notes", "notes", "state_rule", "until", "iep_until", "from", "choices",
                       "sentences"}), what="key")


# -- rendering ----------------------------------------------------------------------------


def _phrases(key: str, name: str) -> str:
    """Which group of words a key's `until` or `from` comes from."""
    return "iep_until" if (key, name) == ("iep_timeline", "until") else name


def period_text(period: Period, words: dict) -> str:
    forms = words["units"][period.unit]
    return (forms["one"] if period.amount == 1 else forms["other"]).format(n=period.amount)


def _render(key: str, rule: Rule, name: str, words: dict, lang: str, state: str, federal: bool) -> str:
    value, sentences = rule.value, words["sentences"]
    if name == "unit_note":
        return words["unit_notes"][value.unit] if isinstance(value, Period) else ""
    if name in ("until", "from"):
        return words[_phrases(key, name)][rule.extra[name]]
    if name == "offered_by":
        return rule.extra["offered_by"][lang] if rule.extra.get("offered_by") else ""
    if name == "rights":
        age = age_text(value) if not isinstance(value, str) else words["choices"][value]
        return _pick(sentences, f"rights_{rule.extra['rights_transfer']}", federal).format(age=age, name=state)
    if name == "signature":
        return sentences[f"signature_{value}"].format(name=state)
    if name == "sentence" or isinstance(value, bool):
        return _sentence(key, rule, words, lang, federal).format(name=state)
    if isinstance(value, Period):
        return period_text(value, words)
    if isinstance(value, dict):
        return value[lang]
    if isinstance(value, str):
        return words["choices"].get(value, value)
    return age_text(value)


def age_text(age: float) -> str:
    """14 -> '14', 14.5 -> '14½'."""
    whole = int(age)
    return f"{whole}½" if age - whole else str(whole)


def _pick(sentences: dict, name: str, federal: bool) -> str:
    """A sentence; the federal profile's own wording (`<name>_federal`) where there is one."""
    return sentences.get(f"{name}_federal", sentences[name]) if federal else sentences[name]


def _sentence(key: str, rule: Rule, words: dict, lang: str, federal: bool) -> str:
    """The key's sentence, with its values put in; `{name}` (the state's name) is left for the caller."""
    sentences, value = words["sentences"], rule.value
    period = period_text(value, words) if isinstance(value, Period) else ""
    keep = {"name": "{name}"}
    if key == "evaluation_request_response":
        name = "evaluation_request_response_none" if value == "none" else key
        return _pick(sentences, name, federal).format(period=period, **keep)
    if key == "evaluation_timeline":
        return sentences[key].format(period=period, until=words["until"][rule.extra["until"]], **keep)
    if key == "iep_timeline":
        return sentences[key].format(period=period, until=words["iep_until"][rule.extra["until"]],
                                     **{"from": words["from"][rule.extra["from"]]}, **keep)
    if key == "services_start":
        return sentences["services_start" if value == "as_soon_as_possible" else "services_start_period"].format(
            period=period, **keep)
    if key in ("iep_consent", "reevaluation_no_reply"):
        return sentences[f"{key}_{value}"]
    if key == "facilitated_iep":
        offered_by = rule.extra["offered_by"][lang] if rule.extra.get("offered_by") else ""
        name = "facilitated_iep_offered" if value else "facilitated_iep_not_offered"
        return _pick(sentences, name, federal).format(by=offered_by, **keep)
    raise KeyError(key)
