"""Form data an editor's browser would post to the admin for an article."""

from publishing.concurrency import version_token


def article_form_data(article, **overrides):
    def split(value):
        return (value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")) if value else ("", "")

    published_date, published_time = split(article.published_at)
    expiry_date, expiry_time = split(article.unpublish_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "author": article.author_id or "",
        "status": article.status,
        "published_at_0": published_date,
        "published_at_1": published_time,
        "unpublish_at_0": expiry_date,
        "unpublish_at_1": expiry_time,
        "seo_title": article.seo_title,
        "seo_description": article.seo_description,
        "_save": "Save",
    }
    if article.pk:  # as a browser that just opened the change form would post it
        stored = type(article).objects.filter(pk=article.pk).values_list("updated_at", flat=True)
        data["loaded_version"] = version_token(stored.first())
        data["treatments"] = [t.pk for t in article.treatments.all()]
        data["tags"] = [t.pk for t in article.tags.all()]
    data.update(overrides)
    return data
