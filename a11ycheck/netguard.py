"""The address check that keeps a crawl service off internal networks.

A crawler that follows links and redirects for whoever asks is a way into the network it runs in
(server-side request forgery): internal admin pages, cloud metadata with credentials. Every URL the
crawl or the audit fetches is checked here first; only hosts whose every address is public pass,
unless the operator allows private addresses to audit an intranet or a site on loopback.
"""

import ipaddress
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
ALLOW_PRIVATE_HINT = "pass --allow-private to audit internal or loopback sites"

# Cloud metadata endpoints hand out credentials: refused even with --allow-private.
METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"}
)
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)
CGNAT = ipaddress.ip_network("100.64.0.0/10")

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
type Resolver = Callable[..., list[tuple[Any, ...]]]


class RefusedAddress(ValueError):
    """A URL the crawl must not fetch; the message says why and what to do."""


class UnresolvableHost(RefusedAddress):
    """A host name that does not resolve, so its addresses cannot be checked (or fetched)."""


def check_url(url: str, *, allow_private: bool, resolve: Resolver = socket.getaddrinfo) -> None:
    """Raise RefusedAddress unless `url` is http(s) to a host whose every address is public.

    With `allow_private`, loopback and private hosts pass; cloud metadata endpoints never do. Names are
    resolved (blocking) with `resolve`, which has the signature of `socket.getaddrinfo`; tests inject
    fakes.
    """
    checked_addresses(url, allow_private=allow_private, resolve=resolve)


def checked_addresses(
    url: str, *, allow_private: bool, resolve: Resolver = socket.getaddrinfo
) -> list[IPAddress]:
    """check_url, returning the addresses it checked: connect to one of these, not to a new lookup."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:
        raise RefusedAddress(f"refused {url}: not a valid URL ({exc}); check the URL") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise RefusedAddress(f"refused {url}: not a full URL; give one like https://www.example.be/")
    if scheme not in WEB_SCHEMES:
        raise RefusedAddress(
            f"refused {url}: {scheme}: is not a web address; only http and https URLs are audited"
        )
    if not host:
        raise RefusedAddress(
            f"refused {url}: the URL has no host; give a full URL like https://www.example.be/"
        )
    host = host.rstrip(".")
    if host in METADATA_HOSTS:
        raise RefusedAddress(f"refused {url}: {host} is a cloud metadata endpoint, never audited")
    literal = _ip_literal(host)
    if literal is not None:
        _check_address(url, host, literal, allow_private=allow_private, resolved=False)
        return [literal]
    addresses = _resolve(url, host, resolve)
    for address in addresses:
        _check_address(url, host, address, allow_private=allow_private, resolved=True)
    return addresses


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.partition("%")[0])
    except ValueError:
        return None


def _resolve(url: str, host: str, resolve: Resolver) -> list[IPAddress]:
    try:
        infos = resolve(host, None)
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        raise UnresolvableHost(
            f"refused {url}: cannot resolve host {host} ({exc}); check the URL or your DNS"
        ) from None
    addresses = [_ip_literal(str(info[4][0])) for info in infos]
    if not addresses or None in addresses:
        raise UnresolvableHost(
            f"refused {url}: host {host} resolved to no usable address; check the URL or your DNS"
        )
    return [address for address in addresses if address is not None]


def _check_address(url: str, host: str, address: IPAddress, *, allow_private: bool, resolved: bool) -> None:
    what = f"{host} resolves to {address}, which" if resolved else host
    if address in METADATA_ADDRESSES or _embedded_ipv4(address) in METADATA_ADDRESSES:
        raise RefusedAddress(f"refused {url}: {what} is a cloud metadata address, never audited")
    if allow_private:
        return
    kind = non_public_kind(address)
    if kind:
        article = "an" if kind[0] in "aeiou" else "a"
        raise RefusedAddress(f"refused {url}: {what} is {article} {kind} address; {ALLOW_PRIVATE_HINT}")


def non_public_kind(address: IPAddress) -> str | None:
    """What kind of non-public address this is ("private", "loopback", ...), or None if it is public."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return non_public_kind(embedded)
    checks = (
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("shared (CGNAT)", address in CGNAT),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for kind, matches in checks:
        if matches:
            return kind
    return None if address.is_global else "non-global"


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or 6to4 (2002::/16) IPv6 address."""
    if isinstance(address, ipaddress.IPv6Address):
        return address.ipv4_mapped or address.sixtofour
    return None
