from publishing.jsonld import CONTEXT, compact, person, publisher


def article_json_ld(article):
    """schema.org MedicalWebPage for an article, with its last medical review."""
    return compact(
        {
            "@context": CONTEXT,
            "@type": "MedicalWebPage",
            "headline": article.title,
            "name": article.title,
            "description": article.summary,
            "url": article.canonical_url(),
            "datePublished": article.published_at.isoformat() if article.published_at else None,
            "dateModified": article.updated_at.isoformat(),
            "author": {"@type": "Person", "name": article.author.name} if article.author else None,
            "publisher": publisher(),
            "about": [
                {"@type": "MedicalProcedure", "name": t.name, "url": t.canonical_url()}
                for t in article.public_treatments
            ],
            "keywords": ", ".join(tag.name for tag in article.tags.all()),
            "lastReviewed": article.last_reviewed.isoformat() if article.last_reviewed else None,
            "reviewedBy": person(article.reviewer) if article.reviewer else None,
        }
    )
