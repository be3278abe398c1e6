from __future__ import annotations

import pytest

from compose_migrate import load
from compose_migrate.migrations.yaml11_quoting import find_quotable

from .tools import check_noop, check_transformed

RULE = "yaml11_values"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  image: nginx:1.25\n  ports:\n    - 5000:80\n", id="5000:80 is no base-60 number"),
        pytest.param('web:\n  image: nginx:1.25\n  ports:\n    - "22:22"\n', id="a quoted port is left alone"),
        pytest.param(
            "web:\n  image: nginx:1.25\n  environment:\n    PORT: 8080\n    DEBUG: 'yes'\n",
            id="numbers that read back as written and quoted words are left alone",
        ),
        pytest.param("web:\n  image: nginx:1.25\n  privileged: yes\n", id="a yes in a boolean field is meant"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "ssh:\n  image: example/sshd:1\n  ports:\n    - 22:22  # ssh\n",
            'version: "2"\nservices:\n  ssh:\n    image: example/sshd:1\n    ports:\n      - "22:22"  # ssh\n',
            id="a base-60 port mapping is quoted and keeps its comment",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n  environment:\n    DEBUG: yes\n    ZIP: 01234\n    RATIO: 1.10\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    environment:\n'
            '      DEBUG: "yes"\n      ZIP: "01234"\n      RATIO: "1.10"\n',
            id="environment values keep the text that was written",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n  labels:\n    enabled: on\n  log_opt:\n    compress: no\n",
            'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    labels:\n      enabled: "on"\n'
            '    logging:\n      options:\n        compress: "no"\n',
            id="labels and log options are quoted before log_opt moves",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")


def test_the_warning_gives_the_old_reading_and_the_line() -> None:
    res = check_transformed(
        "ssh:\n  image: example/sshd:1\n  ports:\n    - 22:22\n",
        'version: "2"\nservices:\n  ssh:\n    image: example/sshd:1\n    ports:\n      - "22:22"\n',
        "2.0",
    )
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert w.path == "services.ssh.ports[0]"
    assert w.line == 4
    assert "the number 1342" in w.message


def test_short_booleans_are_quoted_without_a_warning() -> None:
    res = check_transformed(
        "web:\n  image: nginx:1.25\n  environment:\n    ANSWER: y\n",
        'version: "2"\nservices:\n  web:\n    image: nginx:1.25\n    environment:\n      ANSWER: "y"\n',
        "2.0",
    )
    assert [c.path for c in res.changes if c.rule == RULE] == ["services.web.environment.ANSWER"]
    assert [w for w in res.warnings if w.rule == RULE] == []


def test_find_quotable_reports_an_aliased_value_once_with_every_path() -> None:
    doc = load(text="a:\n  environment:\n    X: &v yes\nb:\n  environment:\n    X: *v\n", name="t.yml")
    [q] = find_quotable(doc.r11.node, legacy=True)
    assert (q.path, q.text, q.aliases) == (("a", "environment", "X"), "yes", [("b", "environment", "X")])


def test_find_quotable_skips_explicitly_tagged_strings() -> None:
    doc = load(text="a:\n  ports:\n    - !!str 22:22\n", name="t.yml")
    assert find_quotable(doc.r11.node, legacy=True) == []
