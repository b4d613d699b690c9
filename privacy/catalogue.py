"""The field catalogue: every personal-data field, declared once (SPEC §3, §4, §9).

For each field: what it is called, what kind of data it is, who fills it in, which roles
see it, what an employer sees of it, why we process it and how long it is kept. It is
the ONLY place that says what an employer may see: the employer's view of a candidate
(candidates/presenters.py), exports and the privacy statement read it from here.

A test (tests/privacy/test_catalogue.py) fails when a model in PERSONAL_DATA_MODELS gets
a field that is neither declared here nor listed in NOT_PERSONAL_DATA with a reason — so
nobody can add personal data without deciding these things first (a DPIA finding).
"""

from dataclasses import dataclass
from enum import StrEnum

from candidates.physical import PHYSICAL_ITEMS, PHYSICAL_NEUTRAL, physical_field_name
from hallowerk.roles import Role


class Category(StrEnum):
    IDENTITY = "identity"
    CONTACT = "contact"
    PROFILE = "profile"
    WORK = "work"
    HEALTH_RELATED = "health_related"
    TARGET_GROUP = "target_group"
    USAGE = "usage"


class FilledBy(StrEnum):
    JOBSEEKER = "jobseeker"
    COACH = "coach"
    ACCOUNT_MANAGER = "account_manager"
    ADMINISTRATOR = "administrator"
    EMPLOYER = "employer"
    SYSTEM = "system"


class EmployerVisibility(StrEnum):
    SHOWN = "shown"
    # Contact details reach an employer only when the candidate is directly approachable;
    # otherwise contact goes through the coach (SPEC §4).
    WHEN_APPROACHABLE = "when_approachable"
    # Only a yes/no, never an explanation (functional questions, doelgroepregister).
    YES_NO = "yes_no"
    NEVER = "never"


class RetentionClass(StrEnum):
    DOSSIER = "dossier"
    PROFILE = "profile"
    MESSAGES = "messages"
    AUDIT = "audit"
    ACCOUNT = "account"
    EMPLOYER_CONTACT = "employer_contact"
    # Sessions and failed logins: hours to a day.
    SECURITY = "security"
    # Calculated from the profile (search document, suitable work): follows the profile.
    DERIVED = "derived"


# How long each class is kept, in words for the privacy statement. The periods of the
# dossier follow the VNG selection list (SPEC §5); the others are the platform's own.
RETENTION_DESCRIPTIONS: dict[RetentionClass, tuple[str, str]] = {
    RetentionClass.DOSSIER: (
        "Na het einde van de begeleiding: 1 jaar (afgebroken), 5 jaar (geweigerd) of 10 jaar "
        "(beëindigd). Nodig voor ESF-subsidie: 10 jaar na het einde van dat ESF-programma.",
        "After the support ends: 1 year (broken off), 5 years (refused) or 10 years (ended). "
        "Needed for ESF subsidy: 10 years after that ESF programme ends."),
    RetentionClass.PROFILE: (
        "Tot u het zelf wist of van HalloWerk weggaat, en uiterlijk tot uw dossier wordt "
        "vernietigd.",
        "Until you erase it yourself or leave HalloWerk, and at most until your dossier is "
        "destroyed."),
    RetentionClass.MESSAGES: (
        "1 jaar na het laatste bericht, en uiterlijk tot uw dossier wordt vernietigd.",
        "1 year after the last message, and at most until your dossier is destroyed."),
    RetentionClass.AUDIT: (
        "2 jaar; daarna wordt het logboek automatisch gewist.",
        "2 years; after that the log is erased automatically."),
    RetentionClass.ACCOUNT: (
        "Zolang uw account bestaat.",
        "As long as your account exists."),
    RetentionClass.EMPLOYER_CONTACT: (
        "Zolang de werkgever meedoet, en 1 jaar daarna.",
        "As long as the employer takes part, and 1 year after."),
    RetentionClass.SECURITY: (
        "Een sessie tot u uitlogt of de browser sluit; een mislukte inlogpoging 1 dag.",
        "A session until you log out or close the browser; a failed login attempt 1 day."),
    RetentionClass.DERIVED: (
        "Verandert mee met uw profiel en verdwijnt als u het wist, niet meer deelt of weggaat.",
        "Changes with your profile and goes when you erase it, stop sharing or leave."),
}

# Who reads a candidate's dossier at all (SPEC §4): the jobseeker themself, the coaches and
# account managers of the candidate's municipality. Employers are added per field.
DOSSIER_READERS = frozenset({Role.JOBSEEKER, Role.COACH, Role.ACCOUNT_MANAGER})
# Employer organisation data: municipal staff and the employer's own users, never jobseekers.
EMPLOYER_DATA_READERS = frozenset({Role.ACCOUNT_MANAGER, Role.COACH, Role.ADMINISTRATOR,
                                   Role.EMPLOYER})
# An account: the person themself (any role) and administrators.
ACCOUNT_READERS: frozenset[Role] = frozenset({Role.ADMINISTRATOR})
AUDIT_READERS = frozenset({Role.ADMINISTRATOR, Role.JOBSEEKER})


@dataclass(frozen=True)
class FieldSpec:
    model: str  # app label + model name, as Model._meta.label: "candidates.Candidate"
    field: str
    label_nl: str
    label_en: str
    category: Category
    filled_by: FilledBy
    visible_to: frozenset[str]
    employer: EmployerVisibility
    purpose_nl: str
    purpose_en: str
    retention: RetentionClass
    # What an employer sees instead of the label, for derived yes/no answers.
    employer_label_nl: str = ""
    employer_label_en: str = ""

    def __post_init__(self):
        # One source of truth: whether employers are in visible_to follows from `employer`.
        roles = set(self.visible_to)
        if self.employer == EmployerVisibility.NEVER:
            roles.discard(Role.EMPLOYER)
        else:
            roles.add(Role.EMPLOYER)
        object.__setattr__(self, "visible_to", frozenset(roles))

    @property
    def key(self) -> tuple[str, str]:
        return (self.model, self.field)

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_nl

    def employer_label(self, language: str) -> str:
        if language == "en":
            return self.employer_label_en or self.label_en
        return self.employer_label_nl or self.label_nl

    def purpose(self, language: str) -> str:
        return self.purpose_en if language == "en" else self.purpose_nl


# --- purposes, phrased for the person the data is about (B1)
P_GUIDANCE = ("Om u te begeleiden naar werk.", "To guide you into work.")
P_CONTACT = ("Om contact met u te houden.", "To keep in touch with you.")
P_PRESENT = ("Zodat werkgevers zien wie u bent en wat u kunt, als u uw profiel deelt.",
             "So employers see who you are and what you can do, if you share your profile.")
P_MATCH = ("Om u te helpen werk te vinden dat bij u past, en om u aan werkgevers te laten "
           "zien als u uw profiel deelt.",
           "To help you find work that suits you, and to show you to employers if you share "
           "your profile.")
P_PHYSICAL = ("Om werk te vinden dat u lichamelijk kunt doen. Werkgevers zien alleen ja of nee, "
              "nooit een reden.",
              "To find work you can physically do. Employers only see yes or no, never a reason.")
P_TARGET_GROUP = ("Om de juiste regelingen voor u te gebruiken. Werkgevers zien alleen of u in "
                  "het doelgroepregister staat.",
                  "To use the right schemes for you. Employers only see whether you are in the "
                  "target-group register.")
P_TARGET_GROUP_STAFF = ("Om de juiste regelingen voor u te gebruiken. Werkgevers zien dit niet.",
                        "To use the right schemes for you. Employers never see this.")
P_SHARING = ("Om te doen wat u kiest: wel of niet delen met werkgevers, en met welke.",
             "To do what you choose: whether to share with employers, and with which.")
P_PROTECT = ("Om u te beschermen als uw profiel niet klopt of u kan schaden. U ziet de reden.",
             "To protect you when your profile is wrong or could harm you. You see the reason.")
P_RETENTION = ("Om te weten hoe lang we uw gegevens moeten bewaren en wanneer we ze vernietigen.",
               "To know how long we must keep your data and when we destroy it.")
P_ACCOUNT = ("Om u veilig te laten inloggen.", "To let you log in safely.")
P_AUDIT = ("Om te laten zien wie wat heeft bekeken of veranderd, en misbruik te ontdekken.",
           "To show who viewed or changed what, and to detect misuse.")
P_MESSAGES = ("Om berichten tussen u, werkgevers en de gemeente te bewaren.",
              "To keep the messages between you, employers and the municipality.")
P_EMPLOYER = ("Om de werkgever te kunnen bereiken over vacatures en kandidaten.",
              "To reach the employer about vacancies and candidates.")

C = Category
F = FilledBy
E = EmployerVisibility
R = RetentionClass


def _spec(model, field, label_nl, label_en, category, filled_by, employer, purpose, retention,
          visible_to=DOSSIER_READERS, **extra) -> FieldSpec:
    return FieldSpec(model=model, field=field, label_nl=label_nl, label_en=label_en,
                     category=category, filled_by=filled_by, visible_to=visible_to,
                     employer=employer, purpose_nl=purpose[0], purpose_en=purpose[1],
                     retention=retention, **extra)


def _candidate(field, nl, en, category, filled_by, employer, purpose, **extra):
    return _spec("candidates.Candidate", field, nl, en, category, filled_by, employer, purpose,
                 R.DOSSIER, **extra)


def _profile(model, field, nl, en, category, employer=E.SHOWN, purpose=P_MATCH, **extra):
    return _spec(model, field, nl, en, category, F.JOBSEEKER, employer, purpose, R.PROFILE,
                 **extra)


def _about(nl: str, en: str) -> dict[str, str]:
    """The employer's label of a field the jobseeker fills in: about the candidate, in the
    third person, where the jobseeker's own label says "mij" or "u"."""
    return {"employer_label_nl": nl, "employer_label_en": en}


CANDIDATE = [
    _candidate("user", "Account", "Account", C.IDENTITY, F.SYSTEM, E.NEVER, P_ACCOUNT),
    _candidate("municipality", "Gemeente", "Municipality", C.IDENTITY, F.COACH, E.SHOWN,
               P_GUIDANCE),
    _candidate("client_number", "Klantnummer", "Client number", C.IDENTITY, F.COACH, E.NEVER,
               P_GUIDANCE),
    _candidate("first_name", "Voornaam", "First name", C.IDENTITY, F.COACH, E.SHOWN, P_PRESENT),
    _candidate("last_name", "Achternaam", "Last name", C.IDENTITY, F.COACH, E.SHOWN, P_PRESENT),
    _candidate("email", "E-mailadres", "E-mail address", C.CONTACT, F.COACH,
               E.WHEN_APPROACHABLE, P_CONTACT),
    _candidate("gender", "Geslacht", "Gender", C.IDENTITY, F.COACH, E.NEVER, P_GUIDANCE),
    _candidate("date_of_birth", "Geboortedatum", "Date of birth", C.IDENTITY, F.COACH, E.NEVER,
               P_GUIDANCE),
    _candidate("postcode", "Postcode", "Postcode", C.CONTACT, F.COACH, E.NEVER, P_CONTACT),
    _candidate("phone", "Telefoonnummer", "Phone number", C.CONTACT, F.COACH,
               E.WHEN_APPROACHABLE, P_CONTACT),
    _candidate("service_type", "Soort dienstverlening", "Type of service", C.WORK, F.COACH,
               E.NEVER, P_GUIDANCE),
    _candidate("responsible_coach", "Werkmatcher", "Job coach", C.CONTACT, F.COACH, E.SHOWN,
               ("Zodat u weet wie u begeleidt, en werkgevers via uw werkmatcher contact kunnen "
                "zoeken.",
                "So you know who guides you, and employers can get in touch through your job "
                "coach.")),
    _candidate("directly_approachable", "Direct benaderbaar", "Directly approachable",
               C.CONTACT, F.COACH, E.SHOWN,
               ("Om te weten of werkgevers u zelf mogen benaderen of via uw werkmatcher.",
                "To know whether employers may contact you themselves or through your job "
                "coach.")),
    _candidate("tg_banenafspraak", "Banenafspraak (doelgroepregister)",
               "Job agreement (target-group register)", C.TARGET_GROUP, F.COACH, E.YES_NO,
               P_TARGET_GROUP, employer_label_nl="In doelgroepregister",
               employer_label_en="In target-group register"),
    _candidate("tg_praktijkroute", "Praktijkroute", "Practical route", C.TARGET_GROUP, F.COACH,
               E.NEVER, P_TARGET_GROUP_STAFF),
    _candidate("tg_bbl", "BBL", "BBL (work-and-learn route)", C.TARGET_GROUP, F.COACH, E.NEVER,
               P_TARGET_GROUP_STAFF),
    _candidate("tg_tozo", "TOZO", "TOZO (self-employed support)", C.TARGET_GROUP, F.COACH,
               E.NEVER, P_TARGET_GROUP_STAFF),
    _candidate("shared_with_employers", "Gedeeld met werkgevers", "Shared with employers",
               C.USAGE, F.JOBSEEKER, E.NEVER, P_SHARING),
    _candidate("sharing_scope", "Delen met", "Share with", C.USAGE, F.JOBSEEKER, E.NEVER,
               P_SHARING),
    _candidate("hidden_by_staff", "Verborgen door de gemeente", "Hidden by the municipality",
               C.USAGE, F.COACH, E.NEVER, P_PROTECT),
    _candidate("hidden_reason", "Reden van verbergen", "Reason for hiding", C.USAGE, F.COACH,
               E.NEVER, P_PROTECT),
    _candidate("hidden_by", "Verborgen door", "Hidden by", C.USAGE, F.SYSTEM, E.NEVER,
               P_PROTECT),
    _candidate("hidden_at", "Verborgen op", "Hidden on", C.USAGE, F.SYSTEM, E.NEVER, P_PROTECT),
    _candidate("is_active", "Actief", "Active", C.USAGE, F.COACH, E.NEVER, P_GUIDANCE),
    _candidate("dossier_ended_on", "Dossier beëindigd op", "Dossier ended on", C.USAGE, F.COACH,
               E.NEVER, P_RETENTION),
    _candidate("end_reason", "Reden van beëindigen", "Reason for ending", C.USAGE, F.COACH,
               E.NEVER, P_RETENTION),
    _candidate("esf_programme_end", "Einddatum ESF-programma", "End of ESF programme",
               C.USAGE, F.COACH, E.NEVER, P_RETENTION),
    _candidate("leave_requested_at", "Wil stoppen met HalloWerk sinds",
               "Asked to leave HalloWerk on", C.USAGE, F.SYSTEM, E.NEVER,
               ("Zodat uw werkmatcher weet dat u wilt stoppen en uw dossier afsluit.",
                "So your job coach knows you want to leave and closes your dossier.")),
    _candidate("created_at", "Aangemaakt op", "Created on", C.USAGE, F.SYSTEM, E.NEVER,
               P_RETENTION),
    _candidate("updated_at", "Gewijzigd op", "Changed on", C.USAGE, F.SYSTEM, E.NEVER, P_AUDIT),
    _candidate("last_activity_at", "Laatst actief", "Last active", C.USAGE, F.SYSTEM, E.NEVER,
               ("Om u tips te sturen als u een tijd niet bent geweest.",
                "To send you tips when you have not been around for a while.")),
    _candidate("invitation_open_until", "Uitnodigingslink geldig tot",
               "Invitation link valid until", C.USAGE, F.SYSTEM, E.NEVER,
               ("Zodat uw werkmatcher ziet of uw uitnodiging verlopen is en u een nieuwe kan "
                "sturen.", "So your job coach sees whether your invitation has expired and "
                "can send you a new one.")),
    # The coach's and account manager's search compares these (candidates/models/
    # querysets.py, name_contains): the same client number and name, in capitals, kept by
    # the database from the two fields above. They change and go with those fields.
    _candidate("client_number_key", "Klantnummer in hoofdletters (om te zoeken)",
               "Client number in capitals (for searching)", C.IDENTITY, F.SYSTEM, E.NEVER,
               ("Zodat uw werkmatcher u snel vindt op klantnummer.",
                "So your job coach finds you quickly by client number.")),
    _candidate("name_key", "Naam in hoofdletters (om te zoeken)",
               "Name in capitals (for searching)", C.IDENTITY, F.SYSTEM, E.NEVER,
               ("Zodat uw werkmatcher u snel vindt op naam.",
                "So your job coach finds you quickly by name.")),
]

P = "candidates.Profile"
PROFILE = [
    _profile(P, "place_of_residence", "Woonplaats", "Place of residence", C.IDENTITY),
    _profile(P, "photo", "Foto", "Photo", C.IDENTITY, purpose=P_PRESENT),
    _profile(P, "personal_description", "Over mij", "About me", C.PROFILE, purpose=P_PRESENT,
             **_about("Over de kandidaat", "About the candidate")),
    _profile(P, "kind_of_work", "Werk dat bij mij past", "Work that suits me", C.PROFILE,
             **_about("Werk dat bij de kandidaat past", "Work that suits the candidate")),
    _profile(P, "what_suits_me", "Wat past bij mij", "What suits me", C.PROFILE,
             **_about("Wat past bij de kandidaat", "What suits the candidate")),
    _profile(P, "competences", "Talenten", "Talents", C.PROFILE),
    _profile(P, "professional_skills", "Vakkennis en vaardigheden", "Professional skills",
             C.PROFILE),
    _profile(P, "moodboard", "Moodboard", "Mood board", C.PROFILE, purpose=P_PRESENT),
    _profile(P, "video_url", "Video", "Video", C.PROFILE, purpose=P_PRESENT),
    _profile(P, "social_links", "Sociale media", "Social media", C.PROFILE, purpose=P_PRESENT),
    _profile(P, "assessments", "Uitslagen van testen", "Assessment results", C.PROFILE),
    _profile(P, "free_text", "Vrije tekst", "Free text", C.PROFILE, purpose=P_PRESENT),
    _profile(P, "cv", "Cv", "CV", C.PROFILE, purpose=P_PRESENT),
    _profile(P, "preferred_occupations", "Beroepen die ik zoek", "Occupations I am looking for",
             C.WORK, **_about("Gezochte beroepen", "Occupations sought")),
    _profile(P, "sectors", "Sectoren", "Sectors", C.WORK),
    _profile(P, "available_from", "Beschikbaar vanaf", "Available from", C.WORK),
    _profile(P, "hours_per_week_min", "Minimaal uren per week", "Minimum hours per week", C.WORK),
    _profile(P, "hours_per_week_max", "Maximaal uren per week", "Maximum hours per week", C.WORK),
    _profile(P, "availability_notes", "Toelichting beschikbaarheid", "Notes on availability",
             C.WORK),
    _profile(P, "driving_licences", "Rijbewijzen", "Driving licences", C.WORK),
    _profile(P, "transport", "Vervoer", "Transport", C.WORK),
    _profile(P, "max_travel_km", "Maximale reisafstand (km)", "Maximum travel distance (km)",
             C.WORK),
    *(_profile(P, physical_field_name(code), label_nl, label_en, C.HEALTH_RELATED,
               employer=E.YES_NO, purpose=P_PHYSICAL, **_about(*PHYSICAL_NEUTRAL.get(
                   code, (label_nl, label_en))))
      for code, label_nl, label_en in PHYSICAL_ITEMS),
    _spec(P, "updated_at", "Profiel gewijzigd op", "Profile changed on", C.USAGE, F.SYSTEM,
          E.NEVER, P_AUDIT, R.PROFILE),
]

W, ED, CO, LS = ("candidates.WorkExperience", "candidates.Education", "candidates.Course",
                 "candidates.LanguageSkill")
ENTRIES = [
    _profile(W, "job_title", "Functie", "Job title", C.WORK),
    _profile(W, "employer_name", "Werkgever", "Employer", C.WORK),
    _profile(W, "start_date", "Begonnen op", "Started on", C.WORK),
    _profile(W, "end_date", "Gestopt op", "Ended on", C.WORK),
    _profile(W, "description", "Wat deed u", "What you did", C.WORK,
             **_about("Taken", "Tasks")),
    _profile(ED, "name", "Opleiding", "Education", C.WORK),
    _profile(ED, "institution", "School", "School", C.WORK),
    _profile(ED, "level", "Niveau", "Level", C.WORK),
    _profile(ED, "completed", "Afgerond", "Completed", C.WORK),
    _profile(ED, "year", "Jaar", "Year", C.WORK),
    _profile(ED, "certificate", "Diploma of certificaat", "Diploma or certificate", C.WORK),
    _profile(CO, "name", "Cursus of training", "Course or training", C.WORK),
    _profile(CO, "provider", "Gegeven door", "Provided by", C.WORK),
    _profile(CO, "year", "Jaar", "Year", C.WORK),
    _profile(LS, "language", "Taal", "Language", C.WORK),
    _profile(LS, "level", "Niveau", "Level", C.WORK),
]


def _conversation(model, field, nl, en, filled_by, employer=E.SHOWN, category=C.USAGE):
    # Employers see these only in conversations and requests they take part in.
    return _spec(model, field, nl, en, category, filled_by, employer, P_MESSAGES, R.MESSAGES)


T, M, CR, VR = ("candidates.Thread", "candidates.Message", "candidates.ContactRequest",
                "candidates.VacancyResponse")
CONVERSATIONS = [
    _conversation(T, "candidate", "Kandidaat in gesprek", "Candidate in conversation", F.SYSTEM),
    _conversation(T, "counterpart", "Gesprekspartner", "Conversation partner", F.SYSTEM),
    _conversation(T, "employer", "Werkgever in gesprek", "Employer in conversation", F.SYSTEM),
    _conversation(T, "created_at", "Gesprek begonnen op", "Conversation started on", F.SYSTEM),
    _conversation(M, "sender", "Afzender", "Sender", F.SYSTEM),
    _conversation(M, "body", "Bericht", "Message", F.JOBSEEKER, category=C.CONTACT),
    _conversation(M, "created_at", "Verstuurd op", "Sent on", F.SYSTEM),
    _conversation(M, "read_at", "Gelezen op", "Read on", F.SYSTEM),
    _conversation(CR, "candidate", "Kandidaat van contactverzoek", "Candidate of contact request",
                  F.SYSTEM),
    _conversation(CR, "requested_by", "Gevraagd door", "Requested by", F.SYSTEM),
    _conversation(CR, "employer", "Werkgever van contactverzoek", "Employer of contact request",
                  F.SYSTEM),
    _conversation(CR, "message", "Bericht van de werkgever", "Message from the employer",
                  F.SYSTEM, category=C.CONTACT),
    _conversation(CR, "status", "Status contactverzoek", "Contact request status", F.COACH),
    _conversation(CR, "handled_by", "Behandeld door", "Handled by", F.SYSTEM, employer=E.NEVER),
    _conversation(CR, "handled_at", "Behandeld op", "Handled on", F.SYSTEM),
    _conversation(CR, "created_at", "Gevraagd op", "Requested on", F.SYSTEM),
    _conversation(VR, "candidate", "Kandidaat die reageert", "Responding candidate", F.SYSTEM),
    _conversation(VR, "message", "Reactie", "Response", F.JOBSEEKER, category=C.CONTACT),
    _conversation(VR, "status", "Status reactie", "Response status", F.SYSTEM),
    _conversation(VR, "created_at", "Gereageerd op", "Responded on", F.SYSTEM),
]


# The coach's review list of sensitive data a jobseeker chose to publish anyway (SPEC §9).
# It holds which kinds of data were flagged, never the passage; erased with the profile.
P_SENSITIVE = ("Zodat uw werkmatcher kan meekijken als u gevoelige gegevens in uw profiel zet.",
               "So your job coach can take a look when you put sensitive data in your profile.")
SR = "candidates.SensitiveReview"
SENSITIVE_REVIEWS = [
    _spec(SR, "candidate", "Kandidaat van de controle", "Candidate of the review", C.USAGE,
          F.SYSTEM, E.NEVER, P_SENSITIVE, R.PROFILE),
    _spec(SR, "field", "Onderdeel met gevoelige gegevens", "Part with sensitive data", C.USAGE,
          F.SYSTEM, E.NEVER, P_SENSITIVE, R.PROFILE),
    _spec(SR, "categories", "Soort gevoelige gegevens", "Kind of sensitive data",
          C.HEALTH_RELATED, F.SYSTEM, E.NEVER, P_SENSITIVE, R.PROFILE),
    _spec(SR, "created_at", "Gemeld op", "Reported on", C.USAGE, F.SYSTEM, E.NEVER,
          P_SENSITIVE, R.PROFILE),
    _spec(SR, "resolved_by", "Bekeken door", "Reviewed by", C.USAGE, F.COACH, E.NEVER,
          P_SENSITIVE, R.PROFILE),
    _spec(SR, "resolved_at", "Bekeken op", "Reviewed on", C.USAGE, F.SYSTEM, E.NEVER,
          P_SENSITIVE, R.PROFILE),
]


def _employer(field, nl, en, category=C.CONTACT, filled_by=F.ACCOUNT_MANAGER):
    return _spec("employers.Employer", field, nl, en, category, filled_by, E.SHOWN, P_EMPLOYER,
                 R.EMPLOYER_CONTACT, visible_to=EMPLOYER_DATA_READERS)


EMPLOYER = [
    _employer("contact_first_name", "Voornaam contactpersoon", "Contact person's first name",
              C.IDENTITY),
    _employer("contact_last_name", "Achternaam contactpersoon", "Contact person's last name",
              C.IDENTITY),
    _employer("contact_email", "E-mail contactpersoon", "Contact person's e-mail"),
    _employer("contact_phone", "Telefoon contactpersoon", "Contact person's phone"),
    _employer("invited_by", "Uitgenodigd door", "Invited by", C.USAGE, F.SYSTEM),
]


def _account(field, nl, en, category=C.USAGE, employer=E.NEVER, purpose=P_ACCOUNT,
             filled_by=F.SYSTEM):
    return _spec("hallowerk.User", field, nl, en, category, filled_by, employer, purpose,
                 R.ACCOUNT, visible_to=ACCOUNT_READERS)


# Employers see staff names (their candidate's coach, their account manager) and colleagues.
P_WHO = ("Zodat anderen op het platform zien met wie ze te maken hebben.",
         "So others on the platform see who they deal with.")
USER = [
    _account("email", "E-mailadres (inlognaam)", "E-mail address (login)", C.CONTACT),
    _account("first_name", "Voornaam", "First name", C.IDENTITY, E.SHOWN, P_WHO),
    _account("last_name", "Achternaam", "Last name", C.IDENTITY, E.SHOWN, P_WHO),
    _account("password", "Wachtwoord (versleuteld)", "Password (hashed)"),
    _account("role", "Rol", "Role"),
    _account("municipality", "Gemeente", "Municipality", C.IDENTITY),
    _account("employer", "Werkgever", "Employer", C.IDENTITY),
    _account("is_active", "Account actief", "Account active"),
    _account("is_staff", "Toegang tot Django-beheer", "Access to Django admin"),
    _account("is_superuser", "Alle rechten in Django-beheer", "All rights in Django admin"),
    _account("date_joined", "Account aangemaakt op", "Account created on"),
    _account("last_login", "Laatst ingelogd", "Last login", purpose=P_AUDIT),
]


def _audit(field, nl, en):
    return _spec("privacy.AuditEvent", field, nl, en, C.USAGE, F.SYSTEM, E.NEVER, P_AUDIT,
                 R.AUDIT, visible_to=AUDIT_READERS)


AUDIT = [
    _audit("created_at", "Tijdstip", "Time"),
    _audit("actor", "Wie", "Who"),
    _audit("actor_role", "Rol van wie", "Role of who"),
    _audit("action", "Handeling", "Action"),
    _audit("target_type", "Soort gegeven", "Kind of record"),
    _audit("target_id", "Welk gegeven", "Which record"),
    _audit("municipality_id", "Gemeente van wie", "Municipality of who"),
    _audit("other_municipality_id", "Gemeente van de kandidaat, als die een andere is",
           "Municipality of the candidate, when it is another one"),
    _audit("ip_address", "IP-adres (alleen medewerkers)", "IP address (staff only)"),
    _audit("data", "Details (welke velden, zoekvraag)", "Details (which fields, search query)"),
]

# Privacy operations: tip e-mails, legal holds and destruction notices.
P_TIPS = ("Om u tips te sturen, nooit vaker dan eens per week, en niet als u dat niet wilt.",
          "To send you tips, never more than once a week, and not if you do not want them.")
P_HOLD = ("Om een dossier langer te bewaren als dat moet, bijvoorbeeld voor een bezwaar of een "
          "onderzoek.",
          "To keep a dossier longer when that is needed, for example for an objection or an "
          "investigation.")
P_NOTICE = ("Om uw werkmatcher op tijd te laten weten dat uw dossier wordt vernietigd.",
            "To tell your job coach in time that your dossier will be destroyed.")
OWN = frozenset({Role.JOBSEEKER})
HOLD_READERS = frozenset({Role.JOBSEEKER, Role.ADMINISTRATOR})
NOTICE_READERS = frozenset({Role.JOBSEEKER, Role.COACH, Role.ADMINISTRATOR})
TP, TS, LH, RN = ("privacy.TipPreference", "privacy.TipSend", "privacy.LegalHold",
                  "privacy.RetentionNotice")


def _ops(model, field, nl, en, filled_by, purpose, retention, visible_to, category=C.USAGE):
    return _spec(model, field, nl, en, category, filled_by, E.NEVER, purpose, retention,
                 visible_to=visible_to)


PRIVACY_OPERATIONS = [
    _ops(TP, "user", "Account voor tips", "Account for tips", F.SYSTEM, P_TIPS, R.ACCOUNT, OWN),
    _ops(TP, "opted_out", "Geen tips meer", "No more tips", F.JOBSEEKER, P_TIPS, R.ACCOUNT, OWN),
    _ops(TP, "changed_at", "Tips aan- of uitgezet op", "Tips switched on or off on", F.SYSTEM,
         P_TIPS, R.ACCOUNT, OWN),
    _ops(TS, "user", "Ontvanger van de tip", "Recipient of the tip", F.SYSTEM, P_TIPS, R.ACCOUNT,
         OWN),
    _ops(TS, "kind", "Soort tip", "Kind of tip", F.SYSTEM, P_TIPS, R.ACCOUNT, OWN),
    _ops(TS, "status", "Tip verstuurd of niet", "Tip sent or not", F.SYSTEM, P_TIPS, R.ACCOUNT,
         OWN),
    _ops(TS, "created_at", "Tip gepland op", "Tip planned on", F.SYSTEM, P_TIPS, R.ACCOUNT, OWN),
    _ops(TS, "next_attempt_at", "Volgende poging", "Next attempt", F.SYSTEM, P_TIPS, R.ACCOUNT,
         OWN),
    _ops(TS, "attempts", "Aantal pogingen", "Number of attempts", F.SYSTEM, P_TIPS, R.ACCOUNT,
         OWN),
    _ops(TS, "last_error", "Soort fout bij versturen", "Kind of sending error", F.SYSTEM,
         P_TIPS, R.ACCOUNT, OWN),
    _ops(TS, "sent_at", "Tip verstuurd op", "Tip sent on", F.SYSTEM, P_TIPS, R.ACCOUNT, OWN),
    _ops(LH, "candidate", "Dossier met bewaarplicht", "Dossier on hold", F.ADMINISTRATOR, P_HOLD,
         R.DOSSIER, HOLD_READERS),
    _ops(LH, "reason", "Reden van de bewaarplicht", "Reason for the hold", F.ADMINISTRATOR,
         P_HOLD, R.DOSSIER, HOLD_READERS),
    _ops(LH, "placed_by", "Bewaarplicht ingesteld door", "Hold placed by", F.SYSTEM, P_HOLD,
         R.DOSSIER, HOLD_READERS),
    _ops(LH, "placed_at", "Bewaarplicht ingesteld op", "Hold placed on", F.SYSTEM, P_HOLD,
         R.DOSSIER, HOLD_READERS),
    _ops(LH, "released_by", "Bewaarplicht opgeheven door", "Hold released by", F.SYSTEM, P_HOLD,
         R.DOSSIER, HOLD_READERS),
    _ops(LH, "released_at", "Bewaarplicht opgeheven op", "Hold released on", F.SYSTEM, P_HOLD,
         R.DOSSIER, HOLD_READERS),
    _ops(RN, "candidate", "Dossier dat wordt vernietigd", "Dossier to be destroyed", F.SYSTEM,
         P_NOTICE, R.DOSSIER, NOTICE_READERS),
    _ops(RN, "due_on", "Einde bewaartermijn", "End of retention period", F.SYSTEM, P_NOTICE,
         R.DOSSIER, NOTICE_READERS),
    _ops(RN, "first_notified_on", "Eerst gemeld op", "First notified on", F.SYSTEM, P_NOTICE,
         R.DOSSIER, NOTICE_READERS),
    _ops(RN, "destroy_on", "Wordt vernietigd op", "Will be destroyed on", F.SYSTEM, P_NOTICE,
         R.DOSSIER, NOTICE_READERS),
    _ops(RN, "notified_at", "Werkmatcher gemeld op", "Job coach notified on", F.SYSTEM,
         P_NOTICE, R.DOSSIER, NOTICE_READERS),
]

# The employer's own workspace: shortlists of candidates and saved searches.
P_SHORTLIST = ("Zodat een werkgever kandidaten die hij interessant vindt kan bewaren in een lijst.",
               "So an employer can keep candidates they find interesting in a list.")
P_SAVED_SEARCH = ("Om een werkgever te laten weten dat er nieuwe profielen zijn die passen bij "
                  "een bewaarde zoekopdracht. De e-mail noemt alleen een aantal.",
                  "To tell an employer there are new profiles matching a saved search. The "
                  "e-mail only gives a number.")
SL, SLE, SS = "employers.Shortlist", "employers.ShortlistEntry", "employers.SavedSearch"
EMPLOYER_OWN = frozenset({Role.EMPLOYER})
# A candidate on a shortlist may see that (transparency); the employer's colleagues use it.
SHORTLISTED = frozenset({Role.EMPLOYER, Role.JOBSEEKER})


def _workspace(model, field, nl, en, purpose, retention, visible_to, filled_by=F.SYSTEM):
    return _spec(model, field, nl, en, C.USAGE, filled_by, E.SHOWN, purpose, retention,
                 visible_to=visible_to)


EMPLOYER_WORKSPACE = [
    _workspace(SL, "created_by", "Lijst gemaakt door", "List made by", P_SHORTLIST, R.ACCOUNT,
               EMPLOYER_OWN),
    _workspace(SLE, "candidate", "Kandidaat op de lijst", "Candidate on the list", P_SHORTLIST,
               R.PROFILE, SHORTLISTED),
    _workspace(SLE, "added_by", "Op de lijst gezet door", "Put on the list by", P_SHORTLIST,
               R.PROFILE, EMPLOYER_OWN),
    _workspace(SLE, "added_at", "Op de lijst gezet op", "Put on the list on", P_SHORTLIST,
               R.PROFILE, SHORTLISTED),
    _workspace(SS, "user", "Zoekopdracht van", "Search saved by", P_SAVED_SEARCH, R.ACCOUNT,
               EMPLOYER_OWN),
    _workspace(SS, "name", "Naam van de zoekopdracht", "Name of the search", P_SAVED_SEARCH,
               R.ACCOUNT, EMPLOYER_OWN, F.EMPLOYER),
    _workspace(SS, "query_string", "Zoekwoorden en filters", "Search words and filters",
               P_SAVED_SEARCH, R.ACCOUNT, EMPLOYER_OWN, F.EMPLOYER),
    _workspace(SS, "alerts_enabled", "E-mail bij nieuwe profielen", "E-mail on new profiles",
               P_SAVED_SEARCH, R.ACCOUNT, EMPLOYER_OWN),
    _workspace(SS, "created_at", "Bewaard op", "Saved on", P_SAVED_SEARCH, R.ACCOUNT,
               EMPLOYER_OWN),
    _workspace(SS, "alerts_checked_until", "Nieuwe profielen gecontroleerd tot",
               "New profiles checked until", P_SAVED_SEARCH, R.ACCOUNT, EMPLOYER_OWN),
    _workspace(SS, "last_alert_sent_at", "Laatste e-mail verstuurd op", "Last e-mail sent on",
               P_SAVED_SEARCH, R.ACCOUNT, EMPLOYER_OWN),
]

# What the jobseeker answered about a matching suggestion (a choice, never free text).
P_FEEDBACK = ("Om de suggesties voor passend werk beter te maken. Het is advies: uw antwoord "
              "verandert niets aan uw dossier.",
              "To make the suggestions of suitable work better. It is advice: your answer "
              "changes nothing in your dossier.")
FB = "matching.SuggestionFeedback"
FEEDBACK_READERS = frozenset({Role.JOBSEEKER, Role.COACH})


def _feedback(field, nl, en, filled_by=F.JOBSEEKER):
    return _spec(FB, field, nl, en, C.USAGE, filled_by, E.NEVER, P_FEEDBACK, R.PROFILE,
                 visible_to=FEEDBACK_READERS)


SUGGESTION_FEEDBACK = [
    _feedback("candidate", "Kandidaat die het antwoord gaf", "Candidate who answered", F.SYSTEM),
    _feedback("verdict", "Helpt deze suggestie?", "Does this suggestion help?"),
    _feedback("reason", "Waarom past het niet?", "Why does it not fit?"),
    _feedback("given_by", "Antwoord gegeven door", "Answer given by", F.SYSTEM),
    _feedback("created_at", "Antwoord gegeven op", "Answered on", F.SYSTEM),
    _feedback("updated_at", "Antwoord gewijzigd op", "Answer changed on", F.SYSTEM),
]

# Unusual-access signals about staff and employer users (privacy/oversight/), for the
# administrator only; they go with the audit log's period.
AS = "privacy.AccessSignal"
P_SIGNALS = ("Om te zien of iemand ongewoon veel of op ongewone tijden persoonsgegevens bekijkt, "
             "zodat de beheerder dat kan nagaan.",
             "To see whether someone views personal data unusually often or at unusual times, "
             "so the administrator can look into it.")
SIGNAL_READERS = frozenset({Role.ADMINISTRATOR})


def _signal(field, nl, en, filled_by=F.SYSTEM):
    return _ops(AS, field, nl, en, filled_by, P_SIGNALS, R.AUDIT, SIGNAL_READERS)


ACCESS_SIGNALS = [
    _signal("municipality", "Gemeente van het signaal", "Municipality of the signal"),
    _signal("kind", "Soort signaal", "Kind of signal"),
    _signal("actor", "Om wie het gaat", "Whom it is about"),
    _signal("actor_role", "Rol van die persoon", "Role of that person"),
    _signal("day", "Dag", "Day"),
    _signal("count", "Aantal", "Count"),
    _signal("threshold", "Drempel", "Threshold"),
    _signal("created_at", "Gevonden op", "Found on"),
    _signal("handled_at", "Afgehandeld op", "Handled on", F.ADMINISTRATOR),
    _signal("handled_by", "Afgehandeld door", "Handled by", F.ADMINISTRATOR),
    _signal("note", "Notitie bij het afhandelen", "Note on handling", F.ADMINISTRATOR),
]

# Notices about unused accounts (privacy/oversight/inactivity.py): while the account exists.
IN = "privacy.InactivityNotice"
P_INACTIVE = ("Om een account dat lang niet is gebruikt op tijd te melden en dan op te ruimen, "
              "of de werkmatcher te laten weten dat iemand lang niet inlogde.",
              "To announce in time that an account unused for long will be cleaned up, or to "
              "let the job coach know someone has not logged in for long.")
INACTIVITY_READERS = frozenset({Role.ADMINISTRATOR})


def _inactive(field, nl, en):
    return _ops(IN, field, nl, en, F.SYSTEM, P_INACTIVE, R.ACCOUNT, INACTIVITY_READERS)


INACTIVITY_NOTICES = [
    _inactive("user", "Account dat lang niet is gebruikt", "Account unused for long"),
    _inactive("kind", "Soort melding", "Kind of notice"),
    _inactive("notified_at", "Gemeld op", "Notified on"),
    _inactive("deactivate_on", "Wordt uitgeschakeld op", "Switched off on"),
]

CATALOGUE: tuple[FieldSpec, ...] = (*CANDIDATE, *PROFILE, *ENTRIES, *CONVERSATIONS,
                                    *SENSITIVE_REVIEWS, *EMPLOYER, *USER, *AUDIT,
                                    *PRIVACY_OPERATIONS, *EMPLOYER_WORKSPACE,
                                    *SUGGESTION_FEEDBACK, *ACCESS_SIGNALS,
                                    *INACTIVITY_NOTICES)
_BY_KEY: dict[tuple[str, str], FieldSpec] = {spec.key: spec for spec in CATALOGUE}

# The models that hold personal data; every field of theirs is declared above or below.
PERSONAL_DATA_MODELS: tuple[str, ...] = (
    "candidates.Candidate", "candidates.Profile", "candidates.WorkExperience",
    "candidates.Education", "candidates.Course", "candidates.LanguageSkill",
    "candidates.Thread", "candidates.Message", "candidates.ContactRequest",
    "candidates.VacancyResponse", "candidates.SensitiveReview", "employers.Employer",
    "hallowerk.User",
    "privacy.AuditEvent", TP, TS, LH, RN, SL, SLE, SS, FB, AS, IN,
)

# Fields of those models that are not personal data, each with the reason.
_PARENT_LINK = "links the entry to its parent record; the parent is declared"
_COMPANY = "data about a company, not about a person"
NOT_PERSONAL_DATA: dict[tuple[str, str], str] = {
    **{(model, "id"): "technical key" for model in PERSONAL_DATA_MODELS},
    ("candidates.Profile", "candidate"): _PARENT_LINK,
    ("candidates.Profile", "completeness"): "a count of declared profile fields that are filled "
                                            "in, derived for the coach's list",
    **{(model, "profile"): _PARENT_LINK for model in (W, ED, CO, LS)},
    ("candidates.Message", "thread"): _PARENT_LINK,
    (SL, "employer"): _COMPANY,
    (SL, "name"): "a name the employer gives a list, about the list, not a person",
    (SL, "vacancy"): "the employer's own vacancy, not about a person",
    (SL, "created_at"): "when the list was made, not about a person",
    (SLE, "shortlist"): _PARENT_LINK,
    (FB, "vacancy"): "the vacancy the answer is about, not about a person",
    ("candidates.ContactRequest", "vacancy"): "a vacancy is not about the candidate",
    ("candidates.VacancyResponse", "vacancy"): "a vacancy is not about the candidate",
    ("hallowerk.User", "groups"): "Django admin permissions, unused by the platform",
    ("hallowerk.User", "user_permissions"): "Django admin permissions, unused by the platform",
    **{("employers.Employer", field): _COMPANY for field in (
        "name", "address", "postcode", "city", "kvk_number", "municipality", "is_active",
        "deactivated_at", "created_at")},
}

# Models that hold no personal data at all, each with the reason. A new model goes either
# here or in PERSONAL_DATA_MODELS with every field declared.
NOT_PERSONAL_DATA_MODELS: dict[str, str] = {
    "hallowerk.QueuedTask": "background work recorded before it is queued: a task name, the "
                            "id of a saved search or a municipality, retry times and an "
                            "exception's class name; no name, text or contact detail",
    "privacy.RetentionRun": "progress of the retention run (start, heartbeat, attempts, "
                            "counts per kind of data); about no person",
    "hallowerk.MunicipalityFigures": "aggregated counts per municipality and period, for the "
                                     "team lead; no row or field is about one person, and the "
                                     "page shows a count below 5 as '< 5'",
    "privacy.OversightSettings": "a municipality's thresholds and periods; who changed them is "
                                 "in the audit log",
    "privacy.AnonymisedActivity": "counts per municipality and month of what the purges "
                                  "removed (contact requests, responses, conversations, unused "
                                  "invitations); no row is about one person",
    "privacy.AnonymisedDossier": "what a destroyed dossier leaves for the figures: municipality, "
                                 "months (never days), outcome, a duration band and counts; no "
                                 "id of the dossier or account and a random key, so no row can "
                                 "be traced back to its person; reports hide counts below 5",
}


def field_spec(model_label: str, field: str) -> FieldSpec:
    return _BY_KEY[(model_label, field)]


# The catalogue by model, made once the platform's part has joined it (the end of this
# module): the employer's view of a profile asks about twenty times per page, and each ask
# walked the whole catalogue. None until then, so an ask during the import still walks it.
_BY_MODEL: dict[str, tuple[FieldSpec, ...]] | None = None
_EMPLOYER_BY_MODEL: dict[str, tuple[FieldSpec, ...]] = {}


def specs_for(model_label: str) -> list[FieldSpec]:
    if _BY_MODEL is None:
        return [spec for spec in CATALOGUE if spec.model == model_label]
    return list(_BY_MODEL.get(model_label, ()))


def employer_specs(model_label: str) -> list[FieldSpec]:
    """The fields of a model an employer may see in any form, in catalogue order."""
    if _BY_MODEL is None or model_label not in _EMPLOYER_BY_MODEL:
        return [spec for spec in specs_for(model_label)
                if spec.employer != EmployerVisibility.NEVER]
    return list(_EMPLOYER_BY_MODEL[model_label])


# --- the rest of the installed models (accounts, security, derived data, third-party apps) --
# Imported last: privacy/catalogue_platform.py builds its declarations with the helpers above.
from .catalogue_platform import (  # noqa: E402
    PLATFORM,
    PLATFORM_MODELS,
    PLATFORM_NOT_PERSONAL,
    PLATFORM_NOT_PERSONAL_MODELS,
)

CATALOGUE = (*CATALOGUE, *PLATFORM)
_BY_KEY.update({spec.key: spec for spec in PLATFORM})
PERSONAL_DATA_MODELS = (*PERSONAL_DATA_MODELS, *PLATFORM_MODELS)
NOT_PERSONAL_DATA.update(PLATFORM_NOT_PERSONAL)
NOT_PERSONAL_DATA_MODELS.update(PLATFORM_NOT_PERSONAL_MODELS)
_BY_MODEL = {label: tuple(spec for spec in CATALOGUE if spec.model == label)
             for label in dict.fromkeys(spec.model for spec in CATALOGUE)}
_EMPLOYER_BY_MODEL.update({
    label: tuple(spec for spec in specs if spec.employer != EmployerVisibility.NEVER)
    for label, specs in _BY_MODEL.items()})
# Organisations, not people: a record that only points at one holds no personal data through
# that link (their contact persons are declared field by field).
ORGANISATION_MODELS = frozenset({"hallowerk.Municipality", "employers.Employer"})
