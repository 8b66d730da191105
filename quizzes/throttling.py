"""What login throttling (django-axes) records as the username of a login attempt."""

# Django's usernames are at most 150 characters; axes stores at most 255.
MAX_USERNAME = 150


def attempted_username(request, credentials=None) -> str:
    """The username as typed, cut to what a username can be and without NUL bytes, so that
    a hostile login post is counted like any failure instead of breaking the database write
    (PostgreSQL refuses NUL bytes and over-long values)."""
    if credentials and credentials.get("username") is not None:
        value = credentials["username"]
    else:
        value = getattr(request, "POST", {}).get("username", "")
    return str(value or "").replace("\x00", "")[:MAX_USERNAME]
