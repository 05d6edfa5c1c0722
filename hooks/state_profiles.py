"""Load state profiles (data/states/<id>.yml): the figures that vary by state.

Shared by the variables hook and the scripts. A profile may `extends:` another
one and list only what differs. Each value carries the rule it comes from;
`<key>.state_rule` is a sentence naming the state's own rule for a value that differs
from the federal profile's (`state_rule` in the profile), and empty otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

STATES_DIR = Path(__file__).resolve().parent.parent / "data" / "states"
PROFILE_KEYS = {"extends", "name", "rule_note", "state_rule", "values"}
TEXT_KEYS = ("name", "rule_note", "state_rule")  # required, merged over `extends`
VALUE_KEYS = {"value", "source"}
FIELDS = ("source", "state_rule")  # `<key>.<field>` variables besides `<key>` itself
FEDERAL = "federal"


class ProfileError(ValueError):
    """A profile is missing, malformed or refers to something unknown."""


@dataclass(frozen=True)
class Profile:
    id: str
    path: Path
    data: dict
    federal: dict  # the federal profile's values, to tell which values are the state's own

    def text(self, key: str, lang: str, default_lang: str = "en") -> str | None:
        """The value of a variable (`name`, `transition_age`, `transition_age.source`,
        `transition_age.state_rule`); None for an unknown one."""
        key, _, field = key.partition(".")
        if field and field not in FIELDS:
            return None
        if key in ("name", "rule_note"):
            return None if field else _localized(self.data[key], lang, default_lang)
        entry = self.data["values"].get(key)
        if entry is None:
            return None
        if field != "state_rule":
            return _localized(entry[field or "value"], lang, default_lang)
        if entry == self.federal.get(key):
            return ""
        sentence = _localized(self.data["state_rule"], lang, default_lang)
        return sentence.format(name=_localized(self.data["name"], lang, default_lang),
                               source=_localized(entry["source"], lang, default_lang))

    def variables(self) -> list[str]:
        names = ["name", "rule_note"]
        for key in self.data["values"]:
            names += [key] + [f"{key}.{field}" for field in FIELDS]
        return names


def available(states_dir: Path = STATES_DIR) -> list[str]:
    return sorted(p.stem for p in states_dir.glob("*.yml"))


def load(profile_id: str, states_dir: Path = STATES_DIR) -> Profile:
    """Load a profile, merged over the profiles it extends."""
    chain: list[str] = []
    data: dict = {"values": {}}
    current: str | None = profile_id
    while current is not None:
        if current in chain:
            raise ProfileError(f"State profiles extend each other in a loop: {' -> '.join(chain + [current])}.")
        chain.append(current)
        raw = _read(current, states_dir)
        for key, value in raw.items():
            if key == "values":
                for name, entry in value.items():
                    data["values"].setdefault(name, entry)
            elif key != "extends":
                data.setdefault(key, value)
        current = raw.get("extends")
    for key in TEXT_KEYS:
        if key not in data:
            raise ProfileError(f"State profile '{profile_id}' has no '{key}': add it to {states_dir / (profile_id + '.yml')}.")
    sentences = data["state_rule"].values() if isinstance(data["state_rule"], dict) else [data["state_rule"]]
    for sentence in sentences:
        try:
            str(sentence).format(name="", source="")
        except (KeyError, IndexError, ValueError):
            raise ProfileError(
                f"State profile '{profile_id}': 'state_rule' {sentence!r} may use only {{name}} and {{source}} "
                f"in braces (it is set in {states_dir / (profile_id + '.yml')} or a profile it extends)."
            ) from None
    federal = data["values"] if profile_id == FEDERAL else load(FEDERAL, states_dir).data["values"]
    return Profile(profile_id, states_dir / f"{profile_id}.yml", data, federal)


def _read(profile_id: str, states_dir: Path) -> dict:
    path = states_dir / f"{profile_id}.yml"
    if not path.is_file():
        raise ProfileError(
            f"Unknown state profile '{profile_id}': there is no file {path}. "
            f"Available profiles: {', '.join(available(states_dir))}."
        )
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ProfileError(f"State profile {path}{where} is not valid YAML: {getattr(error, 'problem', error)}.") from None
    if not isinstance(raw, dict):
        raise ProfileError(f"State profile {path} must be a mapping of keys to values.")
    unknown = set(raw) - PROFILE_KEYS
    if unknown:
        raise ProfileError(
            f"State profile {path} has unknown key(s) {', '.join(sorted(unknown))}; "
            f"allowed keys: {', '.join(sorted(PROFILE_KEYS))}."
        )
    for name, entry in (raw.get("values") or {}).items():
        if not isinstance(entry, dict) or set(entry) != VALUE_KEYS:
            raise ProfileError(
                f"State profile {path}, value '{name}': give exactly 'value' and 'source' "
                f"(the rule it comes from, e.g. '34 CFR §300.320(b)')."
            )
    raw.setdefault("values", {})
    return raw


def _localized(value, lang: str, default_lang: str) -> str:
    if isinstance(value, dict):
        value = value.get(lang, value.get(default_lang))
    return "" if value is None else str(value)
