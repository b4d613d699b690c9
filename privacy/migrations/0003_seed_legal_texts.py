from django.db import migrations

TERMS_NL = """Dit zijn de gebruiksvoorwaarden van HalloWerk (voorlopige tekst).

1. Meedoen is vrijwillig. Als u niet meedoet, heeft dat geen gevolgen voor uw uitkering.
2. U bepaalt zelf wat u in uw profiel zet en of werkgevers het mogen zien.
3. U mag alles wat u zelf hebt ingevuld op elk moment wissen. U kunt ook vragen om te stoppen met HalloWerk (het recht om vergeten te worden).
4. Zet geen gegevens over uw gezondheid, geloof of andere gevoelige zaken in uw profiel.
5. Gebruik HalloWerk alleen voor het vinden van werk.

Hoe wij met uw gegevens omgaan, leest u in de privacyverklaring. Die is apart van deze voorwaarden."""

TERMS_EN = """These are the terms of use of HalloWerk (provisional text).

1. Taking part is voluntary. Not taking part has no consequences for your benefit.
2. You decide what goes into your profile and whether employers may see it.
3. You may erase everything you entered yourself at any time. You can also ask to leave HalloWerk (the right to be forgotten).
4. Do not put data about your health, religion or other sensitive matters in your profile.
5. Use HalloWerk only to find work.

How we handle your data is explained in the privacy statement, which is separate from these terms."""

PRIVACY_NL = "Voorlopige privacyverklaring. De volledige verklaring wordt gemaakt uit de lijst van alle gegevens die HalloWerk gebruikt."
PRIVACY_EN = "Provisional privacy statement. The full statement is generated from the list of all data HalloWerk uses."


def seed(apps, schema_editor):
    LegalText = apps.get_model("privacy", "LegalText")
    LegalText.objects.get_or_create(kind="terms", version=1,
                                    defaults={"body_nl": TERMS_NL, "body_en": TERMS_EN})
    LegalText.objects.get_or_create(kind="privacy", version=1,
                                    defaults={"body_nl": PRIVACY_NL, "body_en": PRIVACY_EN})


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_audit_append_only")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
