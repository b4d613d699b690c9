def username_from_request(request, credentials):
    """Axes needs the login name; allauth passes it as `email`, its form posts `login`."""
    credentials = credentials or {}
    name = credentials.get("email") or credentials.get("username")
    if not name and request is not None:
        name = request.POST.get("login") or request.POST.get("email")
    return (name or "").strip().lower()
