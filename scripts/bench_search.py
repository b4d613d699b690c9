"""Benchmark: the employer's candidate search at 100,000 candidates (issue 6).

Runs, on the same data and in the same process:
  * our search — `employers.search.candidate_search()`: visibility rules, PostgreSQL
    full-text search (Dutch, GIN index, prefix on the last word), two filters, ts_rank
    ordering, the result count, the first page of 25 with what the result list shows, and
    the audit row — timed end to end as the page's server time;
  * the naive method peer systems use — `ILIKE '%word%'` over the profile's text columns,
    with the same visibility rules, the same filters, count and first page.

The data lives in its own database (`hallowerk_bench_search` on the embedded PostgreSQL,
or DATABASE_URL), generated once with realistic Dutch profile text and reused afterwards.

    .venv/bin/python scripts/bench_search.py [--candidates 100000] [--fresh]

A database with fewer candidates is topped up; --fresh generates it again.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DATABASE = "hallowerk_bench_search"
P95_BUDGET_MS = 100.0


# A production database keeps its working set in memory; the embedded development server's
# defaults (shared_buffers 128 MB) do not. The benchmark therefore runs its own PostgreSQL with
# settings sized like a small production server (docs/benchmarks.md).
BENCH_SETTINGS = {"shared_buffers": "1GB", "effective_cache_size": "4GB", "work_mem": "16MB",
                  "random_page_cost": "1.1"}


def _bench_server():
    import pgserver

    pg_dir = ROOT / ".hallowerk" / "bench-pgdata"
    pg_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(str(pg_dir), cleanup_mode="stop")
    if BENCH_SETTINGS["shared_buffers"] not in server.psql("SHOW shared_buffers;"):
        for name, value in BENCH_SETTINGS.items():
            server.psql(f"ALTER SYSTEM SET {name} = '{value}';")
        server.cleanup()  # shared_buffers needs a restart
        server = pgserver.get_server(str(pg_dir), cleanup_mode="stop")
    return server, pg_dir


def _database_url(fresh: bool = False) -> str:
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    server, pg_dir = _bench_server()
    if fresh:
        server.psql(f"DROP DATABASE IF EXISTS {BENCH_DATABASE};")
    exists = server.psql(
        f"SELECT 1 FROM pg_database WHERE datname = '{BENCH_DATABASE}';")  # noqa: S608
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {BENCH_DATABASE};")
    return f"postgres://postgres@/{BENCH_DATABASE}?host={pg_dir}"


def setup_django(fresh: bool = False) -> None:
    os.environ["DATABASE_URL"] = _database_url(fresh)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hallowerk.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


# --- data --------------------------------------------------------------------------------

COMMON_OCCUPATIONS = [
    "9112", "9333", "5120", "9412", "5223", "8322", "4110", "5322", "7115", "9313", "4222",
    "5131", "9211", "8332", "5321", "7411", "7126", "9621", "4321", "5230", "9622", "7231",
    "5141", "3434", "9329", "7131", "5151", "4311", "3412",
]
SKILLS = [
    "Heftruck rijden", "Reachtruck", "Orderpicken", "Voorraadbeheer", "Kassa", "Klantcontact",
    "Telefoneren", "Excel", "Word", "Boekhouden", "Koken", "Bakken", "Afwassen", "HACCP",
    "Schoonmaken", "Glazenwassen", "Tuinonderhoud", "Snoeien", "Metselen", "Tegelzetten",
    "Timmeren", "Schilderen", "Stukadoren", "Elektra aanleggen", "Loodgieterswerk",
    "Lassen", "Solderen", "Autotechniek", "Banden wisselen", "Rijbewijs C", "Bezorgen",
    "Route plannen", "Verzorgen", "Wondzorg", "Tillen met een tillift", "Kinderen opvangen",
    "Voorlezen", "Beveiligen", "Surveilleren", "EHBO", "BHV", "VCA", "Inpakken",
    "Productiewerk", "Machines bedienen", "Kwaliteitscontrole", "Kappen", "Nagels verzorgen",
    "Bedienen", "Barista", "Cocktails", "Receptie", "Planning", "Archiveren", "Post sorteren",
    "Data invoeren", "Programmeren", "Websites bouwen", "Fotografie", "Social media",
    "Verkopen", "Vakken vullen", "Spiegelen", "Etaleren", "Naaien", "Strijken",
]
TALENTS = [
    "Betrouwbaar", "Punctueel", "Zorgzaam", "Creatief", "Geduldig", "Sociaal", "Nauwkeurig",
    "Zelfstandig", "Teamspeler", "Leergierig", "Flexibel", "Doorzetter", "Vriendelijk",
    "Stressbestendig", "Handig", "Communicatief", "Oplossingsgericht", "Rustig", "Energiek",
]
SENTENCES = [
    "Ik werk graag met mijn handen.", "Ik ben altijd op tijd en houd van aanpakken.",
    "Ik zoek een vaste baan in de buurt.", "Ik heb jaren in de horeca gewerkt.",
    "In mijn vorige baan werkte ik in een magazijn met een heftruck.",
    "Ik help graag mensen en ben geduldig.", "Ik spreek Nederlands, Engels en Arabisch.",
    "Ik wil graag leren en een opleiding volgen naast mijn werk.",
    "Ik ben handig en los problemen zelf op.", "Ik werk het liefst in een klein team.",
    "Ik heb ervaring met schoonmaken in kantoren en hotels.",
    "Ik heb als chauffeur pakketten bezorgd in de regio.",
    "Ik kook graag voor grote groepen en werk netjes volgens de hygiënecode.",
    "Ik heb in de thuiszorg gewerkt en ouderen geholpen.",
    "Ik zoek werk in de bouw, het liefst buiten.", "Ik ben creatief en maak graag dingen mooi.",
    "Ik heb in een winkel achter de kassa gestaan en vakken gevuld.",
    "Ik werk graag met computers en administratie.", "Ik ben rustig en nauwkeurig.",
    "Ik wil na een tijd zonder werk weer meedoen.", "Ik kan 's avonds en in het weekend werken.",
    "Ik heb een diploma uit mijn land van herkomst.", "Ik ben vriendelijk tegen klanten.",
    "Ik heb geholpen bij de kinderopvang in mijn buurt.", "Ik repareer fietsen en auto's.",
]
COURSES = ["VCA Basis", "Heftruckcertificaat", "BHV", "Hygiënecode horeca", "Taalcursus Nederlands",
           "EHBO", "Klantvriendelijk werken", "Excel voor beginners", "Rijbewijs B",
           "Beveiliger 2", "Orderpicken", "Schoonmaaktechniek"]
EDUCATIONS = ["Mbo Logistiek", "Mbo Zorg en welzijn", "Vmbo Techniek", "Mbo Koken",
              "Mbo Detailhandel", "Havo", "Mbo Administratie", "Mbo Bouw", "Entreeopleiding",
              "Mbo Facilitaire dienstverlening", "Mbo Autotechniek", "Mbo Installatietechniek"]
COMPANIES = ["Albert Heijn", "PostNL", "Bouwbedrijf De Vries", "Restaurant De Gouden Leeuw",
             "Schoonmaakbedrijf Jansen", "Zorggroep Noord", "Hotel Centraal", "Gemeente",
             "Transportbedrijf Bakker", "Hema", "Bol.com", "Kinderopvang Zonnetje"]
ADJECTIVES = ["betrouwbaar", "punctueel", "zorgzaam", "creatief", "geduldig", "sociaal",
              "nauwkeurig", "zelfstandig", "leergierig", "flexibel", "vriendelijk", "rustig",
              "handig", "energiek", "eerlijk", "behulpzaam", "gemotiveerd", "praktisch",
              "netjes", "spontaan", "stil", "open", "vrolijk", "serieus", "sportief",
              "technisch", "precies", "snel", "georganiseerd", "trouw"]
HOBBIES = ["voetbal ik", "kook ik voor mijn familie", "werk ik in de moestuin", "fiets ik veel",
           "lees ik boeken", "help ik in de moskee", "help ik in de kerk", "speel ik gitaar",
           "repareer ik fietsen", "teken ik", "zwem ik", "doe ik vrijwilligerswerk bij de "
           "voedselbank", "speel ik schaak", "maak ik muziek", "brei ik", "vis ik", "wandel ik",
           "doe ik aan fitness", "zorg ik voor mijn kinderen", "bak ik taarten",
           "knutsel ik met hout", "programmeer ik kleine spelletjes", "fotografeer ik",
           "naai ik kleding", "dans ik", "klus ik in huis", "kijk ik films", "leer ik Engels",
           "tuinier ik", "verzorg ik dieren"]
WISHES = ["het liefst overdag", "in de buurt van mijn huis", "in een klein team", "buiten",
          "met mensen", "met mijn handen", "parttime", "fulltime", "in ploegendienst",
          "met doorgroeimogelijkheden", "met een vast contract", "op een rustige plek",
          "met afwisseling", "in de ochtend", "in het weekend", "dicht bij het station"]
TRANSPORT = ["een fiets", "een auto", "een scooter", "een OV-kaart", "geen vervoer"]
LANGUAGE_NAMES = ["Nederlands", "Engels", "Arabisch", "Turks", "Pools", "Tigrinya",
                  "Somalisch", "Frans", "Duits", "Oekraïens", "Papiamento", "Farsi"]
MUNICIPALITY_SHARE = {"amsterdam": 0.30, "rotterdam": 0.30, "den-haag": 0.25, "utrecht": 0.15}
BATCH = 5000


def _places_near(place_model, centre, radius_km=30):
    from hallowerk.reference import haversine_km

    near = [(p.pk, max(p.population, 500)) for p in place_model.objects.all()
            if haversine_km(centre.latitude, centre.longitude, p.latitude, p.longitude)
            <= radius_km]
    return [pk for pk, _w in near], [w for _pk, w in near]


def _job(occupation) -> str:
    return occupation.label_nl.split(" (")[0].split(",")[0].lower()


def _sentence(rng, pick_occupation) -> str:
    """One sentence from a template with a long-tail vocabulary, like real profiles."""
    kind = rng.randrange(7)
    if kind == 0:
        return f"Ik ben {rng.choice(ADJECTIVES)} en {rng.choice(ADJECTIVES)}."
    if kind == 1:
        return f"Ik heb {rng.randint(1, 15)} jaar ervaring als {_job(pick_occupation())}."
    if kind == 2:
        return f"In mijn vrije tijd {rng.choice(HOBBIES)}."
    if kind == 3:
        return f"Ik heb {rng.choice(TRANSPORT)} en werk graag {rng.choice(WISHES)}."
    if kind == 4:
        first, second = rng.sample(LANGUAGE_NAMES, 2)
        return f"Ik spreek {first} en een beetje {second}."
    if kind == 5:
        return f"Ik heb gewerkt bij {rng.choice(COMPANIES)} als {_job(pick_occupation())}."
    return rng.choice(SENTENCES)


def _sentences(rng, pick_occupation, count) -> str:
    return " ".join(_sentence(rng, pick_occupation) for _ in range(count))


def generate(total: int, rng: random.Random) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from candidates.models import (
        Candidate,
        Course,
        Education,
        LanguageSkill,
        Profile,
        WorkExperience,
    )
    from candidates.physical import PHYSICAL_CODES, physical_field_name
    from hallowerk.models import Municipality, Occupation, Place, Sector, User
    from hallowerk.reference import place_resolve
    from hallowerk.roles import Role

    now = timezone.now()
    municipalities = {m.slug: m for m in Municipality.objects.filter(
        slug__in=MUNICIPALITY_SHARE)}
    centres = {"amsterdam": "Amsterdam", "rotterdam": "Rotterdam", "den-haag": "Den Haag",
               "utrecht": "Utrecht"}
    nearby = {slug: _places_near(Place, place_resolve(name)) for slug, name in centres.items()}
    occupations = {o.isco_code: o for o in Occupation.objects.all()}
    common = [occupations[c] for c in COMMON_OCCUPATIONS if c in occupations]
    # Popularity follows a long tail: the common entry-level jobs first, then all others.
    ranked = common + [o for o in occupations.values() if o not in common]
    popularity = [1 / (rank + 1) ** 0.9 for rank in range(len(ranked))]

    by_group: dict[str, list] = {}
    for occupation in ranked:
        by_group.setdefault(occupation.isco_code[:2], []).append(occupation)

    def pick_occupation():
        return rng.choices(ranked, popularity)[0]

    def person_picker():
        """A person's jobs cluster around one field: mostly their main occupation or one of
        the same ISCO sub-major group, now and then something else."""
        primary = pick_occupation()
        field = by_group[primary.isco_code[:2]]

        def pick():
            roll = rng.random()
            if roll < 0.5:
                return primary
            return rng.choice(field) if roll < 0.85 else pick_occupation()
        return pick

    sectors = list(Sector.objects.all())
    slugs, weights = zip(*MUNICIPALITY_SHARE.items(), strict=True)
    offset = User.objects.filter(email__startswith="bench-").count()
    print(f"Generating {total} candidates (batches of {BATCH})...", flush=True)
    started = time.perf_counter()
    for batch_start in range(0, total, BATCH):
        size = min(BATCH, total - batch_start)
        with transaction.atomic():
            slugs_batch = rng.choices(slugs, weights, k=size)
            users = User.objects.bulk_create([
                User(email=f"bench-{offset + batch_start + i}@example.nl", first_name="Kandidaat",
                     last_name=f"Bench {offset + batch_start + i}", role=Role.JOBSEEKER,
                     municipality=municipalities[slug], password="!bench")
                for i, slug in enumerate(slugs_batch)])
            candidates = []
            for user in users:
                hidden = rng.random() < 0.03
                candidates.append(Candidate(
                    user=user, municipality=user.municipality,
                    client_number=f"B{user.pk}", first_name=user.first_name,
                    last_name=user.last_name, email=user.email,
                    directly_approachable=rng.random() < 0.4,
                    tg_banenafspraak=rng.random() < 0.2,
                    shared_with_employers=rng.random() < 0.75,
                    sharing_scope="all" if rng.random() < 0.4 else "region",
                    hidden_by_staff=hidden, hidden_reason="Bench" if hidden else "",
                    hidden_at=now if hidden else None, is_active=rng.random() > 0.05,
                    last_activity_at=now - timedelta(minutes=rng.randint(0, 525600))))
            Candidate.objects.bulk_create(candidates)
            profiles = []
            for candidate, slug in zip(candidates, slugs_batch, strict=True):
                place_ids, place_weights = nearby[slug]
                pick = person_picker()
                occ = [pick() for _ in range(rng.randint(1, 3))]
                licences = rng.choices([[], ["B"], ["B", "C"], ["AM"]], [45, 40, 10, 5])[0]
                hours_min = rng.choice([None, 8, 16, 24, 32])
                hours_max = None if hours_min is None else min(60, hours_min + rng.choice(
                    [0, 8, 16]))
                profile = Profile(
                    candidate=candidate,
                    place_of_residence_id=rng.choices(place_ids, place_weights)[0],
                    kind_of_work=f"Ik zoek werk als {_job(occ[0])}, {rng.choice(WISHES)}.",
                    personal_description=_sentences(rng, pick, rng.randint(2, 4)),
                    what_suits_me=(_sentences(rng, pick, 1)
                                   if rng.random() < 0.5 else ""),
                    competences=rng.sample(TALENTS, rng.randint(2, 4)),
                    professional_skills=rng.sample(SKILLS, rng.randint(2, 5)),
                    driving_licences=licences, hours_per_week_min=hours_min,
                    hours_per_week_max=hours_max,
                    available_from=(now.date() + timedelta(days=rng.randint(-90, 150))
                                    if rng.random() < 0.7 else None))
                for code in PHYSICAL_CODES:
                    setattr(profile, physical_field_name(code),
                            rng.choices([True, False, None], [6, 1, 3])[0])
                profile._bench_occupations = occ
                profile._bench_pick = pick
                profiles.append(profile)
            Profile.objects.bulk_create(profiles)
            occupation_links, sector_links, languages, experiences, educations, courses = (
                [], [], [], [], [], [])
            occupation_through = Profile.preferred_occupations.through
            sector_through = Profile.sectors.through
            for profile in profiles:
                for occupation in {o.pk: o for o in profile._bench_occupations}.values():
                    occupation_links.append(occupation_through(profile_id=profile.pk,
                                                               occupation_id=occupation.pk))
                for sector in rng.sample(sectors, rng.randint(1, 3)):
                    sector_links.append(sector_through(profile_id=profile.pk,
                                                       sector_id=sector.pk))
                spoken = ["nl"] if rng.random() < 0.85 else []
                spoken += rng.sample(["en", "ar", "tr", "pl", "ti", "so", "fr", "de", "uk"],
                                     rng.choice([0, 1, 1, 2]))
                for language in spoken:
                    languages.append(LanguageSkill(profile_id=profile.pk, language=language,
                                                   level=rng.choice(["basic", "reasonable",
                                                                     "good"])))
                for _ in range(rng.choice([0, 1, 1, 2, 3])):
                    occupation = profile._bench_pick()
                    start = now.date() - timedelta(days=rng.randint(400, 6000))
                    experiences.append(WorkExperience(
                        profile_id=profile.pk, job_title=occupation.label_nl,
                        employer_name=rng.choice(COMPANIES), start_date=start,
                        end_date=start + timedelta(days=rng.randint(60, 390)),
                        description=_sentences(rng, profile._bench_pick, 1)))
                if rng.random() < 0.6:
                    educations.append(Education(profile_id=profile.pk,
                                                name=rng.choice(EDUCATIONS)))
                if rng.random() < 0.5:
                    courses.append(Course(profile_id=profile.pk, name=rng.choice(COURSES)))
            occupation_through.objects.bulk_create(occupation_links)
            sector_through.objects.bulk_create(sector_links)
            LanguageSkill.objects.bulk_create(languages)
            WorkExperience.objects.bulk_create(experiences)
            Education.objects.bulk_create(educations)
            Course.objects.bulk_create(courses)
            _refresh_documents([p.pk for p in profiles])
        done = batch_start + size
        print(f"  {done:>7} candidates, {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _refresh_documents(profile_ids) -> None:
    from candidates.models import Profile
    from candidates.search_text import profile_search_documents_refresh

    profiles = Profile.objects.filter(pk__in=profile_ids).prefetch_related(
        "preferred_occupations", "sectors", "work_experiences", "educations", "courses")
    profile_search_documents_refresh(profiles)


def bench_employer():
    """An employer invited by Utrecht: sees Midden-Utrecht's shared profiles and everyone who
    shares with all municipalities."""
    from employers.models import Employer
    from hallowerk.models import Municipality, User
    from hallowerk.roles import Role

    utrecht = Municipality.objects.get(slug="utrecht")
    employer, _created = Employer.objects.get_or_create(
        kvk_number="99999999", municipality=utrecht, defaults={"name": "Bench B.V."})
    user, _created = User.objects.get_or_create(
        email="bench-employer@example.nl",
        defaults={"role": Role.EMPLOYER, "municipality": utrecht, "employer": employer,
                  "password": "!bench"})
    return user


# --- the two methods -----------------------------------------------------------------------

NAIVE_COLUMNS = ["kind_of_work", "personal_description", "what_suits_me", "free_text",
                 "availability_notes"]


def _register_ilike():
    from django.db.models import Lookup, TextField

    class ILike(Lookup):
        lookup_name = "ilike"

        def as_sql(self, compiler, connection):
            lhs, lhs_params = self.process_lhs(compiler, connection)
            rhs, rhs_params = self.process_rhs(compiler, connection)
            return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]

    TextField.register_lookup(ILike)


def naive_search(*, viewer, criteria, words):
    """What peer systems do: ILIKE '%word%' over the text columns, newest first. Everything
    else is the same as ours (visibility, filters, one-query count and page, audit row), so
    the comparison is about the text method alone."""
    from django.db.models import Q

    from candidates.models import Candidate
    from candidates.presenters import EMPLOYER_LIST_PREFETCH, EMPLOYER_LIST_SELECT
    from candidates.selectors import EMPLOYER_ORDER
    from employers.search import criteria_filter, page_with_count
    from privacy.audit import audit_search

    queryset = Candidate.objects.visible_to(viewer).filter(criteria_filter(criteria))
    for word in words:
        any_column = Q()
        for column in NAIVE_COLUMNS:
            any_column |= Q(**{f"profile__{column}__ilike": f"%{word}%"})
        queryset = queryset.filter(any_column)
    page = page_with_count(queryset.order_by(*EMPLOYER_ORDER), 1,
                           select=EMPLOYER_LIST_SELECT, prefetch=EMPLOYER_LIST_PREFETCH)
    audit_search(viewer=viewer, query=" ".join(words), filters={},
                 result_count=page.paginator.count)
    return page.paginator.count, list(page.object_list)


def workload():
    """(label, text, two filters) — realistic searches: a word or two, the last one maybe
    unfinished, and two filters each."""
    from datetime import date

    from hallowerk.models import Occupation, Sector
    from hallowerk.reference import place_resolve

    utrecht, amersfoort = place_resolve("Utrecht"), place_resolve("Amersfoort")
    soon = date.today() + timedelta(days=30)
    filter_pairs = [
        ("place Utrecht 25 km + can stand", {"place": utrecht, "radius_km": 25,
                                             "physical": ("standing",)}),
        ("occupation 9333 + licence B", {"occupation": Occupation.objects.get(isco_code="9333"),
                                         "driving_licence": "B"}),
        ("sector logistics + 32 h", {"sector": Sector.objects.get(code="logistiek-transport"),
                                     "hours_per_week": 32}),
        ("speaks English + available", {"languages": ("en",), "available_on": soon}),
        ("place Amersfoort 15 km + 24 h", {"place": amersfoort, "radius_km": 15,
                                           "hours_per_week": 24}),
        ("licence B + can lift", {"driving_licence": "B", "physical": ("lifting",)}),
        ("sector horeca + place Utrecht 40 km", {
            "sector": Sector.objects.get(code="horeca"), "place": utrecht, "radius_km": 40}),
        ("occupation 5120 + speaks Dutch", {"occupation": Occupation.objects.get(
            isco_code="5120"), "languages": ("nl",)}),
        ("available + can stand", {"available_on": soon, "physical": ("standing",)}),
        ("20 h + licence B", {"hours_per_week": 20, "driving_licence": "B"}),
    ]
    texts = ["magazijn", "heftruck", "kok", "schoonmaak", "chauffeur", "kassa", "zorg",
             "klantcontact", "timmer", "bouw buiten"]
    return [(f"{text!r} + {label}", text, filters)
            for label, filters in filter_pairs for text in texts]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


WARM_TABLES = ["candidates_candidate", "candidates_profile", "hallowerk_user",
               "candidates_profile_preferred_occupations", "candidates_profile_sectors",
               "candidates_languageskill", "hallowerk_place"]


def warm_up() -> None:
    """Vacuum and read the tables once, as a running production database has them."""
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum does on a live database: visibility map and hint bits set, so
        # reads of freshly generated rows do not pay for that.
        cursor.execute("VACUUM ANALYZE")
        for table in WARM_TABLES:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (constant names)
        cursor.execute("SELECT count(*) FROM candidates_profile "
                       "WHERE search_document @@ to_tsquery('dutch', 'a:* | e:* | o:*')")


class CpuClock:
    """On-CPU time of this thread plus the PostgreSQL backend serving it (schedstat, ns):
    what a search costs without the waiting caused by other processes on a shared machine.
    Parallel workers are not counted, so measure it with parallel query switched off."""

    def __init__(self):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.stat = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")

    def now(self) -> int:
        backend = int(self.stat.read_text().split()[0]) if self.stat.exists() else 0
        return time.thread_time_ns() + backend


def measure(searches, viewer, *, clock=None):
    from employers.fulltext import search_terms
    from employers.search import SearchCriteria, candidate_search

    ours, naive, ours_cpu, naive_cpu = [], [], [], []
    for _label, text, filters in searches:
        ours_call = partial(candidate_search, viewer=viewer,
                            criteria=SearchCriteria(text=text, **filters))
        naive_call = partial(naive_search, viewer=viewer, criteria=SearchCriteria(**filters),
                             words=search_terms(text))
        for method, wall, cpu in [(ours_call, ours, ours_cpu), (naive_call, naive, naive_cpu)]:
            cpu_start = clock.now() if clock else 0
            started = time.perf_counter()
            method()
            wall.append((time.perf_counter() - started) * 1000)
            if clock:
                cpu.append((clock.now() - cpu_start) / 1e6)
    return ours, naive, ours_cpu, naive_cpu


def table(rows) -> None:
    print("| method | p50 ms | p95 ms | max ms | mean ms |")
    print("|---|---:|---:|---:|---:|")
    for name, values in rows:
        print(f"| {name} | {statistics.median(values):.1f} | {percentile(values, 0.95):.1f} | "
              f"{max(values):.1f} | {statistics.mean(values):.1f} |")


def raise_priority(pg_dir: Path) -> None:
    """--priority: on a machine shared with other work, give this process and the benchmark's
    own PostgreSQL (started by this script) a higher CPU priority, so the timings show the
    search and not the queue for a CPU. Needs root; changes no other process."""
    os.nice(-10)
    postmaster = int((pg_dir / "postmaster.pid").read_text().split()[0])
    os.setpriority(os.PRIO_PROCESS, postmaster, -10)


def run(args) -> int:
    from django.db import connection

    from candidates.models import Candidate
    from employers.fulltext import search_terms, tsquery_source
    from employers.search import SearchCriteria, candidate_search

    if args.priority:
        from django.db import connection as _connection

        _connection.close()  # the next connection's backend inherits the priority
        raise_priority(ROOT / ".hallowerk" / "bench-pgdata")
    existing = Candidate.objects.count()
    if existing < args.candidates:
        generate(args.candidates - existing, random.Random(existing))
    total = Candidate.objects.count()
    viewer = bench_employer()
    visible = Candidate.objects.visible_to(viewer).count()
    _register_ilike()
    searches = workload()
    warm_up()
    measure(searches[:10], viewer)  # plans, connections, the rest of the caches
    load = os.getloadavg()[0]
    print(f"\n{total} candidates, {visible} visible to the bench employer; {len(searches)} "
          f"searches (text + two filters), each method once per search. Machine: "
          f"{os.cpu_count()} cores, load average {load:.1f} at the start.\n", flush=True)

    ours, naive, _cpu, _naive_cpu = measure(searches, viewer)
    print("Wall-clock server time (count + first page + audit row):\n")
    table([("full-text search (ours)", ours), ("naive ILIKE '%word%'", naive)])
    print(f"\np95 ratio naive / ours: {percentile(naive, 0.95) / percentile(ours, 0.95):.1f}x; "
          f"mean ratio: {statistics.mean(naive) / statistics.mean(ours):.1f}x")

    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")
    cpu_wall, naive_cpu_wall, ours_cpu, naive_cpu = measure(searches, viewer, clock=CpuClock())
    print("\nOn-CPU time (this process + its PostgreSQL backend; parallel query off), which "
          "leaves out the waiting for other processes on a shared machine:\n")
    table([("full-text search (ours)", ours_cpu), ("naive ILIKE '%word%'", naive_cpu)])
    print(f"\n(wall-clock in that pass: ours p95 {percentile(cpu_wall, 0.95):.1f} ms, naive p95 "
          f"{percentile(naive_cpu_wall, 0.95):.1f} ms; load average now "
          f"{os.getloadavg()[0]:.1f})")
    with connection.cursor() as cursor:
        cursor.execute("RESET max_parallel_workers_per_gather")

    # As-you-type worst cases, reported apart: one or two letters match a large share.
    print("\nBroad as-you-type prefixes, no filters (not part of the budget):")
    for text in ["mag", "sch", "zorg"]:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            result = candidate_search(viewer=viewer, criteria=SearchCriteria(text=text))
            timings.append((time.perf_counter() - started) * 1000)
        print(f"  {text!r}: {result.count} results, best of 3 {min(timings):.1f} ms")
    print("\nShare of all profiles each search text matches (before filters and visibility):")
    with connection.cursor() as cursor:
        for text in dict.fromkeys(text for _label, text, _filters in searches):
            cursor.execute("SELECT count(*) FROM candidates_profile WHERE search_document @@ "
                           "to_tsquery('dutch', %s)", [tsquery_source(search_terms(text))])
            print(f"  {text!r}: {cursor.fetchone()[0] / total:.0%}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        print(f"\nPostgreSQL: {cursor.fetchone()[0].split(',')[0]}, settings {BENCH_SETTINGS}")
    our_p95 = percentile(ours, 0.95)
    ok = our_p95 < P95_BUDGET_MS
    print(f"\nBudget: p95 < {P95_BUDGET_MS:.0f} ms wall-clock: {'met' if ok else 'NOT met'} "
          f"({our_p95:.1f} ms); on-CPU p95 {percentile(ours_cpu, 0.95):.1f} ms")
    # The verdict is printed, not turned into a failing exit code: on a shared machine the
    # wall-clock figure moves with other work, and `make bench` should run every benchmark.
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--fresh", action="store_true",
                        help="drop the benchmark database and generate it again")
    parser.add_argument("--priority", action="store_true",
                        help="run at raised CPU priority (root; see raise_priority)")
    args = parser.parse_args()
    setup_django(fresh=args.fresh)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
