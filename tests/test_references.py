"""extends/include problems reach `validate` the way `config` finds them."""

from __future__ import annotations

from pathlib import Path

import compose_migrate as cm

from .conftest import SHARED

EXT = SHARED / "corpus" / "docker-compose" / "extends"


def _codes(path: Path | str) -> list[tuple[str, str, int]]:
    r = cm.validate(cm.load(path))
    return [(f.code, str(f.severity), f.line) for f in r.findings]


def test_an_extends_cycle_across_two_files() -> None:
    assert ("CM302", "error", 6) in _codes(EXT / "circle-1.yml")


def test_docker_compose_1_would_not_extend_a_service_with_links_or_a_container_network() -> None:
    assert [c for c, _, _ in _codes(EXT / "invalid-links.yml")] == ["CM310"]
    assert [c for c, _, _ in _codes(EXT / "invalid-net.yml")] == ["CM310"]
    assert [c for c, _, _ in _codes(EXT / "invalid-net-v2.yml")] == ["CM310"]


def test_an_extended_service_still_without_image_or_build() -> None:
    assert _codes(EXT / "service-with-invalid-schema.yml") == [("CM228", "error", 1)]
    assert cm.validate(cm.load(EXT / "service-with-valid-composite-extends.yml")).valid


def test_an_include_cycle() -> None:
    codes = _codes(SHARED / "corpus/compose-go/loader/testdata/compose-include-cycle.yaml")
    assert any(c == "CM302" for c, _, _ in codes)


def test_a_remote_extends_file_is_a_warning_not_a_missing_file() -> None:
    codes = _codes(SHARED / "corpus/compose-go/loader/testdata/remote/nested/compose.yaml")
    assert codes == [("CM301", "warning", 4)]


def test_a_fragment_without_images_is_warned_and_a_broken_service_is_an_error(tmp_path: Path) -> None:
    frag = tmp_path / "fragment.yml"
    frag.write_text("services:\n  web:\n    ports:\n      - '8080:80'\n")
    assert _codes(frag) == [("CM228", "warning", 2)]
    broken = tmp_path / "compose.yaml"
    broken.write_text("services:\n  web:\n    image: nginx:1.25\n  worker:\n    command: run\n")
    assert _codes(broken) == [("CM228", "error", 4)]


def test_the_engines_own_networks_need_no_declaration() -> None:
    assert cm.validate(cm.load(SHARED / "corpus/docker-compose/networks/bridge.yml")).valid


def test_references_are_judged_on_the_loaded_text_not_read_again(tmp_path: Path) -> None:
    """validate() resolves extends from the document it was given (no second read of the file)."""
    (tmp_path / "base.yml").write_text('version: "2.4"\nservices:\n  web:\n    image: nginx\n', encoding="utf-8")
    main = tmp_path / "compose.yml"
    good = 'version: "2.4"\nservices:\n  app:\n    extends:\n      file: base.yml\n      service: web\n'
    main.write_text(good, encoding="utf-8")
    assert cm.validate(cm.load(main)).valid
    edited = cm.load(text=good.replace("service: web", "service: nope"), name=str(main))
    codes = [(f.code, f.line) for f in cm.validate(edited).findings]
    assert ("CM303", 4) in codes, codes  # the text's extends target is missing, whatever the disk says
