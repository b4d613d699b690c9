from django import forms
from django.utils.translation import gettext_lazy as _

from candidates.models import SharingScope

SHARE_YES, SHARE_NO = "yes", "no"


class SharingForm(forms.Form):
    shared = forms.ChoiceField(
        label=_("Mogen werkgevers uw profiel zien?"), widget=forms.RadioSelect,
        choices=[(SHARE_YES, _("Ja, werkgevers mogen mijn profiel zien")),
                 (SHARE_NO, _("Nee, alleen de gemeente ziet mijn profiel"))],
        error_messages={"required": _("Kies of werkgevers uw profiel mogen zien.")})
    scope = forms.ChoiceField(
        label=_("Welke werkgevers?"), widget=forms.RadioSelect,
        choices=[(SharingScope.REGION, _("Werkgevers in mijn eigen regio")),
                 (SharingScope.ALL, _("Werkgevers van alle gemeenten die meedoen"))],
        help_text=_("Dit geldt alleen als werkgevers uw profiel mogen zien."),
        error_messages={"required": _("Kies met welke werkgevers u uw profiel deelt.")})
