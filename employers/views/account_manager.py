from django.shortcuts import render

from hallowerk.permissions import role_required
from hallowerk.roles import Role


@role_required(Role.ACCOUNT_MANAGER)
def home(request):
    return render(request, "employers/account_manager/home.html")
