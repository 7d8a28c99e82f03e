from django.contrib import admin
from django.urls import include, path

from api.health import healthz, readyz

admin.site.site_header = "Aesthetic medicine content"
admin.site.site_title = "Content admin"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]

handler400 = "api.problems.bad_request"
handler403 = "api.problems.permission_denied"
handler404 = "api.problems.page_not_found"
handler500 = "api.problems.server_error"
