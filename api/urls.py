from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from articles.views import ArticleViewSet, TagViewSet
from changelog.views import SyncView
from treatments.compare import CompareView
from treatments.views import AreaViewSet, CategoryViewSet, ConcernViewSet, TreatmentViewSet

from .preview import PreviewView
from .problems import page_not_found
from .search import SearchView

app_name = "api"

router = SimpleRouter()
router.register("treatments", TreatmentViewSet, basename="treatment")
router.register("articles", ArticleViewSet, basename="article")
router.register("concerns", ConcernViewSet, basename="concern")
router.register("areas", AreaViewSet, basename="area")
router.register("categories", CategoryViewSet, basename="category")
router.register("tags", TagViewSet, basename="tag")

urlpatterns = [
    *router.urls,
    path("compare/", CompareView.as_view(), name="compare"),
    path("search/", SearchView.as_view(), name="search"),
    path("preview/<str:token>/", PreviewView.as_view(), name="preview"),
    path("sync/", SyncView.as_view(), name="sync"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    # Anything else under the API is a problem+json 404, in DEBUG too.
    re_path(r"^.*$", page_not_found, name="not-found"),
]
