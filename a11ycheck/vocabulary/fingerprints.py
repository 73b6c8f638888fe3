"""Finding fingerprints: the same rule failing on the same element of the same page, across runs."""

import hashlib
import json
from urllib.parse import urlsplit


def node_fingerprint(rule: str, page_url: str, target: list) -> str:
    """Stable across runs and across http/https and www twins: the page's path and query, not its host."""
    path = urlsplit(page_url)._replace(scheme="", netloc="").geturl()
    raw = json.dumps([rule, path, target], separators=(",", ":"))
    return hashlib.sha1(raw.encode()).hexdigest()
