"""The employer's view as HTML (candidates/templatetags/employer_view.py): every kind of item,
every value escaped, headings at the level asked for, and the empty profile."""

from django.template.loader import render_to_string
from django.utils import translation

from candidates.presenters import Item, Section


def _render(sections, **context) -> str:
    return render_to_string("candidates/includes/employer_view.html",
                            {"sections": sections, **context})


def test_every_kind_of_item_and_every_value_escaped():
    evil = '<script>alert("x")</script>'
    html = _render([Section("profile", "Over <de> kandidaat", [
        Item("Tekst", f"regel een\nregel twee {evil}"),
        Item("Lijst", ["Kok", evil], "list"),
        Item("Site", "https://example.nl/a?b=1&c=2", "url", url='https://example.nl/"a'),
        Item("Links", ["https://a.example", "https://b.example"], "urls"),
        Item("Foto", "Toegevoegd", "image", url="/werkgever/kandidaten/1/bestand/photo/"),
        Item("Cv", "Toegevoegd", "file", url="/werkgever/kandidaten/1/bestand/cv/"),
        Item("Cv zonder link", "Toegevoegd", "file"),
        Item("Kok bij De Pan", kind="entry", details=[("Van", "2020"), ("Wat", evil)]),
        Item("Zonder details", kind="entry"),
    ])], heading_level=3)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<h3 class="utrecht-heading-4" id="ev-profile">Over &lt;de&gt; kandidaat</h3>' in html
    assert 'aria-labelledby="ev-profile"' in html
    assert "regel een<br>regel twee" in html
    assert '<li class="utrecht-unordered-list__item">Kok</li>' in html
    assert ('<a class="utrecht-link" href="https://example.nl/&quot;a" rel="noopener noreferrer '
            'nofollow">https://example.nl/a?b=1&amp;c=2</a>') in html
    assert ('<li class="utrecht-unordered-list__item"><a class="utrecht-link" '
            'href="https://b.example" rel="noopener noreferrer nofollow">https://b.example</a>'
            '</li>') in html
    assert ('<img class="hw-facts__photo" src="/werkgever/kandidaten/1/bestand/photo/" '
            'alt="Foto van de kandidaat">') in html
    assert '<a class="utrecht-link" href="/werkgever/kandidaten/1/bestand/cv/">Cv openen</a>' \
        in html
    assert '<dt class="hw-facts__term">Cv zonder link</dt>\n<dd class="hw-facts__value">' \
        'Toegevoegd</dd>' in html
    assert '<ul class="hw-facts__details"><li>Van: 2020</li><li>Wat: &lt;script&gt;' in html
    assert '<dt class="hw-facts__term">Zonder details</dt>\n<dd class="hw-facts__value"></dd>' \
        in html


def test_headings_default_to_level_two_and_an_empty_profile_says_so_in_both_languages():
    html = _render([Section("work", "Werk", [Item("Uren", "32")])])
    assert '<h2 class="utrecht-heading-3" id="ev-work">Werk</h2>' in html
    assert "Er staat nog niets in dit profiel." in _render([])
    with translation.override("en"):
        empty = _render([])
        photo = _render([Section("p", "P", [Item("Photo", "Added", "image", url="/f/")])])
    assert "Er staat nog niets" not in empty and "hw-employer-view" in empty
    assert 'alt="Foto van de kandidaat"' not in photo
