"""The IEP Family Guide's build: the steps hooks/pipeline.py runs, one concern per module.

    options.py       extra.iep in mkdocs.yml: the build's options
    state.py         what one build knows (BuildState), and the language being built
    datafile.py      one loader and one error type for every data file
    static_i18n.py   the only module that knows mkdocs-static-i18n's internals
    brand.py         brand.yml: checked, then applied to each language's build
    states.py        state profiles (data/states/)
    variables.py     {{ state.* }} and {{ brand.* }} in pages
    glossary/        data/glossary/: terms marked in pages, definitions, the glossary page
    languages.py     each language a whole site: switcher, hreflang, notices, search, 404
    translations.py  which English version each translation was made from
    links/           every link of every language, checked once all are built
    offline.py       the offline copy
    theme_fixes.py   markup Material writes without a block to override
"""
