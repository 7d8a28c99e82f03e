from django.tasks import task


@task()
def reconcile_publication():
    """Announce scheduled items going live and expiries (enqueued for their times)."""
    from .transitions import reconcile_due

    return reconcile_due()
