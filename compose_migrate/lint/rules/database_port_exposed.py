"""CL007: a database or cache port published on every interface of the host."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...findings import Severity
from ..base import Hit, LintRule, has_variable, parse_image, published_ports, services

if TYPE_CHECKING:
    from ...document import Document

# Image names (any path component) of databases, caches and search engines.
_DATASTORE = re.compile(
    r"^(postgres(ql)?|postgis|timescaledb(-ha)?|mysql(-server)?|mariadb|percona(-server)?|mongo(db)?|"
    r"redis(-stack-server)?|valkey|keydb|memcached|elasticsearch|opensearch|couchdb|couchbase(-server)?|"
    r"cassandra|scylla|influxdb|neo4j|clickhouse(-server)?|mssql|cockroach|rethinkdb|etcd|dragonfly)$"
)

RULE = LintRule(
    __name__,
    code="CL007",
    severity=Severity.WARNING,
    message="database port published on all interfaces",
    why="`ports: - 5432:5432` listens on every address of the host, and Docker's iptables rules "
    "bypass host firewalls such as ufw: the database is reachable from the network, usually with a "
    "default or weak password.",
    fix_hint='bind to the loopback ("127.0.0.1:5432:5432") or drop `ports` and use an internal network',
    bad='services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n',
    good='services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
)


def is_datastore(image: str) -> bool:
    ref = parse_image(image)
    return any(_DATASTORE.match(part.lower()) for part in ref.repository.split("/")[-2:])


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        image = svc.data.get("image")
        if not isinstance(image, str) or has_variable(image) or not is_datastore(image):
            continue
        for p in published_ports(svc.data):
            if p.variable or not p.on_all_interfaces:
                continue
            shown = p.published or "a random host port"
            yield Hit(svc.path("ports", p.index), f"{image} port {p.target} on {shown}", key=False)
