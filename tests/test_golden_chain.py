"""The voting app's golden chain: v1 -> 2.0 -> 3.8 -> spec, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

import compose_migrate as cm
from compose_migrate.diffing import normalise, semantic_diff
from compose_migrate.validation.schema import schema_findings

from .conftest import ROOT, SHARED

APP = ROOT / "fixtures" / "voting-app"
CHAIN = [
    (APP / "v1" / "docker-compose.yml", "2.0", APP / "v2" / "docker-compose.yml"),
    (APP / "v2" / "docker-compose.yml", "3.8", APP / "v3" / "docker-compose.yml"),
    (APP / "v3" / "docker-compose.yml", "spec", APP / "spec" / "compose.yaml"),
]


@pytest.mark.parametrize(("src", "to", "expected"), CHAIN, ids=["v1 to 2.0", "2.0 to 3.8", "3.8 to spec"])
def test_each_step_gives_the_next_file(src: Path, to: str, expected: Path) -> None:
    res = cm.migrate(cm.load(src), to)
    assert res.output == expected.read_text(encoding="utf-8")
    out = cm.load(expected)
    assert out.version is cm.ComposeVersion.parse(to)
    assert schema_findings(out.data, out.version) == []
    assert cm.validate(out).valid
    # Every comment line of the step's input is still there.
    comments = [ln.strip() for ln in src.read_text().splitlines() if ln.strip().startswith("#")]
    for c in comments:
        assert c in res.output
    # A second run changes nothing.
    assert not cm.migrate(out, to).changed


def test_the_whole_chain_in_one_call_gives_the_same_file() -> None:
    res = cm.migrate(cm.load(APP / "v1" / "docker-compose.yml"), "spec")
    assert res.output == (APP / "spec" / "compose.yaml").read_text(encoding="utf-8")


def test_links_become_depends_on_and_a_shared_network() -> None:
    spec = cm.load(APP / "spec" / "compose.yaml").data
    services = spec["services"]
    assert services["worker"]["depends_on"] == ["db", "redis"]
    assert all(svc["networks"] == ["links"] for svc in services.values())
    assert "links" in spec["networks"]
    assert not any("links" in svc for svc in services.values())


def test_our_v2_against_the_authors_own_v2_rewrite() -> None:
    """The app's authors converted their v1 file (87d9e8e) to version 2 by hand
    (94c0d7b, "Convert app to use Compose file 2"). Migrating the same v1 file
    with compose-migrate leaves exactly these differences, each explained."""
    history = SHARED / "corpus" / "voting-app"
    ours = cm.migrate(cm.load(history / "docker-compose.yml@2015-11-15-87d9e8e.yml"), "2.0")
    theirs = cm.load(history / "docker-compose.yml@2016-01-25-94c0d7b.yml")
    ours_doc = cm.load(text=ours.output)
    diff = semantic_diff(ours_doc.data, ours_doc.version, theirs.data, theirs.version)
    remaining = {(d.path, d.kind) for d in diff}
    assert remaining == {
        # Their v1 file had no links (the app reached redis and db through
        # Compose 1.5's experimental networking); they added links by hand
        # while converting.  We add nothing the v1 file did not say.
        ("services.voting-app.links", "added"),
        ("services.worker.links", "added"),
        ("services.result-app.links", "added"),
        # V1-7: a v1 named volume was an engine volume literally named
        # `myvolume`.  We declare it external so the existing data is used;
        # the authors declared a new, project-scoped (empty) volume.
        ("volumes.myvolume.external", "removed"),
    }
    assert (
        normalise(ours_doc.data, ours_doc.version)["services"]["db"]
        == normalise(theirs.data, theirs.version)["services"]["db"]
    )
