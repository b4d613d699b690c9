"""Choice lists shared by candidate profiles and vacancies (so both speak the same codes)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DrivingLicence(models.TextChoices):
    AM = "AM", _("AM (bromfiets)")
    A = "A", _("A (motor)")
    B = "B", _("B (auto)")
    BE = "BE", _("BE (auto met aanhanger)")
    C = "C", _("C (vrachtwagen)")
    CE = "CE", _("CE (vrachtwagen met aanhanger)")
    D = "D", _("D (bus)")


class Transport(models.TextChoices):
    WALKING = "walking", _("Lopen")
    BIKE = "bike", _("Fiets")
    PUBLIC_TRANSPORT = "public_transport", _("Openbaar vervoer")
    CAR = "car", _("Auto")
    MOPED = "moped", _("Scooter of brommer")


class Language(models.TextChoices):
    NL = "nl", _("Nederlands")
    EN = "en", _("Engels")
    AR = "ar", _("Arabisch")
    TR = "tr", _("Turks")
    PL = "pl", _("Pools")
    RO = "ro", _("Roemeens")
    TI = "ti", _("Tigrinya")
    SO = "so", _("Somalisch")
    FR = "fr", _("Frans")
    DE = "de", _("Duits")
    ES = "es", _("Spaans")
    UK = "uk", _("Oekraïens")
    RU = "ru", _("Russisch")
    FA = "fa", _("Perzisch (Farsi)")
    PAP = "pap", _("Papiamento")
    OTHER = "other", _("Andere taal")


class LanguageLevel(models.TextChoices):
    BASIC = "basic", pgettext_lazy("taalniveau", "Een beetje")
    REASONABLE = "reasonable", pgettext_lazy("taalniveau", "Redelijk")
    GOOD = "good", pgettext_lazy("taalniveau", "Goed")
    FLUENT_NATIVE = "fluent_native", pgettext_lazy("taalniveau", "Vloeiend of moedertaal")


class EducationLevel(models.TextChoices):
    PRIMARY = "primary", _("Basisschool")
    VMBO = "vmbo", _("Vmbo")
    MBO_1 = "mbo_1", _("Mbo niveau 1 (entree)")
    MBO_2 = "mbo_2", _("Mbo niveau 2")
    MBO_3 = "mbo_3", _("Mbo niveau 3")
    MBO_4 = "mbo_4", _("Mbo niveau 4")
    HAVO = "havo", _("Havo")
    VWO = "vwo", _("Vwo")
    HBO = "hbo", _("Hbo")
    WO = "wo", _("Universiteit (wo)")
    ABROAD = "abroad", _("Opleiding in het buitenland")
    OTHER = "other", _("Anders")
