"""State profiles (data/states/<id>.yml): the figures that vary by state.

A profile may `extends:` another one and list only what differs. Each value carries the
rule it comes from; `<key>.state_rule` is a sentence naming the state's own rule for a
value that differs from the federal profile's (`state_rule` in the profile), and empty
otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import datafile as d

KIND = "State profile"
STATES_DIR = "data/states"
FEDERAL = "federal"
FIELDS = ("source", "state_rule")  # `<key>.<field>` variables besides `<key>` itself
TEXT_KEYS = ("name", "rule_note", "state_rule")  # required, merged over `extends`


class ProfileError(ValueError):
    """A profile is missing, malformed or refers to something unknown."""


@dataclass(frozen=True)
class Profile:
    id: str
    path: Path
    texts: dict[str, dict[str, str]]  # name, rule_note, state_rule: language -> text
    values: dict[str, dict]  # key -> {"value": {lang: text}, "source": {lang: text}}
    federal: dict[str, dict]  # the federal profile's values, to tell which values are the state's own

    def text(self, key: str, lang: str) -> str | None:
        """The value of a variable (`name`, `transition_age`, `transition_age.source`,
        `transition_age.state_rule`) in a language; None for an unknown one."""
        key, _, field = key.partition(".")
        if field and field not in FIELDS:
            return None
        if key in ("name", "rule_note"):
            return None if field else self.texts[key][lang]
        entry = self.values.get(key)
        if entry is None:
            return None
        if field != "state_rule":
            return entry[field or "value"][lang]
        if entry == self.federal.get(key):
            return ""
        return self.texts["state_rule"][lang].format(name=self.texts["name"][lang], source=entry["source"][lang])

    def variables(self) -> list[str]:
        names = ["name", "rule_note"]
        for key in self.values:
            names += [key] + [f"{key}.{field}" for field in FIELDS]
        return names


def available(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / STATES_DIR).glob("*.yml"))


def load(profile_id: str, root: Path, languages: list[str]) -> Profile:
    """Load a profile, merged over the profiles it extends."""
    chain: list[str] = []
    texts: dict[str, dict[str, str]] = {}
    values: dict[str, dict] = {}
    current: str | None = profile_id
    while current is not None:
        if current in chain:
            raise ProfileError(f"State profiles extend each other in a loop: {' -> '.join(chain + [current])}.")
        chain.append(current)
        raw = _read(current, root, languages)
        for key in TEXT_KEYS:
            if raw.get(key) is not None:
                texts.setdefault(key, raw[key])
        for name, entry in raw["values"].items():
            values.setdefault(name, entry)
        current = raw["extends"]
    path = root / STATES_DIR / f"{profile_id}.yml"
    for key in TEXT_KEYS:
        if key not in texts:
            raise ProfileError(f"State profile '{profile_id}' has no '{key}': add it to {path}.")
    for sentence in texts["state_rule"].values():
        try:
            sentence.format(name="", source="")
        except (KeyError, IndexError, ValueError):
            raise ProfileError(
                f"State profile '{profile_id}': 'state_rule' {sentence!r} may use only {{name}} and {{source}} "
                f"in braces (it is set in {path} or a profile it extends)."
            ) from None
    federal = values if profile_id == FEDERAL else load(FEDERAL, root, languages).values
    return Profile(profile_id, path, texts, values, federal)


class _Scalar(d.Field):
    """A value shown in a page: text or a number (written as text)."""

    def convert(self, node, doc):
        if node.kind == "number":
            return str(node.value)
        return d.Text().convert(node, doc)


def _read(profile_id: str, root: Path, languages: list[str]) -> dict:
    path = root / STATES_DIR / f"{profile_id}.yml"
    if not path.is_file():
        raise ProfileError(
            f"Unknown state profile '{profile_id}': there is no file {path}. "
            f"Available profiles: {', '.join(available(root))}."
        )
    langs = tuple(languages)
    text = d.Localized(d.Text(), langs)
    value = d.Record({"value": d.Localized(_Scalar(), langs), "source": d.Localized(d.Text(), langs)},
                     required=frozenset({"value", "source"}))
    schema = d.Record(
        {"extends": d.Text(), "name": text, "rule_note": text, "state_rule": text, "values": d.MapOf(value)},
        defaults={"values": {}},
    )
    try:
        doc = d.read(path, KIND, str(path))
        result = schema.convert(doc.root, doc) if doc.root is not None else dict(schema.defaults)
        doc.check()
    except d.DataError as error:
        raise ProfileError(str(error)) from None
    return result
