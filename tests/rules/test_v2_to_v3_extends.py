"""V2-11: `extends` is inlined with Compose's merge rules; `file:` paths are rebased."""

from __future__ import annotations

from pathlib import Path

import pytest

from compose_migrate import load, migrate

from .tools import check_transformed


def test_a_file_without_extends_records_nothing() -> None:
    res = migrate(load(text='version: "2.4"\nservices:\n  web:\n    image: nginx:1.25\n'), "3.8")
    assert [c for c in res.changes if c.rule == "v2_extends_inline"] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            'version: "2.4"\nservices:\n  base:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n'
            '  web:\n    extends: base\n    ports:\n      - "443:443"\n',
            'version: "3.8"\nservices:\n  base:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n'
            '  web:\n    image: nginx:1.25\n    ports:\n      - "80:80"\n      - "443:443"\n',
            id="ports of the base and the service are both kept",
        ),
        pytest.param(
            'version: "2.4"\nservices:\n  base:\n    image: nginx:1.25\n    environment:\n      - A=1\n      - B=2\n'
            "  web:\n    extends:\n      service: base\n    image: nginx:1.26\n    environment:\n      - B=3\n",
            'version: "3.8"\nservices:\n  base:\n    image: nginx:1.25\n    environment:\n      - A=1\n      - B=2\n'
            "  web:\n    image: nginx:1.26\n    environment:\n      - A=1\n      - B=3\n",
            id="the service wins on scalars and on each environment key",
        ),
        pytest.param(
            'version: "2.4"\nservices:\n  a:\n    image: nginx:1.25\n    mem_limit: 1g\n  b:\n    extends: a\n',
            'version: "3.8"\nservices:\n  a:\n    image: nginx:1.25\n    deploy:\n      resources:\n        limits:\n'
            "          memory: 1g\n  b:\n    image: nginx:1.25\n    deploy:\n      resources:\n        limits:\n"
            "          memory: 1g\n",
            id="keys inherited through extends are migrated like the service's own",
        ),
    ],
)
def test_transformed(before: str, after: str) -> None:
    check_transformed(before, after, "3.8")


def test_a_base_in_another_directory_has_its_paths_rebased(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "app").mkdir()
    (tmp_path / "lib" / "base.yml").write_text(
        'version: "2.4"\nservices:\n  svc:\n    build:\n      context: ./src\n    volumes:\n'
        "      - ./conf:/etc/conf\n      - data:/data\n"
    )
    main = tmp_path / "app" / "compose.yml"
    main.write_text(
        'version: "2.4"\nservices:\n  web:\n    extends:\n      file: ../lib/base.yml\n      service: svc\n'
    )
    res = migrate(load(main), "3.8")
    assert "context: ../lib/src" in res.output
    assert "- ../lib/conf:/etc/conf" in res.output
    assert "- data:/data" in res.output
    assert "extends" not in res.output
