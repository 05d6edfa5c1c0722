"""The project's build options: `extra.iep` in mkdocs.yml, checked like MkDocs' own options.

    extra:
      iep:
        brand_file: !ENV [BRAND_FILE, brand.yml]   # the organization's brand file
        state: !ENV [IEP_STATE, null]              # a state profile for one build; default: brand.yml's
        allow_unconfirmed: !ENV [IEP_ALLOW_UNCONFIRMED, false]  # preview a profile with unchecked values
        glossary:
          every_occurrence: false                  # link every mention, not only the first
        search: !ENV [IEP_SEARCH, iep]             # 'iep': the guide's own search index (search/);
                                                   # 'material': Material's own search, as it comes

Environment variables reach the build only through these `!ENV` defaults.
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

KEY = "iep"


class GlossaryOptions(Config):
    every_occurrence = c.Type(bool, default=False)


class Options(Config):
    brand_file = c.Type(str, default="brand.yml")
    state = c.Optional(c.Type(str))
    allow_unconfirmed = c.Type(bool, default=False)
    glossary = c.SubConfig(GlossaryOptions)
    search = c.Choice(("iep", "material"), default="iep")


def load(config: MkDocsConfig) -> Options:
    """`extra.iep` checked; a problem is a PluginError naming the option."""
    options = Options()
    options.load_dict(dict(config.extra.get(KEY) or {}))
    failed, warnings = options.validate()
    problems = [f"'{key}': {error}" for key, error in failed + warnings]
    if problems:
        raise PluginError(f"Config value 'extra.{KEY}' in mkdocs.yml: {'; '.join(problems)}")
    return options
