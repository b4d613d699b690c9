from django.shortcuts import render

from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.TEAM_LEAD)
def team_lead_home(request):
    return render(request, "hallowerk/team_lead_home.html")


@role_required(Role.ADMINISTRATOR)
def administrator_home(request):
    return render(request, "hallowerk/administrator_home.html")
