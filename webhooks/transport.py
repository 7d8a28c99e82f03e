"""POST with the SSRF guard applied at connect time; redirects are never followed."""

import http.client
import socket
from urllib.parse import urlsplit

from .guard import resolve_public


class GuardedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        address = resolve_public(self.host, self.port)[0]
        self.sock = socket.create_connection((address, self.port), self.timeout)


class GuardedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        address = resolve_public(self.host, self.port)[0]
        sock = socket.create_connection((address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url, body, headers, timeout):
    """POST `body`; returns (status code, first 1,000 characters of the response)."""
    parts = urlsplit(url)
    connection_class = GuardedHTTPSConnection if parts.scheme == "https" else GuardedHTTPConnection
    connection = connection_class(parts.hostname, parts.port, timeout=timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(1000).decode("utf-8", "replace")
    finally:
        connection.close()
