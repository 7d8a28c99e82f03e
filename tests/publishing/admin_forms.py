"""Form data an editor's browser would post to the admin for an article."""

from django.forms import MultiWidget

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


def form_data_from_page(response):
    """What a browser would post back from a rendered admin change form, untouched."""
    context = response.context_data if hasattr(response, "context_data") else response.context
    form = context["adminform"].form
    data = {"_save": "Save"}
    for field in form:
        value, widget = field.value(), field.field.widget
        if isinstance(widget, MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            data.update({f"{field.html_name}_{i}": _text(part) for i, part in enumerate(parts)})
        elif isinstance(value, (list, tuple)):
            data[field.html_name] = [_text(item) for item in value]
        elif value is not False:
            data[field.html_name] = _text(value)
    return data


def _text(value):
    if value is None:
        return ""
    if hasattr(value, "pk"):
        return str(value.pk)
    if hasattr(value, "strftime") and hasattr(value, "hour"):
        return value.strftime("%H:%M:%S")
    return str(value)
