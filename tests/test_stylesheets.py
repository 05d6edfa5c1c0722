"""The site's own stylesheets are written without their comments (hooks/iep_guide/stylesheets.py)."""

from iep_guide.stylesheets import strip_comments
from sitebuild import ROOT


def test_comments_go_and_rules_and_strings_stay():
    css = ('/* a note\n   over lines */\n.a { color: red; } /* after */\n\n'
           '.b::before { content: "/* not a comment */"; background: url(\'x/*y.svg\'); }\n/* unclosed')
    assert strip_comments(css) == ('.a { color: red; }\n'
                                   '.b::before { content: "/* not a comment */"; background: url(\'x/*y.svg\'); }\n')


def test_an_escaped_quote_does_not_end_a_string():
    assert strip_comments('.a { content: "\\" /* kept */"; } /* gone */') == '.a { content: "\\" /* kept */"; }\n'


def test_the_built_stylesheets_have_every_rule_and_no_comment(real_site):
    for source in (ROOT / "overrides/assets/stylesheets").glob("*.css"):
        built = (real_site.site / "assets/stylesheets" / source.name).read_text(encoding="utf-8")
        assert "/*" not in built, source.name
        assert built == strip_comments(source.read_text(encoding="utf-8"))
