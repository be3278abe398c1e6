"""to_spec rules (S-1 ... S-12): before/after pairs, no-ops, and what each records."""

from __future__ import annotations

from compose_migrate import load, migrate

from .tools import check_noop, check_transformed


def test_s1_version_only() -> None:
    check_transformed(
        'version: "3.8"\nservices:\n  web:\n    image: nginx\n', "services:\n  web:\n    image: nginx\n", "spec"
    )


def test_spec_file_is_left_alone() -> None:
    check_noop("services:\n  web:\n    image: nginx\n    links:\n      - db\n  db:\n    image: pg\n", "spec")


def test_s12_booleans_in_typed_fields() -> None:
    res = check_transformed(
        'version: "2.4"\nservices:\n  web:\n    image: nginx\n    privileged: yes\n    tty: off  # why\n',
        "services:\n  web:\n    image: nginx\n    privileged: true\n    tty: false  # why\n",
        "spec",
    )
    assert [c.path for c in res.changes if c.rule == "spec_yaml11_scalars"] == [
        "services.web.privileged",
        "services.web.tty",
    ]


def test_s12_base60_is_quoted_with_a_warning_and_plain_ports_stay() -> None:
    res = check_transformed(
        'version: "3.8"\nservices:\n  s:\n    image: x\n    ports:\n      - 2122:22\n      - 8080:80\n',
        'services:\n  s:\n    image: x\n    ports:\n      - "2122:22"\n      - 8080:80\n',
        "spec",
    )
    (w,) = [w for w in res.warnings if w.rule == "spec_yaml11_scalars"]
    assert (w.path, w.line) == ("services.s.ports[0]", 6)
    assert "base-60" in w.message and "127342" in w.message


def test_s12_octal_modes_stay_as_written() -> None:
    before = 'version: "3.8"\nservices:\n  s:\n    image: x\n    secrets:\n      - source: k\n        mode: 0440\n'
    before += "secrets:\n  k:\n    file: ./k\n"
    res = check_transformed(before, before.split("\n", 1)[1], "spec")
    assert [c.rule for c in res.changes] == ["drop_version"]


def test_s12_anchor_edited_once_for_every_alias() -> None:
    res = check_transformed(
        'version: "3.8"\nx-p: &p yes\nservices:\n  a:\n    image: x\n    privileged: *p\n',
        "x-p: &p true\nservices:\n  a:\n    image: x\n    privileged: *p\n",
        "spec",
    )
    (c,) = [c for c in res.changes if c.rule == "spec_yaml11_scalars"]
    assert c.path == "x-p"


def test_s4_cgroupns_mode() -> None:
    check_transformed(
        'version: "3.9"\nservices:\n  s:\n    image: x\n    cgroupns_mode: private  # ns\n',
        "services:\n  s:\n    image: x\n    cgroup: private  # ns\n",
        "spec",
    )


def test_s6_external_name_and_plain_external_untouched() -> None:
    check_transformed(
        'version: "3.5"\nservices:\n  s:\n    image: x\nnetworks:\n  a:\n    external:\n      name: corp\n'
        "  b:\n    external: true\n",
        "services:\n  s:\n    image: x\nnetworks:\n  a:\n    external: true\n    name: corp\n"
        "  b:\n    external: true\n",
        "spec",
    )


def test_s6_disagreeing_names_are_reported_not_guessed() -> None:
    before = (
        'version: "3.5"\nservices:\n  s:\n    image: x\nvolumes:\n  d:\n    name: one\n    external:\n      name: two\n'
    )
    res = migrate(load(text=before, name="t.yml"), "spec")
    (w,) = [w for w in res.warnings if w.rule == "spec_external_name"]
    assert "disagree" in w.message
    assert "external:\n      name: two" in res.output  # left for a person to decide


def test_s7_links_with_and_without_alias() -> None:
    res = check_transformed(
        'version: "2.4"\nservices:\n  app:\n    image: a\n    links: [db, "cache:redis"]\n    networks: [back]\n'
        "  db:\n    image: pg\n    networks: [back]\n  cache:\n    image: redis\n    networks:\n      back:\n"
        "networks:\n  back: {}\n",
        "services:\n  app:\n    image: a\n    depends_on:\n      - db\n      - cache\n    networks: [back]\n"
        "  db:\n    image: pg\n    networks: [back]\n  cache:\n    image: redis\n    networks:\n      back:\n"
        "        aliases:\n          - redis\nnetworks:\n  back: {}\n",
        "spec",
    )
    (w,) = [w for w in res.warnings if w.rule == "spec_links"]
    assert w.path == "services.app.links[1]" and "every service on that network" in w.message


def test_s7_existing_depends_on_is_extended() -> None:
    check_transformed(
        'version: "2.4"\nservices:\n  app:\n    image: a\n    depends_on:\n'
        "      db:\n        condition: service_healthy\n"
        "    links:\n      - cache\n  db:\n    image: pg\n  cache:\n    image: redis\n",
        "services:\n  app:\n    image: a\n    depends_on:\n      db:\n        condition: service_healthy\n"
        "      cache:\n        condition: service_started\n  db:\n    image: pg\n  cache:\n    image: redis\n",
        "spec",
    )


def test_s7_link_to_unknown_service_is_kept_with_a_warning() -> None:
    res = check_transformed(
        'version: "2"\nservices:\n  app:\n    image: a\n    links:\n      - legacy_db\n',
        "services:\n  app:\n    image: a\n    links:\n      - legacy_db\n",
        "spec",
    )
    assert any(w.rule == "spec_links" and "not a service" in w.message for w in res.warnings)


def test_s3_volume_driver() -> None:
    res = check_transformed(
        'version: "2"\nservices:\n  s:\n    image: x\n    volume_driver: flocker\n    volumes:\n      - /cache\n',
        "services:\n  s:\n    image: x\n    volumes:\n      - /cache\n",
        "spec",
    )
    assert any(w.rule == "spec_volume_driver" and "flocker" in w.message for w in res.warnings)


def test_s10_conflicting_limits_are_reported() -> None:
    res = check_transformed(
        'version: "2.4"\nservices:\n  s:\n    image: x\n    mem_limit: 1g\n    deploy:\n      resources:\n'
        "        limits:\n          memory: 512M\n",
        "services:\n  s:\n    image: x\n    mem_limit: 1g\n    deploy:\n      resources:\n"
        "        limits:\n          memory: 512M\n",
        "spec",
    )
    assert [w.path for w in res.warnings if w.rule == "spec_resource_conflicts"] == ["services.s.mem_limit"]
    check_noop(
        'version: "2.4"\nservices:\n  s:\n    image: x\n    mem_limit: 512m\n    deploy:\n      resources:\n'
        "        limits:\n          memory: 512M\n",
        "spec",
        rule="spec_resource_conflicts",
    )


def test_s11_pull_policy() -> None:
    check_transformed(
        'version: "3.8"\nservices:\n  s:\n    image: x\n    pull_policy: if_not_present\n',
        "services:\n  s:\n    image: x\n    pull_policy: missing\n",
        "spec",
    )
