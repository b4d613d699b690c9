from django.shortcuts import render

from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.COACH)
def home(request):
    return render(request, "candidates/coach/home.html")
