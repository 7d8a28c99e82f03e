from django.db.models import Prefetch
from rest_framework import serializers

from api.fragments import FragmentViewSetMixin
from api.views import ContentViewSet
from articles.models import Article
from partners.policy import is_promotional
from publishing import generations

from .filters import TreatmentFilter
from .models import BodyArea, Category, Concern, Treatment, TreatmentCombination
from .serializers import TreatmentListSerializer, TreatmentSerializer


def public_treatments(detail=False):
    """Published treatments with every relation prefetched from published content only."""
    return with_treatment_relations(Treatment.objects.published(), detail=detail)


def with_treatment_relations(queryset, detail=False):
    """`queryset` with the relations its serializer shows, each from published content."""
    queryset = queryset.select_related("category").prefetch_related(
        "concerns",
        "areas",
        Prefetch(
            "combinations",
            queryset=TreatmentCombination.objects.filter(
                to_treatment__in=Treatment.objects.published()
            )
            .select_related("to_treatment")
            .order_by("to_treatment__name"),
            to_attr="public_combinations",
        ),
    )
    if detail:
        queryset = queryset.select_related("reviewer").prefetch_related(
            "providers",
            "faqs",
            Prefetch(
                "articles",
                queryset=Article.objects.published()
                .only("slug", "title")
                .order_by("-published_at"),
                to_attr="public_articles",
            ),
        )
    return queryset


class TreatmentViewSet(FragmentViewSetMixin, ContentViewSet):
    """Published treatments and their structured facts."""

    # Lists embed taxonomies and combinable (published) treatments; details also articles.
    fragment_depends_on = {"list": ("treatment", "taxonomy"), "detail": generations.KINDS}
    list_serializer_class = TreatmentListSerializer
    serializer_class = TreatmentSerializer
    filterset_class = TreatmentFilter
    search_fields = ["name", "summary", "slug"]
    ordering_fields = ["name", "updated_at"]
    ordering = ["name"]
    redirect_old_slugs = True

    def get_queryset(self):
        return public_treatments(detail=self.action != "list")

    def uses_fragments(self):
        """A detail for a promotional key drops brand names: rendered for that caller."""
        return self.action == "list" or not is_promotional(self.request)


class TaxonomySerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()


class TaxonomyViewSet(ContentViewSet):
    serializer_class = TaxonomySerializer
    filter_backends = []
    depends_on = ("taxonomy",)

    def get_queryset(self):
        return self.model.objects.order_by("name", "pk")


class ConcernViewSet(TaxonomyViewSet):
    """Concerns a treatment addresses, e.g. wrinkles."""

    model = Concern


class AreaViewSet(TaxonomyViewSet):
    """Body areas a treatment is given in, e.g. lips."""

    model = BodyArea


class CategoryViewSet(TaxonomyViewSet):
    """Families of treatments, e.g. dermal fillers."""

    model = Category
