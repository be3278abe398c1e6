"""CL013: a password, secret, token or key written as a literal in `environment`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ...findings import Severity
from ..base import Hit, LintRule, has_variable, services

if TYPE_CHECKING:
    from ...document import Document

# The last word of the variable names the secret: DB_PASSWORD, API_KEY, JWT_SECRET, GITHUB_TOKEN.
# A setting about a secret is not one: PASSWORD_FILE, TOKEN_TTL, PUBLIC_KEY.
_SECRET_WORD = re.compile(r"(PASSWORD|PASSWD|SECRET|TOKEN|KEY)$")
_NOT_SECRET = frozenset({"PUBLIC", "PUB"})
_FLAG_VALUES = frozenset({"", "true", "false", "yes", "no", "on", "off", "0", "1"})

RULE = LintRule(
    __name__,
    code="CL013",
    severity=Severity.WARNING,
    message="secret written in the file",
    why="The value ends up in version control, in `docker inspect` and in every copy of the file; "
    "rotating it means editing and redistributing the file.",
    fix_hint="use ${VAR} from an .env file kept out of git, env_file, or Compose secrets (*_FILE variables)",
    bad="services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n",
    good="services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
)


def is_secret_name(name: str) -> bool:
    words = [w for w in re.split(r"[_.\-]", name.upper()) if w]
    if not words or _NOT_SECRET & set(words):
        return False
    return bool(_SECRET_WORD.search(words[-1]))


def _entries(env: Any) -> Iterator[tuple[Any, str, Any]]:
    """(path key, variable name, value) for both the mapping and the list form."""
    if isinstance(env, dict):
        for k, v in env.items():
            yield k, str(k), v
    elif isinstance(env, list):
        for i, item in enumerate(env):
            if isinstance(item, str) and "=" in item:
                name, _sep, value = item.partition("=")
                yield i, name, value


@RULE.register
def check(doc: Document) -> Iterator[Hit]:
    for svc in services(doc):
        for key, name, value in _entries(svc.data.get("environment")):
            if value is None or isinstance(value, bool) or not is_secret_name(name):
                continue
            text = str(value)
            if text.strip().lower() in _FLAG_VALUES or has_variable(text):
                continue
            yield Hit(svc.path("environment", key), name, key=isinstance(key, str))
