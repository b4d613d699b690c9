from django.forms.renderers import TemplatesSetting


class UtrechtFormRenderer(TemplatesSetting):
    """Every form renders with the NL Design System form-field markup (templates/forms/).

    A field group (forms/field.html) is written in Python by field_group(), the same markup
    at a fraction of the template's cost (hallowerk/forms/field_group.py)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(self, template_name, context, request=None):
        if template_name == self.field_template_name and context.keys() == {"field"}:
            from .field_group import field_group  # it loads template tags: not at import

            return field_group(context["field"])
        return super().render(template_name, context, request)
