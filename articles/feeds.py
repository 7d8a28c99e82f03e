"""Feeds of published articles: RSS 2.0, Atom 1.0 and JSON Feed 1.1.

Each takes `?treatment=` and `?tag=` (comma lists of slugs, any of them), validated
like the API's filters: an unknown parameter or slug is a problem+json 400.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from api.problems import PROBLEM_CONTENT_TYPE, parameter_problem
from publishing.syndication import syndication_block

from .filters import ArticleFilter
from .views import public_articles

FEED_SIZE = 50
FEED_PARAMETERS = {"treatment", "tag"}


class FeedParameterError(Exception):
    def __init__(self, errors):
        self.errors = errors


def feed_articles(request):
    """The newest published articles, narrowed by the feed's query parameters."""
    unknown = set(request.GET) - FEED_PARAMETERS
    if unknown:
        raise FeedParameterError(dict.fromkeys(sorted(unknown), "Unknown query parameter."))
    filterset = ArticleFilter(
        {name: request.GET[name] for name in FEED_PARAMETERS & set(request.GET)},
        queryset=public_articles(detail=True).order_by("-published_at", "-pk"),
    )
    if not filterset.is_valid():
        raise FeedParameterError(filterset.errors)
    return list(filterset.qs[:FEED_SIZE])


def bad_feed_request(request, error):
    body = parameter_problem(error.errors, request.path)
    return JsonResponse(body, status=400, content_type=PROBLEM_CONTENT_TYPE)


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with the full sanitized body in content:encoded."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])


class AtomWithContent(Atom1Feed):
    """Atom 1.0 with the full sanitized body as HTML content."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class ArticleRssFeed(Feed):
    feed_type = RssWithContent
    description = "Published articles on aesthetic treatments, medically reviewed."

    def __call__(self, request, *args, **kwargs):
        try:
            self.articles = feed_articles(request)
        except FeedParameterError as error:
            return bad_feed_request(request, error)
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{settings.SITE_NAME}: articles"

    def link(self):
        return f"{settings.SITE_URL}/"

    def items(self):
        return self.articles

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.canonical_url()

    def item_guid(self, article):
        return article.canonical_url()

    def item_author_name(self, article):
        return article.author.name if article.author else None

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]

    def feed_copyright(self):
        return f"{settings.SITE_NAME}. {settings.CONTENT_LICENSE}."

    def item_copyright(self, article):
        """Attribution and licence per entry (Atom `rights`); JSON Feed has `_syndication`."""
        block = syndication_block(article)
        credit, licence = block["attribution"]["text"], block["license"]["name"]
        return f"{credit}: {block['canonical_url']}. {licence}."

    def item_extra_kwargs(self, article):
        return {"content_html": article.body}


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = AtomWithContent
    subtitle = ArticleRssFeed.description


def json_feed(request):
    """JSON Feed 1.1, with `_medical_review` and `_syndication` extensions per item."""
    try:
        articles = feed_articles(request)
    except FeedParameterError as error:
        return bad_feed_request(request, error)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.SITE_NAME}: articles",
        "home_page_url": f"{settings.SITE_URL}/",
        "feed_url": request.build_absolute_uri(),
        "description": ArticleRssFeed.description,
        "language": "en",
        "items": [json_feed_item(article) for article in articles],
    }
    return JsonResponse(
        feed, content_type="application/feed+json", json_dumps_params={"ensure_ascii": False}
    )


def json_feed_item(article):
    item = {
        "id": article.canonical_url(),
        "url": article.canonical_url(),
        "title": article.title,
        "summary": article.summary,
        "content_html": article.body,
        "content_text": article.body_text,
        "date_published": article.published_at.isoformat(),
        "date_modified": article.updated_at.isoformat(),
        "tags": [tag.name for tag in article.tags.all()],
        "_syndication": syndication_block(article),
    }
    if article.author:
        item["authors"] = [{"name": article.author.name}]
    if article.last_reviewed:
        item["_medical_review"] = {
            "reviewer": {
                "name": article.reviewer.name,
                "credentials": article.reviewer.credentials,
            },
            "last_reviewed": article.last_reviewed.isoformat(),
            "next_review_due": article.next_review_due.isoformat()
            if article.next_review_due
            else None,
        }
    return item
