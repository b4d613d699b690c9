"""{% sections %} (issue 15): the in-page navigation is built from the headings it wraps."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError


def render(body: str, depth: str = "") -> str:
    return Template("{% load page_sections %}{% sections " + depth + " %}" + body
                    + "{% endsections %}").render(Context({}))


def test_every_heading_gets_a_link_and_headings_without_an_id_get_one():
    html = render('<h2 id="eerste">Eerste</h2><p>x</p><h2 class="a">Twee &amp; <em>drie</em>'
                  '</h2><h2>Twee &amp; drie</h2><h3>Niet in de lijst</h3>')
    nav = html.split("</nav>")[0]
    assert 'aria-labelledby="page-sections-title"' in nav and "Op deze pagina" in nav
    assert re.findall(r'href="#([^"]+)"', nav) == ["eerste", "sectie-twee-drie",
                                                  "sectie-twee-drie-2"]
    assert '<h2 class="a" id="sectie-twee-drie">Twee &amp; <em>drie</em></h2>' in html
    assert '<h2 id="sectie-twee-drie-2">' in html and "Niet in de lijst</a>" not in html
    assert ">Twee &amp; drie</a>" in nav  # escaped once, as on the page


def test_short_pages_get_no_navigation():
    html = render("<h2>Een</h2><h2>Twee</h2>")
    assert "<nav" not in html and '<h2 id="sectie-een">Een</h2>' in html


def test_depth_three_nests_the_third_level_under_its_section():
    html = render("<h3>Voor alles</h3><h2>Verwerkingen</h2><h3>Werk zoeken</h3>"
                  "<h3>Matching</h3><h2>Beveiliging</h2>", "3")
    nav = html.split("</nav>")[0]
    assert re.findall(r'href="#([^"]+)"', nav) == [
        "sectie-verwerkingen", "sectie-werk-zoeken", "sectie-matching", "sectie-beveiliging"]
    assert nav.count('class="hw-toc__sublist"') == 1 and "Voor alles" not in nav


def test_a_wrong_depth_is_refused():
    with pytest.raises(TemplateSyntaxError):
        render("", "4")
