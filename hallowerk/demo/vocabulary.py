"""Words and phrases the demo data is made of: plain Dutch, the kind jobseekers write."""

# Dutch register names from Faker are mixed with names common among people on social
# assistance in the big cities, so the demo looks like the population it serves.
EXTRA_FIRST_NAMES = [
    "Mohamed", "Fatima", "Yusuf", "Ayşe", "Mehmet", "Khadija", "Ahmed", "Samira", "Emre",
    "Naima", "Rachid", "Zeynep", "Kofi", "Priya", "Anil", "Shanti", "Olena", "Dmytro",
    "Aleksandra", "Tomasz", "Senait", "Yonas", "Hodan", "Abdi", "Rosa", "Gianni", "Inés",
]
EXTRA_LAST_NAMES = [
    "El Amrani", "Yılmaz", "Öztürk", "Bouzid", "Aydın", "Benali", "Ramdin", "Tjin-A-Lim",
    "Kowalski", "Nowak", "Tesfaye", "Haile", "Abdullahi", "Kovalenko", "Martinez", "Rossi",
    "Boateng", "Mensah", "Sewdien", "Ramkisoen", "Haddou", "Demir", "Çelik",
]

# ISCO unit groups jobseekers on social assistance often look for: (job title, sector, weight).
COMMON_OCCUPATIONS = {
    "9112": ("Schoonmaker", "schoonmaak", 8), "9412": ("Keukenhulp", "horeca", 7),
    "9321": ("Inpakker", "logistiek-transport", 7),
    "5223": ("Verkoopmedewerker", "detailhandel", 8),
    "5230": ("Kassamedewerker", "detailhandel", 6),
    "4321": ("Medewerker voorraadbeheer", "logistiek-transport", 5),
    "8322": ("Chauffeur bestelbus", "logistiek-transport", 4),
    "9333": ("Magazijnmedewerker", "logistiek-transport", 6), "5120": ("Kok", "horeca", 4),
    "5131": ("Medewerker bediening", "horeca", 4), "5321": ("Helpende zorg", "zorg-welzijn", 6),
    "5322": ("Thuiszorgmedewerker", "zorg-welzijn", 4),
    "5311": ("Medewerker kinderopvang", "kinderopvang", 4),
    "4110": ("Administratief medewerker", "zakelijke-dienstverlening", 5),
    "4222": ("Klantcontactmedewerker", "klantcontact", 5),
    "5414": ("Beveiliger", "beveiliging", 4),
    "7115": ("Timmerman", "bouw", 2), "7131": ("Schilder", "bouw", 3),
    "7411": ("Elektricien", "techniek-installatie", 2),
    "7212": ("Lasser", "industrie-productie", 2),
    "7231": ("Automonteur", "techniek-installatie", 2),
    "9214": ("Medewerker groenvoorziening", "groen-agrarisch", 3),
    "9613": ("Medewerker reiniging", "afval-recycling", 3),
    "8332": ("Vrachtwagenchauffeur", "logistiek-transport", 2),
    "5153": ("Conciërge", "facilitair", 2), "7512": ("Bakker", "industrie-productie", 2),
    "4226": ("Receptionist", "facilitair", 3), "9621": ("Pakketbezorger", "logistiek-transport", 3),
    "5312": ("Onderwijsassistent", "onderwijs", 2),
    "9329": ("Productiemedewerker", "industrie-productie", 4),
}

COMPETENCES = [
    "Betrouwbaar", "Op tijd", "Klantvriendelijk", "Samenwerken", "Zelfstandig", "Leergierig",
    "Flexibel", "Nauwkeurig", "Doorzetter", "Behulpzaam", "Creatief", "Rustig onder druk",
    "Goed luisteren", "Geduldig", "Praktisch", "Vrolijk", "Netjes", "Eerlijk",
    "Oplossingsgericht", "Sociaal",
]
SKILLS = [
    "Kassa", "Heftruck rijden", "Orderpicken", "Schoonmaken", "Koken", "Word en Excel",
    "Klantcontact", "Administratie", "Tuinonderhoud", "Verzorging", "Rijden met een bus",
    "Lassen", "Timmeren", "Schilderen", "Voorraad bijhouden", "Werken met kinderen",
    "Telefoon aannemen", "Bezorgen", "Metselen", "Vakkenvullen", "Inpakken",
    "Reparaties aan fietsen", "Planten verzorgen", "Hygiënisch werken", "Bestellingen invoeren",
]
ABOUT_ME = [
    "Ik ben een harde werker en kom altijd op tijd.",
    "Ik werk graag met mijn handen en zie graag wat ik gedaan heb.",
    "Ik ben vriendelijk en help mensen graag.",
    "Ik heb een tijd niet gewerkt en wil nu graag weer aan de slag.",
    "Ik leer snel en vind het leuk om nieuwe dingen te doen.",
    "Ik werk het liefst in een team met fijne collega's.",
    "Ik spreek Nederlands en ik wil het nog beter leren op mijn werk.",
    "Ik ben moeder van twee kinderen en kan werken als zij op school zijn.",
    "Ik heb in mijn eigen land als {job} gewerkt.",
    "Structuur en duidelijke afspraken helpen mij goed te werken.",
]
SUITS_ME = [
    "Een rustige werkplek met duidelijke taken.",
    "Werk waarbij ik veel beweeg en buiten ben.",
    "Werk met mensen, waar ik kan helpen.",
    "Een vaste plek en vaste tijden.",
    "Afwisselend werk in een klein team.",
]
KIND_OF_WORK = [
    "Ik zoek werk als {job}.",
    "Ik wil graag werken als {job}, het liefst in de {sector}.",
    "Werk in de {sector}, bijvoorbeeld als {job}.",
    "Het liefst iets met {skill}, bijvoorbeeld als {job}.",
]
AVAILABILITY_NOTES = [
    "Niet op vrijdagmiddag.", "Alleen overdag, ik heb kinderen.", "Ook in het weekend.",
    "Liever geen nachtdiensten.", "",
]
EDUCATIONS = [
    ("Vmbo basis", "vmbo"), ("Vmbo kader", "vmbo"), ("Entree-opleiding", "mbo_1"),
    ("Mbo Logistiek medewerker", "mbo_2"), ("Mbo Helpende zorg en welzijn", "mbo_2"),
    ("Mbo Kok", "mbo_2"), ("Mbo Verkoper", "mbo_2"), ("Mbo Medewerker facilitaire dienstverlening",
                                                     "mbo_2"),
    ("Mbo Pedagogisch medewerker", "mbo_3"), ("Mbo Administratief medewerker", "mbo_3"),
    ("Mbo Eerste monteur elektrotechniek", "mbo_3"), ("Havo", "havo"),
    ("Opleiding in het buitenland", "abroad"), ("Hbo Bedrijfskunde", "hbo"),
]
SCHOOLS = ["ROC Mondriaan", "Albeda", "Zadkine", "ROC Midden Nederland", "ROC van Amsterdam",
           "MBO Utrecht", "Scalda", ""]
COURSES = [
    ("Heftruckcertificaat", "Reachtruck Academie"), ("VCA basis", "SOG"),
    ("Sociale hygiëne", "SVH"), ("Taalcursus Nederlands", "Taalhuis"),
    ("Werken met de computer", "Bibliotheek"), ("EHBO", "Het Oranje Kruis"),
    ("Hygiënecode", "SVH"), ("Klantvriendelijk werken", "Werkplein"),
]
VACANCY_INTROS = [
    "Wij zoeken een {title} voor ons team in {place}.",
    "Komt u ons helpen als {title}? U werkt in {place}.",
    "Voor onze vestiging in {place} zoeken wij een enthousiaste {title}.",
]
VACANCY_OFFERS = [
    "U krijgt een goede inwerkperiode en een vaste begeleider.",
    "Ervaring is niet nodig: wij leren u het vak.",
    "U werkt in een klein team met vaste collega's.",
    "Na een half jaar is een vast contract mogelijk.",
]
