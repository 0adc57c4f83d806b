"""The address rules of webhooks, one address, scheme or URL at a time."""

from __future__ import annotations

import ipaddress

import pytest

from server.webhooks import guard

REFUSED = [
    ("127.0.0.1", "loopback"),
    ("127.255.0.9", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.1", "private"),
    ("192.168.1.1", "private"),
    ("fc00::1", "private"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("169.254.169.254", "metadata"),
    ("fd00:ec2::254", "metadata"),
    ("100.100.100.200", "metadata"),
    ("169.254.1.1", "link-local"),
    ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("192.0.2.10", "reserved"),  # documentation range
    ("198.18.0.1", "reserved"),  # benchmarking
    ("::ffff:127.0.0.1", "embeds an IPv4"),
    ("::ffff:8.8.8.8", "embeds an IPv4"),
    ("2002:7f00:1::", "embeds an IPv4"),  # 6to4 of 127.0.0.1
    ("64:ff9b::a00:1", "embeds an IPv4"),  # NAT64 of 10.0.0.1
    ("2001:db8::1", "reserved"),
]
ALLOWED = ["8.8.8.8", "93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"]


@pytest.mark.parametrize(("address", "why"), REFUSED)
def test_refusal_names_each_forbidden_address(address: str, why: str) -> None:
    found = guard.refusal(ipaddress.ip_address(address))
    assert found is not None and why in found


@pytest.mark.parametrize("address", ALLOWED)
def test_refusal_lets_public_addresses_through(address: str) -> None:
    assert guard.refusal(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.1", "100.64.0.1", "fc00::1"])
def test_allow_private_lets_private_and_loopback_through(address: str) -> None:
    assert guard.refusal(ipaddress.ip_address(address), allow_private=True) is None


@pytest.mark.parametrize(
    "address", ["169.254.169.254", "fd00:ec2::254", "fe80::1", "224.0.0.1", "0.0.0.0"]
)
def test_allow_private_still_refuses_metadata_link_local_and_the_rest(address: str) -> None:
    assert guard.refusal(ipaddress.ip_address(address), allow_private=True) is not None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("ftp://example.com/x", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("gopher://example.com/", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("example.com/hook", "only http and https"),
        ("https://user:pass@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https:///nohost", "no host"),
        ("https://exa mple.com/", "spaces"),
        ("https://example.com:99999/", "not valid"),
        ("https://example.com/" + "a" * 2000, "longer than 2000"),
        ("https://example.com/" + "a" * 10_000, "longer than 2000"),
    ],
)
def test_parse_refuses_bad_urls(url: str, why: str) -> None:
    with pytest.raises(guard.UnsafeTarget, match=why):
        guard.parse(url)


def test_parse_keeps_host_port_and_path_for_the_request() -> None:
    target = guard.parse("HTTPS://Hooks.Example.COM:8443/in?x=1#frag")
    assert (target.scheme, target.host, target.port, target.path) == (
        "https",
        "hooks.example.com",
        8443,
        "/in?x=1",
    )
    assert target.host_header == "hooks.example.com:8443"
    assert target.url_for(ipaddress.ip_address("93.184.215.14")) == (
        "https://93.184.215.14:8443/in?x=1"
    )
    v6 = guard.parse("http://[2606:4700::1]/")
    assert v6.host_header == "[2606:4700::1]"
    assert v6.url_for(ipaddress.ip_address("2606:4700::1")) == "http://[2606:4700::1]:80/"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8080/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00:ec2::254]/",
        "http://10.0.0.5/",
        "http://0.0.0.0/",
        "http://[::ffff:169.254.169.254]/",
        # Other spellings of 127.0.0.1 that resolvers accept: decimal, hex, octal, short.
        "http://2130706433/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://127.1/",
        "http://[fe80::1%25eth0]/",
    ],
)
async def test_checked_resolves_and_refuses_private_targets(url: str) -> None:
    with pytest.raises(guard.UnsafeTarget, match="resolves to"):
        await guard.checked(url, allow_private=False)


async def test_checked_refuses_a_name_when_any_of_its_addresses_is_forbidden() -> None:
    with pytest.raises(guard.UnsafeTarget):
        guard.check_addresses(
            [ipaddress.ip_address("8.8.8.8"), ipaddress.ip_address("10.0.0.1")],
            allow_private=False,
        )


async def test_checked_refuses_a_name_that_does_not_resolve() -> None:
    with pytest.raises(guard.UnsafeTarget, match="cannot be resolved"):
        await guard.checked("https://no-such-host.invalid/hook", allow_private=False)
