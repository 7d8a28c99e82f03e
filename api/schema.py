"""OpenAPI generation: every operation documents its error responses in one place."""

from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from .problems import PROBLEM_CONTENT_TYPE
from .serializers import ProblemSerializer

ERRORS = {
    "400": "A query parameter is unknown or has a bad value; `errors` names it.",
    "404": "Nothing published at this address, or a page past the end.",
}


class AutoSchema(openapi.AutoSchema):
    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        if getattr(self.view, "list_serializer_class", None) is not None or hasattr(
            self.view, "parse_fields"
        ):
            parameters.append(
                OpenApiParameter(
                    "fields",
                    OpenApiTypes.STR,
                    description="Comma-separated top-level keys to return (sparse fieldset); "
                    "unknown names are a 400.",
                )
            )
        return parameters

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
