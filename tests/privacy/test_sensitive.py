"""Sensitive-data detection in free text: BSN, word lists, offsets, highlighting, quality."""

import dataclasses

import pytest

from privacy.sensitive import (
    Category,
    Finding,
    highlight,
    passes_elfproef,
    scan_bsns,
    scan_text,
)
from privacy.sensitive.evaluation import EXAMPLES_PATH, HOLDOUT_PATH, evaluate, load_examples
from privacy.sensitive.findings import EXPLANATIONS


def categories(text: str) -> set[str]:
    return {finding.category.value for finding in scan_text(text)}


# --- BSN ------------------------------------------------------------------------------------


def test_elfproef():
    assert passes_elfproef("111222333")
    assert passes_elfproef("123456782")
    assert not passes_elfproef("123456789")
    assert not passes_elfproef("000000000")
    assert not passes_elfproef("12345678")


@pytest.mark.parametrize(
    "text",
    [
        "Mijn BSN: 123456782",
        "nummer 123456782.",
        "1234.56.782",
        "123.456.782",
        "123 456 782",
        "I was given number 628194821 by the council",
    ],
)
def test_valid_bsn_is_flagged(text):
    findings = scan_text(text)
    assert [f.category for f in findings] == [Category.BSN]
    assert findings[0].matched_text.replace(".", "").replace(" ", "")[-9:].isdigit()


@pytest.mark.parametrize(
    "text",
    [
        "Mijn klantnummer is 123456789.",  # nine digits, fails the eleven-test
        "Bel 06-12345678 of 0612345678",
        "Telefoon +31 695359381",  # the mobile part passes the eleven-test
        "Telefoon 0031 695359381",
        "Telefoon +31 (0)6 95359381",
        "IBAN NL91 ABNA 0417 1643 00 en NL91ABNA0417164300",
        "Postcode 3511 AB, geboren 12-05-1985, gewerkt van 2015 tot 2019",
        "Een omzet van € 252.760.189",
        "Artikel 1234567828 en code X123456782",  # longer number, glued to letters
        "000000000",
    ],
)
def test_look_alikes_are_not_flagged_as_bsn(text):
    assert Category.BSN not in categories(text)


def test_a_labelled_number_is_flagged_even_when_it_fails_the_test():
    assert categories("Mijn burgerservicenummer is 123456789") == {"bsn"}
    assert categories("BSN: 12345672") == {"bsn"}  # eight digits: 012345672 passes


# --- word lists -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik had een burnout", {"health"}),
        ("Ik had een burn out", {"health"}),
        ("Ik ben DEPRESSIEF geweest", {"health"}),
        ("Behandeld voor longkanker", {"health"}),
        ("Ik heb MS", {"health"}),
        ("Ik werk met MS Office en ms word", set()),
        ("Ik denk snel na", set()),
        ("Ik stem op DENK", {"political"}),
        ("Ik spreek Turks, Pools en Arabisch", set()),
        ("Ik ben van Turkse afkomst", {"ethnicity"}),
        ("Kerkstraat 12, Utrecht", set()),
        ("Ik ga elke zondag naar de kerk", {"religion"}),
        ("Ik draag een hoofddoek", {"religion"}),
        ("Conciërge op een christelijke basisschool", set()),
        ("Ik heb een VOG", set()),
        ("Ik krijg geen VOG", {"criminal_record"}),
        ("Lid van de FNV", {"union"}),
        ("Ik ben lesbisch", {"sexual_orientation"}),
        ("I am a practising Muslim with a criminal record", {"religion", "criminal_record"}),
    ],
)
def test_word_lists(text, expected):
    assert categories(text) == expected


def test_offsets_point_into_the_original_text_with_accents():
    text = "Patiënt, café-eigenaar; ik heb epilepsie én reuma."
    findings = scan_text(text)
    assert [f.matched_text for f in findings] == ["epilepsie", "reuma"]
    for finding in findings:
        assert text[finding.start : finding.end] == finding.matched_text


def test_accented_spelling_matches():
    assert categories("Ik ben hartpatiënt") == {"health"}
    assert categories("Ik ben atheïst") == {"religion"}


def test_the_longest_phrase_wins_within_a_category():
    findings = scan_text("Ik ben chronisch ziek.")
    assert [f.matched_text for f in findings] == ["chronisch ziek"]


def test_findings_are_frozen_and_explain_in_dutch_and_english():
    finding = scan_text("Ik heb diabetes")[0]
    assert "gezondheid" in finding.explanation_nl
    assert "health" in finding.explanation_en
    assert finding.explanation("en-gb") == finding.explanation_en
    assert finding.explanation("nl") == finding.explanation_nl
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 0
    assert set(EXPLANATIONS) == set(Category)


def test_empty_text():
    assert scan_text("") == []


# --- highlight ------------------------------------------------------------------------------


def test_highlight_marks_passages_and_escapes_everything_else():
    text = '<script>alert("x")</script> Ik heb diabetes & <b>astma</b>'
    html = highlight(text, scan_text(text))
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>diabetes</mark> &amp; &lt;b&gt;<mark>astma</mark>&lt;/b&gt;" in html


def test_highlight_merges_overlapping_findings_and_escapes_inside_marks():
    text = "a <x> b"
    findings = [
        Finding.at(Category.HEALTH, text, 0, 4),
        Finding.at(Category.RELIGION, text, 2, 5),
    ]
    assert highlight(text, findings) == "<mark>a &lt;x&gt;</mark> b"
    assert highlight(text, []) == "a &lt;x&gt; b"


# --- quality on the labelled examples --------------------------------------------------------


def test_labelled_set_is_big_enough_and_balanced():
    examples = load_examples(EXAMPLES_PATH)
    positives = sum(1 for _, labelled in examples if labelled)
    assert len(examples) >= 120
    assert 0.4 <= positives / len(examples) <= 0.6
    known = {c.value for c in Category}
    assert all(labelled <= known for _, labelled in examples)


def test_precision_and_recall_on_the_labelled_set():
    per_category, overall, mistakes = evaluate(load_examples(EXAMPLES_PATH))
    assert overall.precision >= 0.85, mistakes
    assert overall.recall >= 0.85, mistakes


def test_the_bsn_scan_finds_exactly_the_bsns_of_the_whole_scan():
    """scan_bsns() (what a save refuses) is scan_text()'s BSN findings, over every labelled
    example and texts with numbers next to, inside and around other findings."""
    texts = [text for path in (EXAMPLES_PATH, HOLDOUT_PATH)
             for text, _labels in load_examples(path)]
    texts += ["BSN 111222333 en 123456782, ik ben chronisch ziek",
              "nummer: 1112.22.333 / 111 222 333 (mijn bsn)", "", "geen nummer"]
    found = 0
    for text in texts:
        whole = [f for f in scan_text(text) if f.category == Category.BSN]
        assert scan_bsns(text) == whole, text
        found += len(whole)
    assert found >= 3  # the examples do hold numbers to find
