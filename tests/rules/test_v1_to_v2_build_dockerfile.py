from __future__ import annotations

import pytest

from compose_migrate import load, migrate
from compose_migrate.findings import ComposeMigrateError

from .tools import check_noop, check_transformed

RULE = "build_dockerfile"


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("web:\n  build: .\n", id="a build without dockerfile stays a string"),
        pytest.param("web:\n  image: nginx:1.25\n", id="an image service has nothing to move"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0", rule=RULE)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "web:\n  build: ./app\n  dockerfile: Dockerfile.dev\n  ports:\n    - 8000:8000\n",
            'version: "2"\nservices:\n  web:\n    build:\n      context: ./app\n      dockerfile: Dockerfile.dev\n'
            "    ports:\n      - 8000:8000\n",
            id="build becomes a mapping where build was",
        ),
        pytest.param(
            "web:\n  dockerfile: Dockerfile.dev  # dev\n  build: .\n",
            'version: "2"\nservices:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev  # dev\n',
            id="dockerfile written before build moves into it with its comment",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "2.0")


def test_dockerfile_without_build_is_refused() -> None:
    doc = load(text="web:\n  image: nginx:1.25\n  dockerfile: Dockerfile\n", name="t.yml")
    with pytest.raises(ComposeMigrateError, match="`dockerfile` without `build`"):
        migrate(doc, "2.0")
