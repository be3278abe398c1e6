from __future__ import annotations

import pytest

from .tools import check_noop, check_transformed


@pytest.mark.parametrize(
    "before",
    [
        pytest.param('version: "2"\nservices:\n  web:\n    image: nginx:1.25\n', id="a 2.0 file is not a v1 file"),
    ],
)
def test_noop(before: str) -> None:
    check_noop(before, "2.0")


@pytest.mark.parametrize(
    ("before", "after", "to"),
    [
        pytest.param(
            "# app\nweb:\n  image: nginx:1.25\n",
            '# app\nversion: "2"\nservices:\n  web:\n    image: nginx:1.25\n',
            "2.0",
            id="the 2.0 target writes version 2 and keeps the header comment",
        ),
        pytest.param(
            "web:\n  image: nginx:1.25\n",
            'version: "2.3"\nservices:\n  web:\n    image: nginx:1.25\n',
            "2.3",
            id="another 2.x target writes its minor",
        ),
    ],
)
def test_transformed(before: str, after: str, to: str) -> None:
    check_transformed(before, after, to)
