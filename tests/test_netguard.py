"""The address check, with literal IPs and fake resolvers only: no test sends a packet anywhere."""

import asyncio
import socket
from ipaddress import ip_address

import pytest
from a11ycheck.spiders.middlewares import AddressGuardMiddleware, AddressRefused
from scrapy import Request

from a11ycheck.netguard import RefusedAddress, UnresolvableHost, check_url, checked_addresses


def resolver(*addresses: str, calls: list[str] | None = None):
    """A stand-in for socket.getaddrinfo that answers `addresses` for any name."""

    def resolve(host, port, *args, **kwargs):
        if calls is not None:
            calls.append(host)
        return [
            (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, 0))
            for address in addresses
        ]

    return resolve


def no_dns(host, port, *args, **kwargs):
    raise AssertionError(f"{host} was resolved, but the check should not need DNS")


def unresolvable(host, port, *args, **kwargs):
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.0.0.5/", "private"),
        ("http://172.16.3.4/", "private"),
        ("http://192.168.1.1:8080/admin", "private"),
        ("http://127.0.0.1/", "loopback"),
        ("http://127.8.9.10/", "loopback"),
        ("http://169.254.10.10/", "link-local"),
        ("http://100.64.0.1/", "shared (CGNAT)"),
        ("http://100.127.255.254/", "shared (CGNAT)"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.251/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://[::1]/", "loopback"),
        ("http://[::]/", "unspecified"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::1]/", "private"),
        ("http://[fd12:3456::1]/", "private"),
        ("http://[ff02::1]/", "multicast"),
        ("http://[::ffff:10.0.0.5]/", "private"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[::ffff:169.254.1.1]/", "link-local"),
    ],
)
def test_non_public_ip_literals_are_refused(url, kind):
    with pytest.raises(
        RefusedAddress, match=rf"is an? {kind.replace('(', r'\(').replace(')', r'\)')} address"
    ):
        check_url(url, allow_private=False, resolve=no_dns)


def test_refusal_message_says_what_and_what_to_do():
    with pytest.raises(RefusedAddress) as refused:
        check_url("http://10.0.0.5/", allow_private=False, resolve=no_dns)
    assert str(refused.value) == (
        "refused http://10.0.0.5/: 10.0.0.5 is a private address; "
        "pass --allow-private to audit internal or loopback sites"
    )


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fd00:ec2::254]/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.google.internal./",
        "http://metadata.goog/",
    ],
)
@pytest.mark.parametrize("allow_private", [False, True])
def test_cloud_metadata_is_refused_even_with_allow_private(url, allow_private):
    with pytest.raises(RefusedAddress, match="cloud metadata"):
        check_url(url, allow_private=allow_private, resolve=no_dns)


def test_name_resolving_to_metadata_address_is_refused():
    with pytest.raises(RefusedAddress, match="resolves to 169.254.169.254, which is a cloud metadata"):
        check_url("http://innocent.example/", allow_private=True, resolve=resolver("169.254.169.254"))


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("file:///etc/passwd", "file:"),
        ("data:text/html,<h1>hoi</h1>", "data:"),
        ("javascript:alert(1)", "javascript:"),
        ("ftp://ftp.example.be/pub/", "ftp:"),
        ("gopher://example.be/", "gopher:"),
    ],
)
@pytest.mark.parametrize("allow_private", [False, True])
def test_other_schemes_are_refused(url, scheme, allow_private):
    with pytest.raises(RefusedAddress, match=f"{scheme} is not a web address; only http and https"):
        check_url(url, allow_private=allow_private, resolve=no_dns)


@pytest.mark.parametrize("url", ["http:///pad", "https://"])
def test_urls_without_host_are_refused(url):
    with pytest.raises(RefusedAddress, match="the URL has no host"):
        check_url(url, allow_private=False, resolve=no_dns)


@pytest.mark.parametrize("url", ["www.vlaanderen.be", "not a url", "/nl/contact"])
def test_urls_without_scheme_are_refused(url):
    with pytest.raises(RefusedAddress, match="not a full URL; give one like https://"):
        check_url(url, allow_private=False, resolve=no_dns)


def test_allow_private_lets_internal_and_loopback_hosts_through():
    for url, address in (
        ("http://127.0.0.1:8000/", "127.0.0.1"),
        ("http://10.0.0.5/", "10.0.0.5"),
        ("http://[::1]/", "::1"),
        ("http://[fe80::1]/", "fe80::1"),
    ):
        assert checked_addresses(url, allow_private=True, resolve=no_dns) == [ip_address(address)]
    calls: list[str] = []
    assert checked_addresses(
        "http://intranet.local/", allow_private=True, resolve=resolver("10.0.0.8", "fd00::8", calls=calls)
    ) == [ip_address("10.0.0.8"), ip_address("fd00::8")]
    assert calls == ["intranet.local"]
    assert check_url("http://10.0.0.5/", allow_private=True, resolve=no_dns) is None


def test_public_addresses_pass():
    assert checked_addresses("https://93.184.216.34/", allow_private=False, resolve=no_dns) == [
        ip_address("93.184.216.34")
    ]
    assert checked_addresses("https://[2001:4860:4860::8888]/", allow_private=False, resolve=no_dns) == [
        ip_address("2001:4860:4860::8888")
    ]
    calls: list[str] = []
    public = resolver("93.184.216.34", "2a00:1450::1", calls=calls)
    assert checked_addresses("https://www.vlaanderen.be./", allow_private=False, resolve=public) == [
        ip_address("93.184.216.34"),
        ip_address("2a00:1450::1"),
    ]
    assert calls == ["www.vlaanderen.be"]
    assert check_url("https://www.vlaanderen.be/", allow_private=False, resolve=public) is None
    assert calls == ["www.vlaanderen.be", "www.vlaanderen.be"]


def test_public_name_resolving_to_private_address_is_refused():
    """DNS rebinding: a public-looking name that points inside the network."""
    with pytest.raises(
        RefusedAddress, match=r"evil\.example resolves to 10\.1\.2\.3, which is a private address"
    ):
        check_url("https://evil.example/", allow_private=False, resolve=resolver("10.1.2.3"))


def test_every_resolved_address_must_be_public():
    with pytest.raises(RefusedAddress, match="resolves to ::1, which is a loopback address"):
        check_url("https://mixed.example/", allow_private=False, resolve=resolver("93.184.216.34", "::1"))


def test_unresolvable_name_has_its_own_error():
    with pytest.raises(
        UnresolvableHost, match="cannot resolve host nergens.invalid .*check the URL or your DNS"
    ):
        check_url("https://nergens.invalid/", allow_private=False, resolve=unresolvable)
    assert issubclass(UnresolvableHost, RefusedAddress)


def test_resolver_returning_nothing_is_unresolvable():
    with pytest.raises(UnresolvableHost):
        check_url("https://leeg.example/", allow_private=False, resolve=resolver())


# -- the downloader middleware ----------------------------------------------------------------


def test_middleware_refuses_with_ignore_request_carrying_the_reason():
    guard = AddressGuardMiddleware(allow_private=False, resolve=resolver("192.168.0.10"))
    with pytest.raises(AddressRefused) as refused:
        asyncio.run(guard.process_request(Request("https://rebind.example/pagina")))
    assert isinstance(refused.value.reason, RefusedAddress)
    assert "--allow-private" in str(refused.value)


def test_middleware_checks_a_host_once_and_every_refused_request_again():
    calls: list[str] = []
    guard = AddressGuardMiddleware(allow_private=False, resolve=resolver("93.184.216.34", calls=calls))
    for path in ("/", "/a", "/b"):
        assert asyncio.run(guard.process_request(Request(f"https://www.vlaanderen.be{path}"))) is None
    assert calls == ["www.vlaanderen.be"]
    with pytest.raises(AddressRefused):
        asyncio.run(guard.process_request(Request("http://10.0.0.1/")))
    with pytest.raises(AddressRefused):
        asyncio.run(guard.process_request(Request("http://10.0.0.1/again")))


def test_middleware_honours_allow_private():
    guard = AddressGuardMiddleware(allow_private=True, resolve=no_dns)
    assert asyncio.run(guard.process_request(Request("http://127.0.0.1:8000/"))) is None
