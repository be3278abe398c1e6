from __future__ import annotations

import pytest

from compose_migrate import load, migrate

from .tools import check_noop

RULE = "image_and_build"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  build: .\n", id="build alone"),
        pytest.param("web:\n  image: nginx:1.25\n", id="image alone"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


def test_image_beside_build_is_reported() -> None:
    res = migrate(load(text="web:\n  build: .\n  image: example/web:dev\n", name="t.yml"), "2.0")
    [w] = [w for w in res.warnings if w.rule == RULE]
    assert (w.path, w.line) == ("services.web.image", 3)
    assert "tags the built image as `example/web:dev`" in w.message
