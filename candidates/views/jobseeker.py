from django.shortcuts import render

from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.JOBSEEKER)
def home(request):
    return render(request, "candidates/jobseeker/home.html")
