"""The terms of use, version 2: the real text (plain Dutch, B1, and English) in place of the
provisional version 1. Version 1 stays: who accepted it, accepted that text."""

from django.db import migrations

TERMS_NL = """Gebruiksvoorwaarden van HalloWerk (versie 2)

1. Wat is HalloWerk?
HalloWerk is een website van uw gemeente. De gemeente helpt u daarmee aan werk. U maakt er een profiel: wat u kunt, wat u zoekt en wanneer u kunt werken. Uw werkmatcher van de gemeente helpt u daarbij. Werkgevers uit de regio kunnen uw profiel zien als u dat wilt.

2. Meedoen is vrijwillig
U kiest zelf of u meedoet. Als u niet meedoet, heeft dat geen gevolgen voor uw uitkering of voor de hulp die u van de gemeente krijgt.

3. Wat u zelf bepaalt
- U bepaalt wat u in uw profiel zet.
- U bepaalt of werkgevers uw profiel mogen zien, en welke werkgevers: die uit uw regio of uit heel Nederland.
- U kunt dat op elk moment veranderen.
- U kunt alles wat u zelf hebt ingevuld op elk moment wissen.
- U kunt vragen om te stoppen met HalloWerk (het recht om vergeten te worden). Dan wist de gemeente uw gegevens, behalve wat zij volgens de wet moet bewaren.

4. Wat wij van u vragen
- Vul alleen gegevens in die kloppen.
- Zet geen gegevens over uw gezondheid, geloof, afkomst of andere gevoelige zaken in uw profiel. Zet ook geen burgerservicenummer (BSN) in uw profiel of uw berichten.
- Houd uw wachtwoord geheim. Gebruik uw account alleen zelf.
- Gebruik HalloWerk alleen om werk te vinden. Stuur geen berichten die kwetsen, bedreigen of reclame maken.

5. Wat werkgevers mogen
Werkgevers zien alleen profielen die met hen gedeeld zijn. Zij mogen uw gegevens alleen gebruiken om u werk aan te bieden. Zij mogen uw gegevens niet aan anderen geven. Een werkgever die zich daar niet aan houdt, kan de gemeente van HalloWerk uitsluiten.

6. Wat de gemeente doet
- De gemeente houdt HalloWerk veilig en bewaart uw gegevens niet langer dan nodig.
- De gemeente kan uw profiel verbergen voor werkgevers, bijvoorbeeld als er gevoelige gegevens in staan. U ziet dan waarom.
- De gemeente kan uw account stopzetten als u deze voorwaarden niet naleeft. Dat hoort u eerst van uw werkmatcher.
- HalloWerk kan soms even niet werken, bijvoorbeeld bij onderhoud. De gemeente probeert dat zo kort mogelijk te houden.

7. Als de voorwaarden veranderen
Als deze voorwaarden veranderen, krijgen ze een nieuw versienummer. U ziet de nieuwe tekst voordat hij voor u geldt.

8. Vragen of klachten
Hebt u een vraag of bent u het ergens niet mee eens? Neem contact op met uw werkmatcher. U kunt ook een klacht indienen bij uw gemeente.

Hoe de gemeente met uw gegevens omgaat, leest u in de privacyverklaring. Die staat los van deze voorwaarden."""

TERMS_EN = """Terms of use of HalloWerk (version 2)

1. What is HalloWerk?
HalloWerk is a website of your municipality. The municipality uses it to help you into work. You make a profile there: what you can do, what you are looking for and when you can work. Your job coach at the municipality helps you with that. Employers in the region can see your profile if you want them to.

2. Taking part is voluntary
You choose whether you take part. Not taking part has no consequences for your benefit or for the help you get from the municipality.

3. What you decide
- You decide what goes into your profile.
- You decide whether employers may see your profile, and which employers: those in your region or in all of the Netherlands.
- You can change that at any time.
- You can erase everything you entered yourself at any time.
- You can ask to leave HalloWerk (the right to be forgotten). The municipality then erases your data, except what it must keep by law.

4. What we ask of you
- Only enter data that is correct.
- Do not put data about your health, religion, origin or other sensitive matters in your profile. Do not put a citizen service number (BSN) in your profile or your messages.
- Keep your password secret. Only use your account yourself.
- Only use HalloWerk to find work. Do not send messages that hurt, threaten or advertise.

5. What employers may do
Employers only see profiles that are shared with them. They may only use your data to offer you work. They may not pass your data on to others. The municipality can exclude an employer who does not keep to this from HalloWerk.

6. What the municipality does
- The municipality keeps HalloWerk secure and does not keep your data longer than needed.
- The municipality can hide your profile from employers, for example if it contains sensitive data. You will see why.
- The municipality can stop your account if you do not keep to these terms. Your job coach tells you first.
- Sometimes HalloWerk is briefly unavailable, for example during maintenance. The municipality tries to keep that as short as possible.

7. If the terms change
If these terms change, they get a new version number. You see the new text before it applies to you.

8. Questions or complaints
Do you have a question, or do you disagree with something? Contact your job coach. You can also file a complaint with your municipality.

How the municipality handles your data is explained in the privacy statement, which is separate from these terms."""


def publish(apps, schema_editor):
    LegalText = apps.get_model("privacy", "LegalText")
    if not LegalText.objects.filter(kind="terms", version__gte=2).exists():
        LegalText.objects.create(kind="terms", version=2, body_nl=TERMS_NL, body_en=TERMS_EN)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0009_anonymised_archive_and_access_oversight")]
    operations = [migrations.RunPython(publish, migrations.RunPython.noop)]
