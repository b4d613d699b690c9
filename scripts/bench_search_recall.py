"""Benchmark: does the employer's search find what employers mean? (issue 18)

A labelled evaluation over the benchmark population (BENCH_CANDIDATES / --candidates,
100,000 by default): employer queries of six kinds — single words, compound words,
synonyms, English words, typos and occupations' other names — each with the set of
relevant profiles defined *independently of our search*: every profile the employer may see
whose text (the same fields the search reads, without the added compound parts) contains
the query word, or one of its listed synonyms, as a word or as part of a word — computed in
Python. "Part of a word" is judged without our splitter: the word with at least three
letters before or after it ("thuiszorgmedewerker" holds "zorg"), but not inside a word with
a one- or two-letter rest ("bezorger", "verzorgd" do not hold "zorg"); a plural or
inflection ending (-s, -en, -e, -n) counts as the word itself. For an occupation's other
name ("orderverzamelaar" for ISCO 9333) relevant is: the profile chose that occupation, or
its text holds every word of the name (synonyms not counted; the ISCO code comes from the
query list below, not from the search's name index).

For each query, our search as the page runs it (`candidate_search()`, first page) and the
whole set it matches (`search_queryset()`, uncapped, the saved-search path). For a typo the
evaluated set is that of the suggestion ("Bedoelde u: …?") the page offers, as if the
employer followed it; a typo without a (correct) suggestion scores zero.

    .venv/bin/python scripts/bench_search_recall.py [--candidates 100000]

Writes its section of docs/benchmarks.md.
"""

import statistics
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench as shared  # noqa: E402  (scripts/bench.py: database, population, docs file)

START = "<!-- scripts/bench_search_recall.py: start -->"
END = "<!-- scripts/bench_search_recall.py: end -->"
# Occupations' other names are part of the issue's "synonyms", so they share its target.
TARGETS = {"single word": 0.95, "compound": 0.95, "synonym": 0.9, "other name": 0.9}

# (kind, what the employer types, the intended word for a typo)
QUERIES = [
    *(("single word", word, None) for word in [
        "medewerker", "chauffeur", "monteur", "verkoper", "zorg", "magazijn", "schoonmaak",
        "kok", "kassa", "beveiliger", "timmerman", "elektricien", "bakker", "receptionist",
        "bezorger", "productie", "administratie", "logistiek", "installatie", "onderwijs",
        "keuken", "klantcontact", "tuin", "auto"]),
    *(("compound", word, None) for word in [
        "vrachtwagenchauffeur", "magazijnmedewerker", "kassamedewerker",
        "thuiszorgmedewerker", "automonteur", "productiemedewerker",
        "klantcontactmedewerker", "verkoopmedewerker", "keukenhulp", "pakketbezorger",
        "onderwijsassistent", "banketbakker", "schoonmaakmedewerker",
        "bedieningsmedewerker", "voorraadadministrateur", "tuinonderhoud"]),
    *(("synonym", word, None) for word in [
        "bestuurder", "bewaker", "koerier", "tuinman", "schoonmaakster", "kassiere",
        "verkoopster", "huismeester", "baliemedewerker", "productiewerker"]),
    *(("English", word, None) for word in [
        "driver", "cleaner", "cook", "mechanic", "cashier", "carpenter", "electrician",
        "courier", "gardener", "painter", "baker", "caretaker"]),
    *(("typo", typo, word) for typo, word in [
        ("magazjin", "magazijn"), ("chaufeur", "chauffeur"), ("monteru", "monteur"),
        ("verkoepr", "verkoper"), ("schoonmaek", "schoonmaak"), ("beveliger", "beveiliger"),
        ("elektricein", "elektricien"), ("timerman", "timmerman"), ("receptionst",
                                                                     "receptionist"),
        ("bezorgr", "bezorger"), ("bakekr", "bakker"), ("instalatie", "installatie")]),
    # Names that are neither the demo's job titles nor (mostly) in the occupation's label.
    *(("other name", name, isco_code) for name, isco_code in [
        ("orderverzamelaar", "9333"), ("laad en losmedewerker", "9333"),
        ("kamermeisje", "9112"), ("interieurverzorger", "9112"), ("afwasser", "9412"),
        ("keukenassistent", "9412"), ("inpakster", "9321"), ("winkelbediende", "5223"),
        ("kassier", "5230"), ("voorraadbeheerder", "4321"), ("taxichauffeur", "8322"),
        ("grillkok", "5120"), ("serveerster", "5131"), ("zorgassistent", "5321"),
        ("wijkverzorgende", "5322"), ("gastouder", "5311"), ("kantoormedewerker", "4110"),
        ("callcentermedewerker", "4222"), ("objectbeveiliger", "5414"),
        ("plantsoenwerker", "9214"), ("straatveger", "9613"), ("koerier", "9621"),
        ("fabrieksmedewerker", "9329"), ("zelfstandig werkend kok", "5120")]),
]
KINDS = ["single word", "compound", "synonym", "English", "typo", "other name"]


def employer_texts(viewer) -> dict[int, str]:
    """Every profile the employer may see → its searchable text, normalised, without the
    compound parts the search adds (the labels must not come from the method measured)."""
    from django.db.models import Prefetch

    import candidates.search_text as search_text
    from candidates.models import Candidate, Profile
    from candidates.search_documents import PROFILE_PREFETCH

    plain = search_text.with_compound_parts
    search_text.with_compound_parts = lambda text: text
    try:
        texts = {}
        candidates = (Candidate.objects.visible_to(viewer).filter(profile__isnull=False)
                      .only("pk").prefetch_related(Prefetch("profile", Profile.objects
                                                            .prefetch_related(*PROFILE_PREFETCH))))
        for candidate in candidates.iterator(chunk_size=2000):
            texts[candidate.pk] = " ".join(search_text.profile_search_texts(candidate.profile))
        return texts
    finally:
        search_text.with_compound_parts = plain


INFLECTIONS = ("", "s", "en", "e", "n")
MIN_REST = 3


def holds(token: str, word: str) -> bool:
    """Does `token` hold `word`, as itself (inflected) or as part of a compound?"""
    if any(token == word + ending for ending in INFLECTIONS):
        return True
    at = token.find(word)
    while at >= 0:
        before, after = at, len(token) - at - len(word)
        if ((before == 0 or before >= MIN_REST)
                and (after == 0 or after >= MIN_REST or token[at + len(word):] in INFLECTIONS)
                and (before or after)):
            return True
        at = token.find(word, at + 1)
    return False


def token_index(texts: dict[int, str]) -> dict[str, set[int]]:
    import re

    index: dict[str, set[int]] = defaultdict(set)
    for pk, text in texts.items():
        for token in set(re.findall(r"[^\W\d_]+", text)):
            index[token].add(pk)
    return index


def relevant(index: dict[str, set[int]], word: str) -> set[int]:
    """Profiles whose text holds `word` or a listed synonym as a word or part of a word."""
    from employers.synonyms import synonyms_of

    wanted = [word, *synonyms_of(word)]
    found: set[int] = set()
    for token, pks in index.items():
        if any(holds(token, w) for w in wanted):
            found |= pks
    return found


def chosen_occupations(viewer) -> dict[str, set[int]]:
    """ISCO code → the profiles (visible to the employer) that chose it."""
    from candidates.models import Candidate

    chosen: dict[str, set[int]] = defaultdict(set)
    for pk, code in (Candidate.objects.visible_to(viewer)
                     .filter(profile__preferred_occupations__isnull=False)
                     .values_list("pk", "profile__preferred_occupations__isco_code")
                     .iterator(chunk_size=5000)):
        chosen[code].add(pk)
    return chosen


def relevant_to_name(index: dict[str, set[int]], chosen: dict[str, set[int]], name: str,
                     isco_code: str) -> set[int]:
    """Profiles that chose the occupation, or whose text holds every word of its name."""
    holding = [{pk for token, pks in index.items() if holds(token, word) for pk in pks}
               for word in name.split()]
    return chosen[isco_code] | set.intersection(*holding)


@contextmanager
def without_other_names():
    """The query as it was before occupations' other names: no typed word spells one (the
    spelling suggestions keep their vocabulary). For the same-run comparison."""
    import employers.occupation_names as names

    real = names.other_name_index
    names.other_name_index = dict
    names._names_by_first_word.cache_clear()
    names._sorted_first_words.cache_clear()
    try:
        yield
    finally:
        names.other_name_index = real
        names._names_by_first_word.cache_clear()
        names._sorted_first_words.cache_clear()


def evaluate(viewer, index, chosen) -> list[dict]:
    from employers.search import SearchCriteria, candidate_search, search_queryset

    rows = []
    for kind, typed, intended in QUERIES:
        started = time.perf_counter()
        result = candidate_search(viewer=viewer, criteria=SearchCriteria(text=typed))
        elapsed_ms = (time.perf_counter() - started) * 1000
        searched, suggestion = typed, None
        if kind == "typo":
            suggestion = result.suggestion
            if suggestion != intended:
                rows.append({"kind": kind, "typed": typed, "suggestion": suggestion,
                             "relevant": len(relevant(index, intended)), "found": 0,
                             "recall": 0.0, "precision": 0.0, "page_precision": 0.0,
                             "ms": elapsed_ms})
                continue
            searched = suggestion
            result = candidate_search(viewer=viewer, criteria=SearchCriteria(text=searched))
        wanted = (relevant_to_name(index, chosen, typed, intended) if kind == "other name"
                  else relevant(index, intended or typed))
        found = set(search_queryset(viewer=viewer, criteria=SearchCriteria(text=searched))
                    .values_list("pk", flat=True))
        page = [c.pk for c in result.candidates]
        hits = len(found & wanted)
        rows.append({
            "kind": kind, "typed": typed, "suggestion": suggestion, "relevant": len(wanted),
            "isco_code": intended if kind == "other name" else None,
            "found": len(found), "ms": elapsed_ms,
            "recall": hits / len(wanted) if wanted else 1.0,
            "precision": hits / len(found) if found else (1.0 if not wanted else 0.0),
            "page_precision": (sum(pk in wanted for pk in page) / len(page)) if page else
            (1.0 if not wanted else 0.0)})
    return rows


def comparison(rows, before) -> list[str]:
    lines = ["", "The same queries in the same run with occupations' other names switched off "
             "in the query (as before they existed), per kind: mean recall and mean first "
             "page precision, without → with the names.", "",
             "| kind | recall without | recall with | first page precision without | "
             "first page precision with |", "|---|---:|---:|---:|---:|"]
    for kind in KINDS:
        now = [r for r in rows if r["kind"] == kind]
        then = [r for r in before if r["kind"] == kind]
        lines.append(
            f"| {kind} | {statistics.mean(r['recall'] for r in then):.3f} | "
            f"{statistics.mean(r['recall'] for r in now):.3f} | "
            f"{statistics.mean(r['page_precision'] for r in then):.3f} | "
            f"{statistics.mean(r['page_precision'] for r in now):.3f} |")
    return lines


def report(rows, *, population: str, visible: int, machine: str, before=()) -> str:
    by_kind = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    lines = [
        "## Search recall: compounds, synonyms, typos, occupations' other names "
        "(scripts/bench_search_recall.py, issue 18)",
        "",
        f"Database `{shared.BENCH_DATABASE}` ({population}); machine: {machine}. The "
        f"searching employer (invited by Utrecht) may see {visible:,} profiles. "
        f"{len(rows)} queries. Relevant = the profile's searchable text (without the "
        "added compound parts) contains the word or a listed synonym as a word or part of "
        "a word, computed in Python; for an occupation's other name, the profile chose "
        "that occupation or its text holds every word of the name. Recall and precision "
        "over the whole matching set "
        "(uncapped); first-page precision over the 25 shown. Typos are scored on the "
        "suggested search (zero without the right suggestion).",
        "",
        "| kind | queries | recall (mean) | recall (min) | precision (mean) | first page "
        "precision | target recall | met? |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for kind in KINDS:
        group = by_kind[kind]
        recall = statistics.mean(r["recall"] for r in group)
        target = TARGETS.get(kind)
        lines.append(
            f"| {kind} | {len(group)} | {recall:.3f} | {min(r['recall'] for r in group):.3f}"
            f" | {statistics.mean(r['precision'] for r in group):.3f} | "
            f"{statistics.mean(r['page_precision'] for r in group):.3f} | "
            f"{target if target else '–'} | "
            f"{('yes' if recall >= target else 'no') if target else '–'} |")
    if before:
        lines += comparison(rows, before)
    lines += ["", "Per query (relevant / found / recall / precision; typos: the suggestion):",
              ""]
    lines += [f"- {r['kind']}: `{r['typed']}`"
              + (f" → {r['suggestion'] or 'no suggestion'}" if r["kind"] == "typo" else "")
              + (f" (ISCO {r['isco_code']})" if r.get("isco_code") else "")
              + f": {r['relevant']:,} / {r['found']:,} / {r['recall']:.3f} / "
              f"{r['precision']:.3f}" for r in rows]
    lines.append("")
    return "\n".join(lines)


def main() -> int:
    shared.setup_django()
    print(f"Benchmark database {shared.BENCH_DATABASE}: ensuring the demo population...")
    population = shared.population_ensure()
    import bench_search

    viewer = bench_search.bench_employer()
    texts = employer_texts(viewer)
    machine = shared.machine()
    index, chosen = token_index(texts), chosen_occupations(viewer)
    rows = evaluate(viewer, index, chosen)
    with without_other_names():
        before = evaluate(viewer, index, chosen)
    text = report(rows, population=population, visible=len(texts), before=before,
                  machine=f"{machine} at the start; {shared.machine()} at the end")
    shared.section_write(START, END, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
