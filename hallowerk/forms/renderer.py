from django.forms.renderers import TemplatesSetting


class UtrechtFormRenderer(TemplatesSetting):
    """Every form renders with the NL Design System form-field markup (templates/forms/)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
