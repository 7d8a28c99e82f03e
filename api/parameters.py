from rest_framework.exceptions import ValidationError


class StrictParametersMixin:
    """Rejects query parameters a view does not name in `allowed_parameters()`.

    An unknown or empty parameter is a 400 naming it, so that a typo or a client-set
    switch such as `status=draft` is never silently ignored.
    """

    def allowed_parameters(self):
        return set()

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not hasattr(self, request.method.lower()):
            return  # an unsupported method: let the 405 speak
        unknown = sorted(set(request.query_params) - self.allowed_parameters())
        if unknown:
            raise ValidationError(dict.fromkeys(unknown, "Unknown query parameter."))
        values = list(request.query_params.items())
        if empty := sorted(name for name, value in values if value == ""):
            raise ValidationError(dict.fromkeys(empty, "Give a value, or leave the parameter out."))
        if nul := sorted(name for name, value in values if "\x00" in value):
            raise ValidationError(dict.fromkeys(nul, "Null characters are not allowed."))


ASCII_WHITESPACE = " \t\n\r\f\v"
# The same rule as a JSON-schema pattern: no NUL, and something besides ASCII whitespace.
REQUIRED_TEXT_PATTERN = r"^[^\x00]*[^\x00 \t\n\r\f\v][^\x00]*$"


def required_text(request, name, *, max_length):
    """A required, non-blank query parameter of bounded length."""
    value = request.query_params.get(name, "").strip(ASCII_WHITESPACE)
    if not value:
        raise ValidationError({name: "This parameter is required."})
    if len(value) > max_length:
        raise ValidationError({name: f"At most {max_length} characters."})
    return value
