"""The client's address, the one way every part of the platform reads it.

Login throttling (allauth, through accounts/adapters.py), the accessibility report's rate limit
and anything else that counts or records a client go through `client_ip()`. Behind
TRUSTED_PROXY_COUNT reverse proxies (settings), each proxy appends the address it was reached
from to X-Forwarded-For, so the client is the Nth address from the right; everything to the left
of it was written by the client and proves nothing. Without proxies (the default) the header is
ignored and the client is REMOTE_ADDR.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client that sent `request`, as far as the trusted proxies vouch."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    header = request.headers.get("X-Forwarded-For", "")
    forwarded = [address for address in (part.strip() for part in header.split(",")) if address]
    if len(forwarded) < count:
        # Fewer hops than proxies: the request did not come the way the proxies send it, so the
        # header vouches for nothing; the nearest address is the only one known to be true.
        return remote
    return forwarded[-count]
