"""The rest of the catalogue: accounts and security, what the platform derives from a
profile, staff names on municipal records, and the tables of third-party apps (Django admin,
sessions, django-otp, allauth, django-axes, celery beat).

privacy/catalogue.py imports this at its end and adds it to CATALOGUE; a test walks
apps.get_models() and fails for any installed model that is neither declared field by field
nor listed as holding no personal data, with the reason (issue 13).
"""

from hallowerk.roles import Role

from .catalogue import (
    ACCOUNT_READERS,
    C,
    E,
    F,
    R,
    _spec,
)

STAFF_OWN = frozenset({Role.ADMINISTRATOR})
INVITERS = frozenset({Role.ADMINISTRATOR, Role.COACH, Role.ACCOUNT_MANAGER})
MATCHING_READERS = frozenset({Role.JOBSEEKER, Role.COACH, Role.ACCOUNT_MANAGER})

P_INVITE = ("Om u uit te nodigen voor HalloWerk. Meedoen is vrijwillig.",
            "To invite you to HalloWerk. Taking part is voluntary.")
P_TERMS = ("Om te weten welke gebruiksvoorwaarden u hebt geaccepteerd, en wanneer.",
           "To know which terms of use you accepted, and when.")
P_LOGIN = ("Om u veilig te laten inloggen, ook met een tweede stap (een code).",
           "To let you log in safely, also with a second step (a code).")
P_LOCKOUT = ("Om een account te beschermen tegen het raden van wachtwoorden. We bewaren geen "
             "IP-adres en geen gegevens over uw browser.",
             "To protect an account against guessed passwords. We keep no IP address and no "
             "details of your browser.")
P_SEARCH = ("Zodat werkgevers u kunnen vinden als u uw profiel deelt. Alleen wat werkgevers "
            "mogen zien.",
            "So employers can find you when you share your profile. Only what employers may "
            "see.")
P_SUGGEST = ("Om u en werkgevers passend werk voor te stellen. Het is advies; een mens "
             "beslist.",
             "To suggest suitable work to you and to employers. It is advice; a person "
             "decides.")
P_STAFF = ("Zodat bekend is welke medewerker iets deed, en wie werkgevers en werkzoekenden "
           "kunnen bereiken.",
           "So it is known which member of staff did something, and whom employers and "
           "jobseekers can reach.")
P_ADMIN = ("Om bij te houden wat beheerders in het technische beheer veranderden.",
           "To keep track of what administrators changed in the technical admin.")
P_FILES = ("Om een bestand dat weg moet ook echt te wissen, ook na een storing.",
           "To really delete a file that must go, even after a failure.")

INV, TA = "hallowerk.Invitation", "privacy.TermsAcceptance"
TOTP, SD, ST = "otp_totp.TOTPDevice", "otp_static.StaticDevice", "otp_static.StaticToken"
EA, EC = "account.EmailAddress", "account.EmailConfirmation"
SESSION, LOG_ENTRY = "sessions.Session", "admin.LogEntry"
ATTEMPT, EXPIRY = "axes.AccessAttempt", "axes.AccessAttemptExpiration"
SEARCH_DOC = "candidates.SearchDocument"
CR, VR, CH, POOL = ("matching.CandidateRanking", "matching.VacancyRanking",
                    "matching.MatchingChange", "matching.PoolEntry")
MUNI, VAC, MW, WC = ("hallowerk.Municipality", "employers.Vacancy", "matching.MatchingWeights",
                     "matching.WeightsChange")
PFD = "privacy.PendingFileDeletion"
TFL = "hallowerk.TwoFactorEnrolmentLink"


def _account(model, field, nl, en, purpose=P_LOGIN, retention=R.ACCOUNT,
             visible_to=ACCOUNT_READERS, filled_by=F.SYSTEM, category=C.USAGE):
    return _spec(model, field, nl, en, category, filled_by, E.NEVER, purpose, retention,
                 visible_to=visible_to)


def _derived(model, field, nl, en, purpose=P_SUGGEST, visible_to=MATCHING_READERS):
    return _spec(model, field, nl, en, C.PROFILE, F.SYSTEM, E.NEVER, purpose, R.DERIVED,
                 visible_to=visible_to)


def _staff(model, field, nl, en, employer=E.NEVER, category=C.USAGE):
    return _spec(model, field, nl, en, category, F.ADMINISTRATOR, employer, P_STAFF,
                 R.ACCOUNT, visible_to=frozenset({Role.ADMINISTRATOR, Role.COACH,
                                                  Role.ACCOUNT_MANAGER}))


ACCOUNTS_AND_SECURITY = [
    _account(INV, "user", "Uitgenodigd account", "Invited account", P_INVITE,
             visible_to=INVITERS),
    _account(INV, "role", "Uitgenodigd als", "Invited as", P_INVITE, visible_to=INVITERS),
    _account(INV, "invited_by", "Uitgenodigd door", "Invited by", P_INVITE, visible_to=INVITERS),
    _account(INV, "created_at", "Uitnodiging verstuurd op", "Invitation sent on", P_INVITE,
             visible_to=INVITERS),
    _account(INV, "expires_at", "Uitnodiging geldig tot", "Invitation valid until", P_INVITE,
             visible_to=INVITERS),
    _account(INV, "accepted_at", "Uitnodiging aangenomen op", "Invitation accepted on",
             P_INVITE, visible_to=INVITERS),
    _account(INV, "withdrawn_at", "Uitnodiging ingetrokken op", "Invitation withdrawn on",
             P_INVITE, visible_to=INVITERS),
    _account(TA, "user", "Account dat de voorwaarden accepteerde", "Account that accepted the "
             "terms", P_TERMS),
    _account(TA, "terms", "Geaccepteerde versie van de voorwaarden", "Accepted version of the "
             "terms", P_TERMS),
    _account(TA, "accepted_at", "Voorwaarden geaccepteerd op", "Terms accepted on", P_TERMS),
    _account(EA, "user", "Account van het e-mailadres", "Account of the e-mail address"),
    _account(EA, "email", "E-mailadres om in te loggen", "E-mail address to log in",
             category=C.CONTACT),
    _account(EA, "verified", "E-mailadres bevestigd", "E-mail address confirmed"),
    _account(EA, "primary", "Hoofdadres", "Main address"),
    _account(EC, "created", "Bevestiging gemaakt op", "Confirmation made on"),
    _account(EC, "sent", "Bevestiging verstuurd op", "Confirmation sent on"),
    _account(EC, "key", "Bevestigingscode", "Confirmation code"),
    *(_account(model, field, nl, en) for model in (TOTP, SD) for field, nl, en in (
        ("user", "Account van de inlogcode", "Account of the login code"),
        ("name", "Naam van de app voor inlogcodes", "Name of the app for login codes"),
        ("confirmed", "Inlogcodes aangezet", "Login codes switched on"),
        ("created_at", "Inlogcodes aangezet op", "Login codes switched on on"),
        ("last_used_at", "Inlogcode laatst gebruikt op", "Login code last used on"),
        ("throttling_failure_timestamp", "Laatste foute inlogcode", "Last wrong login code"),
        ("throttling_failure_count", "Aantal foute inlogcodes", "Number of wrong login codes"),
    )),
    *(_account(TFL, field, nl, en) for field, nl, en in (
        ("user", "Account van de link voor een nieuwe app", "Account of the link for a new app"),
        ("created_at", "Link voor een nieuwe app verstuurd op", "Link for a new app sent on"),
        ("expires_at", "Link voor een nieuwe app geldig tot", "Link for a new app valid until"),
        ("opened_at", "Link voor een nieuwe app geopend op", "Link for a new app opened on"),
        ("completed_at", "Nieuwe app ingesteld op", "New app set up on"),
        ("withdrawn_at", "Link voor een nieuwe app vervangen op",
         "Link for a new app replaced on"),
    )),
    _account(TOTP, "key", "Geheime sleutel voor inlogcodes", "Secret key for login codes"),
    _account(TOTP, "last_t", "Laatst gebruikte inlogcode (tijdvak)",
             "Last used login code (time step)"),
    _account(ST, "token", "Reservecode om in te loggen", "Backup code to log in"),
    _account(SESSION, "session_key", "Sessie (na inloggen)", "Session (after logging in)",
             retention=R.SECURITY),
    _account(SESSION, "session_data", "Wie er ingelogd is in de sessie",
             "Who is logged in in the session", retention=R.SECURITY),
    _account(SESSION, "expire_date", "Sessie verloopt op", "Session expires on",
             retention=R.SECURITY),
    _account(ATTEMPT, "username", "Inlognaam bij een mislukte poging",
             "Login name of a failed attempt", P_LOCKOUT, R.SECURITY, category=C.CONTACT),
    _account(ATTEMPT, "attempt_time", "Tijdstip van de mislukte poging",
             "Time of the failed attempt", P_LOCKOUT, R.SECURITY),
    _account(ATTEMPT, "failures_since_start", "Aantal mislukte pogingen",
             "Number of failed attempts", P_LOCKOUT, R.SECURITY),
    _account(ATTEMPT, "path_info", "Inlogpagina van de poging", "Login page of the attempt",
             P_LOCKOUT, R.SECURITY),
    _account(ATTEMPT, "get_data", "Adres van de inlogpagina (zonder wachtwoord)",
             "Address of the login page (without password)", P_LOCKOUT, R.SECURITY),
    _account(ATTEMPT, "post_data", "Ingevulde inlognaam (zonder wachtwoord)",
             "Login name typed (without password)", P_LOCKOUT, R.SECURITY),
    _account(EXPIRY, "expires_at", "Mislukte poging telt tot", "Failed attempt counts until",
             P_LOCKOUT, R.SECURITY),
    _account(LOG_ENTRY, "user", "Beheerder in het technische beheer",
             "Administrator in the technical admin", P_ADMIN, visible_to=STAFF_OWN),
    _account(LOG_ENTRY, "action_time", "Tijdstip van de wijziging", "Time of the change",
             P_ADMIN, visible_to=STAFF_OWN),
    _account(LOG_ENTRY, "object_repr", "Naam van het gewijzigde gegeven",
             "Name of the changed record", P_ADMIN, visible_to=STAFF_OWN),
    _account(LOG_ENTRY, "change_message", "Wat er veranderde", "What changed", P_ADMIN,
             visible_to=STAFF_OWN),
    _account(LOG_ENTRY, "object_id", "Nummer van het gewijzigde gegeven",
             "Number of the changed record", P_ADMIN, visible_to=STAFF_OWN),
    _account(PFD, "name", "Bestand dat nog gewist wordt", "File still to be deleted", P_FILES),
    _account(PFD, "created_at", "Te wissen sinds", "To be deleted since", P_FILES),
]

DERIVED = [
    _derived(SEARCH_DOC, "candidate", "Kandidaat van het zoekdocument",
             "Candidate of the search document", P_SEARCH),
    _derived(SEARCH_DOC, "document", "Zoekwoorden uit uw profiel", "Search words from your "
             "profile", P_SEARCH),
    _derived(SEARCH_DOC, "place", "Woonplaats om op afstand te zoeken",
             "Place of residence to search by distance", P_SEARCH),
    _derived(SEARCH_DOC, "available_from", "Beschikbaar vanaf (om te zoeken)",
             "Available from (to search)", P_SEARCH),
    _derived(SEARCH_DOC, "hours_per_week_min", "Minimaal uren (om te zoeken)",
             "Minimum hours (to search)", P_SEARCH),
    _derived(SEARCH_DOC, "hours_per_week_max", "Maximaal uren (om te zoeken)",
             "Maximum hours (to search)", P_SEARCH),
    _derived(SEARCH_DOC, "last_activity_at", "Laatst actief (om te sorteren)",
             "Last active (to sort)", P_SEARCH),
    _derived(SEARCH_DOC, "tier", "Groep naar laatst actief (om snel te zoeken)",
             "Group by last activity (to search quickly)", P_SEARCH),
    _derived(CR, "candidate_ids", "Kandidaten die bij een vacature passen",
             "Candidates who suit a vacancy"),
    _derived(CR, "nums", "Scores van passende kandidaten", "Scores of suitable candidates"),
    _derived(VR, "candidate", "Kandidaat van de lijst met passend werk",
             "Candidate of the list of suitable work"),
    _derived(VR, "vacancy_ids", "Vacatures die bij u passen", "Vacancies that suit you"),
    _derived(VR, "nums", "Scores van passende vacatures", "Scores of suitable vacancies"),
    _derived(VR, "dens", "Scores van passende vacatures (deler)",
             "Scores of suitable vacancies (divisor)"),
    _derived(VR, "complete", "Lijst met passend werk is volledig",
             "List of suitable work is complete"),
    _derived(VR, "computed_at", "Passend werk berekend op", "Suitable work calculated on"),
    _derived(CH, "candidate_id", "Kandidaat waarvan passend werk opnieuw berekend moet worden",
             "Candidate whose suitable work must be recalculated"),
    _derived(CH, "recorded_at", "Wijziging voor passend werk gemeld op",
             "Change for suitable work noted on"),
    _derived(POOL, "candidate_id", "Kandidaat in de groep voor passend werk",
             "Candidate in the pool for suitable work"),
    _derived(POOL, "profile_id", "Profiel in de groep voor passend werk",
             "Profile in the pool for suitable work"),
    _derived(POOL, "municipality_id", "Gemeente in de groep voor passend werk",
             "Municipality in the pool for suitable work"),
    _derived(POOL, "shares_everywhere", "Deelt met alle gemeenten (voor passend werk)",
             "Shares with all municipalities (for suitable work)"),
]

STAFF_ON_RECORDS = [
    _staff(MUNI, "wsp_contact_name", "Naam contactpersoon WSP", "WSP contact person's name",
           E.SHOWN, C.IDENTITY),
    _staff(MUNI, "wsp_contact_email", "E-mail contactpersoon WSP", "WSP contact e-mail",
           E.SHOWN, C.CONTACT),
    _staff(MUNI, "wsp_contact_phone", "Telefoon contactpersoon WSP", "WSP contact phone",
           E.SHOWN, C.CONTACT),
    _staff(VAC, "created_by", "Vacature gemaakt door", "Vacancy made by"),
    _staff(MW, "updated_by", "Weging matching gewijzigd door", "Matching weights changed by"),
    _staff(MW, "updated_at", "Weging matching gewijzigd op", "Matching weights changed on"),
    _staff(WC, "changed_by", "Wijziging van de weging door", "Change of the weights by"),
    _staff(WC, "changed_at", "Wijziging van de weging op", "Change of the weights on"),
]

PLATFORM = (*ACCOUNTS_AND_SECURITY, *DERIVED, *STAFF_ON_RECORDS)
SECURITY_MODELS = (INV, TA, EA, EC, TOTP, SD, ST, SESSION, LOG_ENTRY, ATTEMPT, EXPIRY, PFD,
                   TFL)
DERIVED_MODELS = (SEARCH_DOC, CR, VR, CH, POOL)
STAFF_MODELS = (MUNI, VAC, MW, WC)
PLATFORM_MODELS = (*SECURITY_MODELS, *DERIVED_MODELS, *STAFF_MODELS)

_ORGANISATION = "about the municipality, not about a person"
_VACANCY = "about the employer's vacancy, not about a person"
_TECHNICAL = "technical setting of the login-code method, the same for everyone"
_NEVER_FILLED = ("always empty: HalloWerk keeps no IP address or browser details of anyone in "
                 "the lock-out (hallowerk/accounts/lockout.py; tests/hallowerk/"
                 "test_no_addresses_kept.py)")
PLATFORM_NOT_PERSONAL: dict[tuple[str, str], str] = {
    **{(model, "id"): "technical key" for model in PLATFORM_MODELS
       if model not in (SESSION, SEARCH_DOC, VR, POOL, EXPIRY)},
    (INV, "token_hash"): "a hash of the one-time link; the link itself is never stored",
    (TFL, "token_hash"): "a hash of the one-time link; the link itself is never stored",
    (EC, "email_address"): "links the confirmation to its address; the address is declared",
    (ST, "device"): "links the code to its device; the device is declared",
    (EXPIRY, "access_attempt"): "links to the failed attempt; the attempt is declared",
    **{(TOTP, field): _TECHNICAL for field in ("step", "t0", "digits", "tolerance", "drift")},
    **{(ATTEMPT, field): _NEVER_FILLED for field in ("ip_address", "user_agent",
                                                     "http_accept")},
    (LOG_ENTRY, "content_type"): "which kind of record changed, not about a person",
    (LOG_ENTRY, "action_flag"): "added, changed or deleted",
    (CR, "vacancy"): _VACANCY,
    (CR, "audience"): "which group of viewers the list is for, not about a person",
    (CR, "complete"): "whether the kept list is whole, not about a person",
    (CR, "computed_at"): "when the list was calculated, not about a person",
    (CH, "vacancy_id"): _VACANCY,
    (POOL, "kind"): "whether the row is a candidate or a vacancy",
    (POOL, "ref_id"): "the candidate's or vacancy's number; the candidate is declared",
    **{(MUNI, field): _ORGANISATION for field in ("name", "slug", "labour_market_region",
                                                 "theme")},
    **{(VAC, field): _VACANCY for field in (
        "employer", "municipality", "title", "occupation", "description", "sector", "place",
        "hours_per_week_min", "hours_per_week_max", "start_date", "required_driving_licence",
        "required_languages", "physical_demands", "skills", "status", "published_at",
        "created_at", "updated_at")},
    **{(MW, field): "a weight of one matching component, set per municipality" for field in (
        "municipality", "occupation", "skills", "sector", "availability", "travel",
        "driving_licence", "languages", "physical")},
    (WC, "weights"): "links the change to the municipality's weights",
    (WC, "before"): "the weights before the change, not about a person",
    (WC, "after"): "the weights after the change, not about a person",
}

_REFERENCE = "reference list, the same for everyone"
_SCHEDULE = "when a background job runs; about the platform, not about a person"
_SWITCHED_OFF = ("switched off (AXES_DISABLE_ACCESS_LOG, AXES_ENABLE_ACCESS_FAILURE_LOG in "
                 "hallowerk/settings/base.py): the table stays empty; a test checks it")
PLATFORM_NOT_PERSONAL_MODELS: dict[str, str] = {
    "hallowerk.Occupation": _REFERENCE,
    "hallowerk.Sector": _REFERENCE,
    "hallowerk.Place": _REFERENCE,
    "privacy.LegalText": "the published terms and privacy statement",
    "privacy.RetentionRule": "a retention period per kind of data, set by an administrator",
    "privacy.DestructionRecord": "the record of a destruction holds counts and an opaque "
                                 "number, never who was destroyed (privacy/retention)",
    "candidates.SearchTierBoundary": "where a recency band of the search begins: a moment "
                                     "in time, the same for everyone",
    "candidates.SearchLexeme": "the words the search documents hold, each once, with no link "
                               "to a document or a person; a word leaves within a day of the "
                               "last document holding it, at once when a jobseeker erases "
                               "what they entered (candidates/search_vocabulary.py)",
    "matching.FairnessReport": "aggregated counts per municipality for the bias monitor; "
                               "small cells are suppressed",
    "auth.Permission": "Django's list of permissions",
    "auth.Group": "Django admin permission groups, unused by the platform",
    "contenttypes.ContentType": "Django's list of models",
    "axes.AccessLog": _SWITCHED_OFF,
    "axes.AccessFailureLog": _SWITCHED_OFF,
    **{f"django_celery_beat.{name}": _SCHEDULE for name in (
        "SolarSchedule", "IntervalSchedule", "ClockedSchedule", "CrontabSchedule",
        "PeriodicTasks", "PeriodicTask")},
}
