from django.db import DatabaseError, connection
from django.http import JsonResponse


def healthz(request):
    """The process is up. Touches nothing else, so it is also the benchmark floor."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """Ready to serve: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        response = JsonResponse({"status": "unavailable", "database": "down"}, status=503)
        response["Retry-After"] = "5"
        return response
    return JsonResponse({"status": "ok", "database": "up"})
