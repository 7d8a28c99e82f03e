from rest_framework import authentication, exceptions

from .models import APIKey

KEYWORD = "Api-Key"


class Partner:
    """The caller behind a valid key: anonymous as far as Django permissions go."""

    is_authenticated = True
    is_staff = is_superuser = False

    def __init__(self, key):
        self.key = key

    def __str__(self):
        return f"partner:{self.key.prefix}"


class APIKeyAuthentication(authentication.BaseAuthentication):
    """`Authorization: Api-Key <key>`. No header is anonymous; a bad key is a 401, never
    a silent fall-back to anonymous access."""

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        keyword, _, raw_key = header.partition(" ")
        if keyword.lower() != KEYWORD.lower():
            raise exceptions.AuthenticationFailed(
                f"Use the header “Authorization: {KEYWORD} <key>”."
            )
        key = APIKey.for_raw_key(raw_key.strip())
        if key is None:
            raise exceptions.AuthenticationFailed("The API key is invalid, expired or revoked.")
        key.record_use()
        return Partner(key), key

    def authenticate_header(self, request):
        return f'{KEYWORD} realm="api"'
