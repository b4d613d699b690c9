"""Demo candidates: account, dossier, profile and entries, streamed in batches with COPY.

Candidate number i always has client number DEMO-{i:07d}; a re-run skips what exists.
The mix follows what the spec asks a demo to show: complete and incomplete profiles, some
not shared, some shared with all municipalities, some hidden, some not directly
approachable, some inactive or ended.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from candidates.models import (
    Candidate,
    Course,
    Education,
    LanguageSkill,
    Profile,
    WorkExperience,
)
from candidates.models.completeness_rule import completeness_score
from candidates.physical import PHYSICAL_CODES, physical_field_name
from candidates.search_documents import DocumentSource, document_tokens, search_documents_write
from candidates.search_text import compose_search_texts
from hallowerk.models import User
from hallowerk.roles import Role

from .bulk import copy_rows, copy_through, ids_allocate, parallel_map
from .context import UNUSABLE_PASSWORD, DemoContext, email_part
from .employers import postcode_for
from .vocabulary import (
    ABOUT_ME,
    AVAILABILITY_NOTES,
    COMMON_OCCUPATIONS,
    COMPETENCES,
    COURSES,
    EDUCATIONS,
    KIND_OF_WORK,
    SCHOOLS,
    SKILLS,
    SUITS_ME,
)

BATCH = 5000
HIDE_REASONS = ["Het profiel bevat een BSN in de vrije tekst.",
                "De foto is niet geschikt voor werkgevers.",
                "De kandidaat is tijdelijk ziek; afgesproken om even te pauzeren."]
OTHER_LANGUAGES = ["en", "ar", "tr", "pl", "ti", "so", "fr", "uk", "pap", "es"]
LEVELS = ["basic", "reasonable", "good", "fluent_native"]


def client_number(index: int) -> str:
    return f"DEMO-{index:07d}"


@dataclass
class Batch:
    users: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    profiles: list[dict] = field(default_factory=list)
    experiences: list[dict] = field(default_factory=list)
    educations: list[dict] = field(default_factory=list)
    courses: list[dict] = field(default_factory=list)
    languages: list[dict] = field(default_factory=list)
    occupations: list[tuple[int, int]] = field(default_factory=list)
    sectors: list[tuple[int, int]] = field(default_factory=list)
    search: list[DocumentSource] = field(default_factory=list)


def _moment_between(rng: random.Random, start, end):
    return start + (end - start) * rng.random()


def _dossier(ctx: DemoContext, rng: random.Random, index: int, ids: tuple[int, int],
             batch: Batch) -> tuple[dict, object]:
    user_id, candidate_id = ids
    demo = ctx.pick_municipality(rng)
    municipality = demo.municipality
    first, last, female = ctx.person_name(rng)
    now = timezone.now()
    created = now - timedelta(days=rng.uniform(20, 1100))
    last_activity = _moment_between(rng, created, now)
    email = f"{email_part(first)}.{email_part(last)}.{index}@kandidaat.demo.hallowerk.nl"
    batch.users.append({
        "id": user_id, "password": UNUSABLE_PASSWORD, "last_login": None,
        "is_superuser": False, "email": email, "first_name": first, "last_name": last,
        "role": Role.JOBSEEKER, "municipality_id": municipality.pk, "employer_id": None,
        "is_active": rng.random() > 0.02, "is_staff": False, "date_joined": created,
    })
    ended = rng.random() < 0.03
    hidden = not ended and rng.random() < 0.02
    coaches = ctx.coaches.get(municipality.pk, [None])
    coach = rng.choice(coaches)
    shared = rng.random() < 0.7
    candidate = {
        "id": candidate_id, "user_id": user_id, "municipality_id": municipality.pk,
        "client_number": client_number(index), "first_name": first, "last_name": last,
        "email": email,
        "gender": rng.choices(["female" if female else "male", "other", "unknown"],
                              [95, 1, 4])[0],
        "date_of_birth": date.today() - timedelta(days=rng.randint(18 * 365, 66 * 365)),
        "postcode": postcode_for(rng, demo.postcode_prefix),
        "phone": f"06{rng.randint(10000000, 99999999)}",
        "service_type": rng.choices(["self_service", "together", "done_for_you"], [3, 5, 2])[0],
        "responsible_coach_id": coach, "directly_approachable": rng.random() < 0.6,
        "tg_banenafspraak": rng.random() < 0.15, "tg_praktijkroute": rng.random() < 0.08,
        "tg_bbl": rng.random() < 0.05, "tg_tozo": rng.random() < 0.03,
        "shared_with_employers": shared,
        "sharing_scope": "all" if rng.random() < 0.3 else "region",
        "hidden_by_staff": hidden, "hidden_reason": rng.choice(HIDE_REASONS) if hidden else "",
        "hidden_by_id": coach if hidden else None,
        "hidden_at": _moment_between(rng, created, now) if hidden else None,
        "is_active": not ended and rng.random() > 0.05,
        "dossier_ended_on": (now - timedelta(days=rng.randint(1, 700))).date() if ended else None,
        "end_reason": rng.choice(["broken_off", "refused", "ended"]) if ended else "",
        "esf_programme_end": None, "created_at": created, "updated_at": last_activity,
        "last_activity_at": last_activity,
    }
    batch.candidates.append(candidate)
    return candidate, demo


def _profile(ctx: DemoContext, rng: random.Random, profile_id: int, candidate: dict, demo,
             batch: Batch) -> None:
    """Complete (60%), partly filled in (30%) or still empty (10%)."""
    completeness = rng.random()
    complete, empty = completeness < 0.6, completeness >= 0.9
    codes = [] if empty else rng.sample(
        [c for c in COMMON_OCCUPATIONS if c in ctx.occupations],
        k=min(rng.randint(1, 3), len(ctx.occupations)))
    job = COMMON_OCCUPATIONS[codes[0]][0].lower() if codes else "medewerker"
    sector_codes = sorted({COMMON_OCCUPATIONS[c][1] for c in codes} & set(ctx.sectors))
    competences = [] if empty else rng.sample(COMPETENCES, rng.randint(2, 5))
    skills = rng.sample(SKILLS, rng.randint(1, 4)) if complete else []
    sector_label = ctx.sectors[sector_codes[0]].label_nl.lower() if sector_codes else "zorg"
    kind_of_work = "" if empty else rng.choice(KIND_OF_WORK).format(
        job=job, sector=sector_label, skill=(skills or competences or ["mensen"])[0].lower())
    about = " ".join(s.format(job=job) for s in rng.sample(ABOUT_ME, 2)) if complete else ""
    suits = rng.choice(SUITS_ME) if complete else ""
    hours_min = rng.choice([None, 8, 12, 16, 20, 24]) if not empty else None
    row = {
        "id": profile_id, "candidate_id": candidate["id"],
        "place_of_residence_id": None if empty else ctx.place_near(rng, demo),
        "personal_description": about, "kind_of_work": kind_of_work, "competences": competences,
        "professional_skills": skills, "what_suits_me": suits, "moodboard": "", "photo": None,
        "cv": None, "video_url": "", "social_links": [], "assessments": "", "free_text": "",
        "driving_licences": (["B"] if rng.random() < 0.3 else []) if complete else [],
        "transport": rng.sample(["walking", "bike", "public_transport", "car", "moped"],
                                rng.randint(1, 2)) if not empty else [],
        "max_travel_km": rng.choice([5, 10, 15, 20, 30]) if complete else None,
        "available_from": (date.today() + timedelta(days=rng.randint(-30, 90)))
        if not empty else None,
        "hours_per_week_min": hours_min,
        "hours_per_week_max": None if hours_min is None else min(40, hours_min + 8),
        "availability_notes": rng.choice(AVAILABILITY_NOTES) if complete else "",
        "updated_at": candidate["last_activity_at"],
    }
    for code in PHYSICAL_CODES:
        answered = complete and rng.random() < 0.8
        row[physical_field_name(code)] = (rng.random() < 0.85) if answered else None
    batch.profiles.append(row)
    batch.occupations += [(profile_id, ctx.occupations[c].pk) for c in codes]
    batch.sectors += [(profile_id, ctx.sectors[s].pk) for s in sector_codes]
    entries = _entries(rng, profile_id, codes, complete, batch)
    texts = compose_search_texts(
        occupation_labels=[label for c in codes for label in (ctx.occupations[c].label_nl,
                                                              ctx.occupations[c].label_en)],
        kind_of_work=kind_of_work, job_titles=entries["titles"], competences=competences,
        professional_skills=skills,
        descriptions=[about, suits, *(ctx.sectors[s].label_nl for s in sector_codes),
                      *entries["descriptions"], *entries["educations"], *entries["courses"]])
    # search_documents_write() keeps only the candidates the one visibility rule lets
    # employers see; the demo does not decide that itself.
    batch.search.append(DocumentSource(
        candidate_id=candidate["id"], texts=texts,
        tokens=document_tokens(
            municipality_id=candidate["municipality_id"],
            sharing_scope=candidate["sharing_scope"],
            occupation_ids=[ctx.occupations[c].pk for c in codes],
            sector_ids=[ctx.sectors[s].pk for s in sector_codes],
            licences=row["driving_licences"], languages=entries["languages"],
            physical_can=[code for code in PHYSICAL_CODES
                          if row[physical_field_name(code)] is True]),
        place_id=row["place_of_residence_id"], available_from=row["available_from"],
        hours_per_week_min=row["hours_per_week_min"],
        hours_per_week_max=row["hours_per_week_max"],
        last_activity_at=candidate["last_activity_at"]))


def _entries(rng: random.Random, profile_id: int, codes: list[str], complete: bool,
             batch: Batch) -> dict[str, list[str]]:
    found = {"titles": [], "descriptions": [], "educations": [], "courses": [], "languages": []}
    if not complete:
        return found
    start = date.today() - timedelta(days=rng.randint(400, 6000))
    for _n in range(rng.randint(0, 3)):
        title = COMMON_OCCUPATIONS[rng.choice(codes)][0] if codes else "Medewerker"
        end = start + timedelta(days=rng.randint(90, 1500))
        description = f"Ik werkte als {title.lower()} en deed {rng.choice(SKILLS).lower()}."
        batch.experiences.append({
            "profile_id": profile_id, "job_title": title,
            "employer_name": rng.choice(["", "Uitzendbureau", "Albert Heijn", "PostNL",
                                         "Gemeente", "Zorggroep", "Hotel"]),
            "start_date": start, "end_date": end if end < date.today() else None,
            "description": description})
        found["titles"].append(title)
        found["descriptions"].append(description)
        start = end + timedelta(days=rng.randint(30, 400))
        if start >= date.today():
            break
    if rng.random() < 0.8:
        name, level = rng.choice(EDUCATIONS)
        completed = rng.random() < 0.6
        batch.educations.append({
            "profile_id": profile_id, "name": name, "institution": rng.choice(SCHOOLS),
            "level": level, "completed": completed, "year": rng.randint(1985, 2025),
            "certificate": completed and rng.random() < 0.8})
        found["educations"].append(name)
    if rng.random() < 0.5:
        name, provider = rng.choice(COURSES)
        batch.courses.append({"profile_id": profile_id, "name": name, "provider": provider,
                              "year": rng.randint(2010, 2025)})
        found["courses"].append(name)
    languages = [{"profile_id": profile_id, "language": "nl", "level": rng.choice(LEVELS)}]
    if rng.random() < 0.6:
        languages.append({"profile_id": profile_id, "language": rng.choice(OTHER_LANGUAGES),
                          "level": rng.choice(LEVELS[1:])})
    batch.languages += languages
    found["languages"] = [row["language"] for row in languages]
    return found


def _write(batch: Batch) -> None:
    copy_rows(User, batch.users)
    copy_rows(Candidate, batch.candidates)
    copy_rows(Profile, batch.profiles)
    copy_rows(WorkExperience, batch.experiences)
    copy_rows(Education, batch.educations)
    copy_rows(Course, batch.courses)
    copy_rows(LanguageSkill, batch.languages)
    copy_through(Profile.preferred_occupations, batch.occupations)
    copy_through(Profile.sectors, batch.sectors)
    # The stored score, by the one rule (which counts entries too), in one UPDATE per batch.
    Profile.objects.filter(pk__in=[row["id"] for row in batch.profiles]).update(
        completeness=completeness_score())
    search_documents_write(batch.search)


def _batch_create(ctx: DemoContext, numbers: list[int]) -> int:
    """Candidates with these numbers, in one transaction. Each row has its own random
    stream (ctx.rng), so the result does not depend on which process makes which batch."""
    with transaction.atomic():
        user_ids = ids_allocate(User, len(numbers))
        candidate_ids = ids_allocate(Candidate, len(numbers))
        profile_ids = ids_allocate(Profile, len(numbers))
        batch = Batch()
        for n, index in enumerate(numbers):
            rng = ctx.rng("candidate", index)
            candidate, demo = _dossier(ctx, rng, index, (user_ids[n], candidate_ids[n]), batch)
            _profile(ctx, rng, profile_ids[n], candidate, demo, batch)
        _write(batch)
    return len(numbers)


def demo_candidates_ensure(ctx: DemoContext, count: int, progress=None) -> int:
    """Make sure demo candidates 0..count-1 exist. Returns how many were created."""
    existing = set(Candidate.objects.filter(client_number__startswith="DEMO-")
                   .values_list("client_number", flat=True))
    missing = [i for i in range(count) if client_number(i) not in existing]
    batches = [missing[start:start + BATCH] for start in range(0, len(missing), BATCH)]
    done = 0
    for made in parallel_map(_batch_create, ctx, batches):
        done += made
        if progress:
            progress(done, len(missing))
    return len(missing)
