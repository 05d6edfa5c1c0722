"""A language's search index written into its folder, `<language>/search/`:

    search_index.json   what Material's page script reads: its search settings, and this index's
                        (`config.iep`: where the parts are, the shards' first keys, the stop words,
                        the stemmer), with no documents: Material hands it to the worker
    t/<n>.json          term shards            p/<page>-<k>.json   a page's sections
    n/<k>.json          page titles            v/<n>.json          typo buckets

In the offline copy (`scripts`), each part is a classic script instead,
`(self.iepSearchFiles = self.iepSearchFiles || {})["t/3"] = {...};`, which the worker loads
with importScripts: from file:// browsers refuse fetch, but run scripts.
"""

from __future__ import annotations

import json
from pathlib import Path

from .index import BLOCK, CHUNK, TYPO_MIN, Index

VERSION = 1  # of the files' shape, read by overrides/assets/javascripts/search/engine.js


def write(index: Index, folder: Path, path: str, material_config: dict, stop_words: frozenset[str],
          scripts: bool) -> list[Path]:
    """Every part of `index` into `folder` (the language's search/ folder, at `path` from the
    site root, e.g. 'es/search/'); returns the files written."""
    written = []

    def put(name: str, value: object) -> None:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        target = folder / (name + (".js" if scripts else ".json"))
        target.parent.mkdir(parents=True, exist_ok=True)
        if scripts:
            text = f"(self.iepSearchFiles = self.iepSearchFiles || {{}})[{json.dumps(name)}] = {text};\n"
        target.write_text(text, encoding="utf-8")
        written.append(target)

    for number, shard in enumerate(index.shards):
        put(f"t/{number}", shard)
    for name, chunk in index.chunks.items():
        put(f"p/{name}", chunk)
    for number, titles in enumerate(index.titles):
        put(f"n/{number}", titles)
    for number, words in enumerate(index.vocabulary):
        put(f"v/{number}", words)
    settings = {
        **material_config,
        "iep": {
            "version": VERSION, "path": path, "scripts": scripts, "stemmer": index.stemmer,
            "stop": sorted(stop_words), "bounds": index.bounds, "pages": index.pages, "sections": index.sections,
            "chunk": CHUNK, "block": BLOCK, "buckets": index.buckets, "typo": TYPO_MIN,
        },
    }
    stub = folder / "search_index.json"
    stub.write_text(json.dumps({"config": settings, "docs": []}, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")
    written.append(stub)
    return written


def read_docs(folder: Path) -> list[dict]:
    """What an index written by `write` shows in results, as Material's documents
    ({location, title, text}, the text cut to the teaser), page by page: for tests and tools."""
    docs = []
    chunks = sorted(folder.glob("p/*.js*"), key=lambda path: tuple(int(n) for n in path.stem.split("-")))
    for path in chunks:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".js":
            text = text[text.index("] = ") + 4:].rstrip().removesuffix(";")
        location, sections = json.loads(text)
        docs += [{"location": location + (f"#{anchor}" if anchor else ""), "title": title, "text": teaser}
                 for anchor, title, teaser in sections]
    return docs
