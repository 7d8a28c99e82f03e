"""gunicorn settings, read from the working directory by `make serve`, `make bench` and
`make fuzz`. WEB_CONCURRENCY (worker count) is read by gunicorn itself."""

# Long request lines reach Django, which answers a query string over 4,096 characters with
# a 400 problem; only lines beyond gunicorn's own maximum get its plain 414 page.
limit_request_line = 8190
