"""English terms that suggest special-category data; same entry syntax as `words_nl`."""

from .findings import Category

ORIGINS = [
    "moroccan", "turkish", "surinamese", "antillean", "aruban", "cape verdean", "ghanaian",
    "nigerian", "somali", "eritrean", "ethiopian", "syrian", "iraqi", "iranian", "afghan",
    "kurdish", "polish", "bulgarian", "romanian", "indonesian", "moluccan", "chinese",
    "hindustani", "creole", "javanese", "african", "asian", "arab", "arabic", "berber",
    "caribbean", "middle eastern", "migrant", "immigrant", "dutch", "foreign",
]

TERMS: dict[Category, list[str]] = {
    Category.HEALTH: [
        "burnout*", "burn-out*", "depression", "depressed", "diabetes", "diabetic", "hernia",
        "herniated", "autism", "autistic", "asperger*", "cancer", "tumour", "tumor",
        "leukaemia", "leukemia", "chemotherapy", "radiotherapy", "epilepsy", "epileptic",
        "ptsd", "post-traumatic stress", "rheumatism", "rheumatoid", "arthritis",
        "osteoarthritis", "asthma*", "multiple sclerosis", "heart attack", "heart condition",
        "heart disease", "heart surgery", "heart failure", "stroke", "brain injury",
        "psychosis", "psychotic", "schizophreni*", "bipolar", "borderline personality",
        "anxiety disorder", "panic attack*", "eating disorder", "anorexia", "bulimia",
        "addiction", "addicted", "rehab", "alcoholism", "alcoholic", "dyslexia", "dyslexic",
        "deaf", "hard of hearing", "visually impaired", "chronic fatigue", "fibromyalgia",
        "migraine*", "long covid", "pregnant", "pregnancy", "miscarriage",
        "mental health", "mental illness", "mentally ill", "psychiatric", "psychiatrist",
        "my therapist", "in therapy", "medication", "antidepressants", "insulin",
        "hospitalised", "hospitalized", "surgery", "sick leave", "illness",
        "chronically ill", "chronic illness", "chronic pain", "back problems",
        "health problems", "health issues", "health reasons", "medical reasons",
        "medical condition", "disability", "disabilities", "disabled", "wheelchair",
        "incapacity benefit", "unfit for work", "occupational physician",
    ],
    Category.RELIGION: [
        "muslim*", "islamic", "christian", "christians", "christianity", "catholic*",
        "protestant*", "evangelical", "jehovah*", "jewish", "jew", "judaism", "hindu*",
        "buddhist*", "buddhism", "mosque", "church", "synagogue", "headscarf", "my faith",
        "religion", "religious", "my beliefs", "pray", "praying", "prayer*", "bible",
        "quran", "atheist*",
    ],
    Category.CRIMINAL_RECORD: [
        "criminal record", "criminal past", "criminal conviction*", "convicted", "conviction",
        "prison", "jail", "imprisoned", "imprisonment", "incarcerat*", "detention",
        "probation", "parole", "ex-offender", "served time", "community service order",
        "ankle monitor", "arrested",
    ],
    Category.UNION: [
        "trade union*", "labour union*", "labor union*", "union member*", "union rep*",
        "member of the union", "member of a union", "shop steward", "unionised", "unionized",
        "in the union", "joined the union", "union activist*", "union meeting*",
    ],
    Category.ETHNICITY: [
        "ethnicity", "ethnic", "ethnically", "race", "skin colour", "skin color",
        "migration background", "descent",
        *[f"{origin} origin" for origin in ORIGINS],
        *[f"{origin} heritage" for origin in ORIGINS],
        *[f"{origin} background" for origin in ORIGINS],
        *[f"{origin} roots" for origin in ORIGINS],
        *[f"{origin} parents" for origin in ORIGINS],
        *[f"as [a|an] {origin} woman" for origin in ORIGINS],
        *[f"as [a|an] {origin} man" for origin in ORIGINS],
    ],
    Category.SEXUAL_ORIENTATION: [
        "gay", "lesbian", "bisexual", "homosexual", "heterosexual", "transgender",
        "trans woman", "trans man", "non-binary", "queer", "sexual orientation",
        "sexual preference", "came out", "coming out",
    ],
    Category.POLITICAL: [
        "political party", "political views", "political opinion*", "political beliefs",
        "party member", "member of the party", "labour party", "green party", "i vote for",
        "voted for", "communist*", "socialist*", "fascist*", "anarchist*",
    ],
}

CASE_SENSITIVE: dict[Category, list[str]] = {}

ALLOWED: list[str] = [
    "race track", "race car", "human race", "rat race", "catholic university",
    "christian school", "catholic school", "jewish school", "islamic school",
    "church street", "prison officer", "prison guard", "sick children", "sick people",
    "convicted of nothing",
]
