"""A small project with a three-entry glossary in two languages, for the glossary's build
and browser tests."""

from __future__ import annotations

from sitebuild import make_project

EN = """\
iep:
  term: IEP
  match: [IEPs, Individualized Education Program]
  short: "A written plan for your child."
fape:
  term: FAPE
  match: [free appropriate public education]
  short: "Free school that fits your child. <script>alert(1)</script>"
  long: "First paragraph.\\n\\nSecond paragraph."
evaluation:
  term: evaluation
  short: "Tests that show how your child learns."
"""
ES = """\
iep:
  term: IEP
  match: [PEI, Programa de Educación Individualizado]
  short: "Un plan escrito para su hijo."
fape:
  term: educación pública gratuita y apropiada
  match: [FAPE]
  short: "Escuela gratuita que se ajusta a su hijo. <script>alert(1)</script>"
evaluation:
  term: evaluación
  match: [evaluacion]
  short: "Pruebas que muestran cómo aprende su hijo."
"""
PAGES = {
    "en/index.md": (
        "# Home\n\nYour IEP is a plan. Every IEP has goals. See [FAPE](glossary.md#fape).\n\n"
        "## The IEP meeting { #meeting }\n\nAn evaluation comes first. `IEP` in code. The FAPE right.\n"
    ),
    "en/only-en.md": "# Only English\n\nEvery IEP is written for one child.\n",
    "en/glossary.md": "# Glossary\n\nThe IEP words.\n",
    "es/index.md": "# Inicio\n\nSu PEI es un plan. La evaluación va primero. Vea [FAPE](glossary.md#fape).\n",
    "es/glossary.md": "# Glosario\n\nLas palabras del IEP.\n",
}


def project(tmp_path, en=EN, es=ES, pages=PAGES, config=None):
    root = make_project(tmp_path, pages, config)
    (root / "data" / "glossary" / "en.yml").write_text(en, encoding="utf-8")
    (root / "data" / "glossary" / "es.yml").write_text(es, encoding="utf-8")
    return root
