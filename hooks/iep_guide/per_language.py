"""Parts of the page that are the same on every page of a language, rendered once when
the language's build starts instead of on each page.

- `iep_contact_bar`: partials/brand-contact-bar.html, how to reach the organization
  (from brand.yml), above the footer. main.html writes it where the partial was included;
  a fork that overrides the partial changes it as before.
- `iep_glossary_popover`: partials/glossary-popover.html, the definition a tap on a
  glossary term opens, as a <template> for glossary.js.
- `iep_helpline`: partials/brand-helpline.html, the phone (or email) at the top of every
  page; empty when brand.yml gives neither, so Material leaves its announce bar out.
"""

from __future__ import annotations

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

PARTS = {
    "iep_contact_bar": "partials/brand-contact-bar.html",
    "iep_glossary_popover": "partials/glossary-popover.html",
    "iep_helpline": "partials/brand-helpline.html",
}


def start_language(env: Environment, config: MkDocsConfig) -> None:
    strings = env.get_template("partials/language.html").make_module({"config": config})
    for name, template in PARTS.items():
        env.globals[name] = Markup(env.get_template(template).render(config=config, lang=strings).strip())
