"""OpenAPI generation: every operation documents its error responses in one place."""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from .problems import PROBLEM_CONTENT_TYPE
from .serializers import ProblemSerializer, SelectableFieldsMixin

ERRORS = {
    "400": "A query parameter is unknown or has a bad value (`errors` names it), or the "
    "query string is longer than 4,096 characters.",
    "401": "The API key is wrong, expired or revoked (`WWW-Authenticate` says how to send one).",
    "404": "Nothing published at this address, or a page past the end.",
    "429": "Over the rate limit; `Retry-After` says when to try again.",
    "503": "The database is unavailable; `Retry-After` says when to try again.",
}


class AutoSchema(openapi.AutoSchema):
    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if hasattr(self.view, "parse_fields"):
            names = list(self.view.get_serializer_class()().fields)
            parameters.append(
                OpenApiParameter(
                    "fields",
                    {
                        "type": "array",
                        "items": {"type": "string", "enum": names},
                        "minItems": 1,
                        "maxItems": len(names),
                    },
                    style="form",
                    explode=False,
                    description="Sparse fieldset: comma-separated top-level keys to return. "
                    "Unknown names, or more names than there are fields, are a 400.",
                )
            )
        if hasattr(self.view, "cursor_page") and self._is_list_view():
            parameters.append(
                OpenApiParameter(
                    "cursor",
                    str,
                    description="Keyset paging: `start` for the first page, then follow `next`, "
                    "whose cursor continues after the page's last item (as fast deep in a list "
                    "as at its top, and stable while content is published). A cursor is bound "
                    "to the `ordering` it was issued for; with `page=n`, the n-th page after it.",
                )
            )
        return parameters

    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if isinstance(serializer, SelectableFieldsMixin):
            schema.pop("required", None)  # `?fields=` may leave out any key
        return schema

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, description in ERRORS.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(response=ProblemSerializer, description=description),
                    code,
                    [PROBLEM_CONTENT_TYPE],
                    direction,
                )
        if getattr(self.view, "redirect_old_slugs", False) and not self._is_list_view():
            responses["301"] = {
                "description": "The slug changed; `Location` gives the current address.",
                "headers": {"Location": {"schema": {"type": "string"}}},
            }
        responses.setdefault(
            "304", {"description": "Not modified: `If-None-Match` matched the current ETag."}
        )
        return responses


NO_NUL = r"^[^\x00]*$"


def require_non_empty_query_values(result, generator, request, public):
    """Postprocessing hook: empty values and NUL characters are 400s; the schema says so."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if parameter.get("in") == "query" and schema.get("type") == "string":
                    schema.setdefault("minLength", 1)
                    schema.setdefault("pattern", NO_NUL)
    return result
