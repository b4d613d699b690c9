from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from hallowerk.roles import Role

ROLE_LANDING = {
    Role.JOBSEEKER: "candidates:jobseeker_home",
    Role.COACH: "candidates:coach_home",
    Role.ACCOUNT_MANAGER: "employers:account_manager_home",
    Role.EMPLOYER: "employers:employer_home",
    Role.TEAM_LEAD: "team_lead_home",
    Role.ADMINISTRATOR: "administrator_home",
}


def home(request):
    if request.user.is_authenticated:
        return redirect("start")
    return render(request, "hallowerk/home.html")


@login_required
def start(request):
    """After login everyone lands on the start page of their own role."""
    return redirect(ROLE_LANDING[request.user.role])


def accessibility(request):
    return render(request, "hallowerk/accessibility.html")


def signup_closed(request):
    """Participation is by invitation only; the sign-up address explains that."""
    return render(request, "account/signup_closed.html", status=403)


def health(request):
    """For the container health check: the database answers."""
    from django.db import connection
    from django.http import HttpResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
