"""The build, step by step: every MkDocs event this project uses, and what runs at each.

    brand -> page settings -> letters -> variables -> Markdown (links, checklist, glossary terms)
          -> glossary definitions -> languages -> search -> links -> offline

This is the one file mkdocs.yml registers as a hook. The steps live in hooks/iep_guide/;
what one build knows is an explicit BuildState (iep_guide/state.py), made in the default
language's first event and handed to every step. mkdocs-static-i18n runs the whole build
once per language (iep_guide/static_i18n.py explains how); the priorities below are the
places where the order against Material's or static-i18n's own events matters.
"""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from iep_guide import (
    brand,
    front_matter,
    glossary,
    languages,
    letters,
    offline,
    options,
    per_language,
    search,
    state,
    states,
    static_i18n,
    stylesheets,
    theme_fixes,
    theme_strings,
    variables,
)
from iep_guide.datafile import DataError
from iep_guide.glossary.mark import GlossaryExtension
from iep_guide.letters.checklist import ChecklistExtension
from iep_guide.links.check import LinkRecords
from iep_guide.links.markdown import MarkdownLinks

log = logging.getLogger("mkdocs.hooks.pipeline")


@event_priority(100)  # before Material's search (0) and static-i18n (-100) read the theme's language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if static_i18n.starts_build(config):
        state.keep(config, _start(config))
        brand.watch(state.of(config).brand, config)
    build = state.of(config)
    lang = static_i18n.build_language(config)
    build.start_language(lang, static_i18n.prefix(lang, config))
    brand.apply(build.brand, config, lang)
    languages.configure(config, lang)
    if offline.enabled(config):
        offline.configure(config)
    return config


def on_pre_build(*, config: MkDocsConfig) -> None:
    languages.start_language(state.of(config), config)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
    build = state.of(config)
    for problem in static_i18n.check_files(files):
        build.warn_once(problem, log)
    for problem in languages.nav_problems(config, build.current.lang):
        log.warning(problem)
    glossary.start_language(build, config, files)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> None:
    build = state.of(config)
    env.bytecode_cache = build.templates
    theme_fixes.start_language(build, env, config)
    theme_strings.start_language(build, config)
    per_language.start_language(env, config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = state.of(config)
    for problem in front_matter.check(markdown, page, build.root):
        build.warn_once(problem, log)  # an English page stands in for a missing translation: once
    markdown = letters.insert(build, markdown, page, config, files)  # its `{{ letters.* }}` lines, before variables
    markdown = variables.substitute(markdown, build, build.current.lang, page.file.src_uri, page.file.content_string)
    build.links_extension.start_page(page.file, files, config)
    glossary.start_page(build, build.glossary_extension, page, config)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    build = state.of(config)
    glossary.finish_page(build, build.glossary_extension, page)
    written, build.links_extension.links = build.links_extension.links, []
    build.current.markdown_links[page.file.src_uri] = build.links.markdown_links(page.file.src_uri, written)
    return glossary.page_entries(build, html, page)


@event_priority(-50)  # after Material's search (0) has indexed the page and static-i18n (50) set its switcher
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    build = state.of(config)
    glossary.add_tips(build, page)
    languages.page_context(build, context, page, config)
    return context


def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    languages.template_context(template_name, config)
    return context


@event_priority(-100)  # the page as written, after every plugin's changes
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    build = state.of(config)
    src_uri = page.file.src_uri
    output = letters.fill(build, output, src_uri)  # after Material's search has read the page
    output = theme_fixes.fix(build, output, src_uri)
    output = languages.post_page(build, output, src_uri)
    build.links.page(
        lang=build.current.lang, src_uri=src_uri, url=page.file.url, dest_uri=page.file.dest_uri,
        norm=static_i18n.path_in_language(page.file), template=page.meta.get("template") or "main.html",
        markdown_links=build.current.markdown_links.pop(src_uri, []),
    )
    return output


@event_priority(-100)  # as on_post_page
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    build = state.of(config)
    output = theme_fixes.fix(build, output, template_name)
    output = languages.post_template(build, output, template_name)
    if template_name == languages.NOT_FOUND:
        path = build.current.prefix + template_name
        build.links.page(lang=build.current.lang, src_uri=path, url=path, dest_uri=path, norm=None,
                         template=template_name, markdown_links=[])
    return output


@event_priority(-200)  # after static-i18n (-100) has built the other languages, and Material's offline plugin
def on_post_build(*, config: MkDocsConfig) -> None:
    build = state.of(config)
    build.resume_language(static_i18n.finishing_language(config))
    languages.finish_language(build)
    if static_i18n.in_other_language_build(config):
        return
    site_dir = Path(config.site_dir)
    brand.copy_files(build.brand, site_dir)
    stylesheets.write(site_dir, Path(config.theme.custom_dir) if config.theme.custom_dir else None)
    languages.finish(build, site_dir)
    if search.enabled(build):  # each language's search index, from what Material's search plugin read
        search.write(build, site_dir, languages.search_entries(build), scripts=offline.enabled(config))
    if offline.enabled(config):
        offline.inline_search_indexes(site_dir)
    for problem in build.links.report(config.site_url, site_dir):
        log.warning(problem)


def _start(config: MkDocsConfig) -> state.BuildState:
    """What the whole build needs, read and checked once: options, brand, state profile, glossaries."""
    settings = options.load(config)
    root = Path(config.config_file_path).parent
    langs = static_i18n.all_languages(config)
    brand_path = (root / settings.brand_file).resolve()
    try:
        organization = brand.load(brand_path, langs)
    except DataError as error:
        raise PluginError(str(error)) from None
    profile_id = settings.state or organization.state
    try:
        profile = states.load(profile_id, root, langs, settings.allow_unconfirmed)
    except states.ProfileError as error:
        chosen = "IEP_STATE" if settings.state else "'state' in the brand file"
        raise PluginError(f"{error} (the profile is chosen by {chosen})") from None
    if profile.unconfirmed():
        log.info(f"State profile '{profile.profile.file}': not yet confirmed, and marked so in the pages: "
                 f"{', '.join(rule.key for rule in profile.unconfirmed())} (IEP_ALLOW_UNCONFIRMED is set).")
    build = state.BuildState(root, settings, organization, profile, static_i18n.languages(config),
                             static_i18n.default_language(config))
    for problem in static_i18n.check(config):
        build.warn_once(problem, log)
    try:
        for warning in glossary.load(build):
            log.warning(warning)
        letters.load(build)
    except DataError as error:
        raise PluginError(str(error)) from None
    build.links = LinkRecords()
    build.links_extension = MarkdownLinks()
    build.glossary_extension = GlossaryExtension()
    # MkDocs passes Extension objects in markdown_extensions on to Python-Markdown as they are.
    extensions = [build.links_extension, build.glossary_extension, ChecklistExtension()]
    config.markdown_extensions.extend(extensions)  # type: ignore[arg-type]
    return build
