"""SSRF guard: webhooks only go to public internet addresses.

The target's every resolved address must be global (an IPv4-mapped IPv6 address is
judged as the IPv4 address it carries). The URL is checked when an endpoint is saved,
and the connection itself is made to an address checked at send time, so a DNS answer
that changes in between (rebinding) cannot redirect a delivery inside the network.
WEBHOOK_ALLOW_LOOPBACK admits 127.0.0.0/8 and ::1, for local development and tests.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


class UnsafeTarget(Exception):
    pass


def address_allowed(address):
    address = ipaddress.ip_address(address)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback:
        return settings.WEBHOOK_ALLOW_LOOPBACK
    return address.is_global and not address.is_multicast


def resolve_public(host, port):
    """The addresses of `host`, all of them allowed, or UnsafeTarget."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnsafeTarget(f"{host} does not resolve.") from error
    addresses = list(dict.fromkeys(info[4][0].split("%")[0] for info in infos))
    for address in addresses:
        if not address_allowed(address):
            raise UnsafeTarget(f"{host} resolves to {address}, which is not a public address.")
    return addresses


def check_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UnsafeTarget("Use an http or https URL.")
    if parts.username or parts.password:
        raise UnsafeTarget("Put no credentials in the URL; verify the signature instead.")
    if not parts.hostname:
        raise UnsafeTarget("The URL has no host.")
    resolve_public(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
