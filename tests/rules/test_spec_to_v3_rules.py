"""spec -> 3.x rules (SV3-1 ... SV3-7): what `docker stack deploy` users get, and every loss reported."""

from __future__ import annotations

from .tools import check_transformed


def _rules(res: object, attr: str) -> list[str]:
    return [x.rule for x in getattr(res, attr)]


def test_version_written_with_its_minor() -> None:
    check_transformed(
        "services:\n  web:\n    image: nginx\n", 'version: "3.0"\nservices:\n  web:\n    image: nginx\n', "3.0"
    )


def test_spec_only_keys_are_removed_with_warnings() -> None:
    res = check_transformed(
        "name: shop\nservices:\n  web:\n    image: nginx\n    profiles: [debug]\n    pull_policy: always\n"
        "    develop:\n      watch: []\n",
        'version: "3.9"\nservices:\n  web:\n    image: nginx\n',
        "3.9",
    )
    paths = sorted(w.path for w in res.warnings if w.rule == "sv3_unsupported_keys")
    assert paths == ["name", "services.web.develop", "services.web.profiles", "services.web.pull_policy"]
    (profiles,) = [w for w in res.warnings if w.path == "services.web.profiles"]
    assert "profile" in profiles.message and "docker stack deploy" in profiles.message and profiles.lossy


def test_extension_fields_below_3_4_go_and_stay_from_3_4() -> None:
    res = check_transformed(
        "x-owner: shop-team\nservices:\n  web:\n    image: nginx\n",
        'version: "3.3"\nservices:\n  web:\n    image: nginx\n',
        "3.3",
    )
    assert [w.path for w in res.warnings] == ["x-owner"]
    check_transformed(
        "x-owner: shop-team\nservices:\n  web:\n    image: nginx\n",
        'version: "3.4"\nx-owner: shop-team\nservices:\n  web:\n    image: nginx\n',
        "3.4",
    )


def test_depends_on_conditions_are_lost_with_a_warning() -> None:
    res = check_transformed(
        "services:\n  db:\n    image: pg\n  api:\n    image: a\n    depends_on:\n      db:\n"
        "        condition: service_healthy\n        restart: true\n",
        'version: "3.9"\nservices:\n  db:\n    image: pg\n  api:\n    image: a\n    depends_on:\n      - db\n',
        "3.9",
    )
    (w,) = [w for w in res.warnings if w.rule == "sv3_depends_on"]
    assert "healthy" in w.message and "restarted" in w.message


def test_started_condition_is_lossless() -> None:
    res = check_transformed(
        "services:\n  db:\n    image: pg\n  api:\n    image: a\n    depends_on:\n      db:\n"
        "        condition: service_started\n",
        'version: "3.9"\nservices:\n  db:\n    image: pg\n  api:\n    image: a\n    depends_on:\n      - db\n',
        "3.9",
    )
    assert res.warnings == []


def test_external_name_goes_back_to_the_old_form_only_where_needed() -> None:
    before = "services:\n  s:\n    image: x\nnetworks:\n  n:\n    external: true\n    name: corp\n"
    check_transformed(
        before,
        'version: "3.4"\nservices:\n  s:\n    image: x\nnetworks:\n  n:\n    external:\n      name: corp\n',
        "3.4",
    )
    check_transformed(before, 'version: "3.5"\n' + before, "3.5")


def test_resources_move_to_deploy() -> None:
    res = check_transformed(
        "services:\n  web:\n    image: nginx\n    cpus: 1.5\n    mem_reservation: 256m\n    scale: 3\n",
        'version: "3.8"\nservices:\n  web:\n    image: nginx\n    deploy:\n      resources:\n'
        '        limits:\n          cpus: "1.5"\n        reservations:\n          memory: 256m\n      replicas: 3\n',
        "3.8",
    )
    assert res.warnings == []


def test_cgroup_becomes_cgroupns_mode_on_3_9_and_is_dropped_below() -> None:
    check_transformed(
        "services:\n  web:\n    image: nginx\n    cgroup: host\n",
        'version: "3.9"\nservices:\n  web:\n    image: nginx\n    cgroupns_mode: host\n',
        "3.9",
    )
    res = check_transformed(
        "services:\n  web:\n    image: nginx\n    cgroup: host\n",
        'version: "3.8"\nservices:\n  web:\n    image: nginx\n',
        "3.8",
    )
    assert [w.path for w in res.warnings] == ["services.web.cgroup"]


def test_yaml12_values_keep_their_meaning_for_yaml11_readers() -> None:
    res = check_transformed(
        "services:\n  s:\n    image: x\n    environment:\n      DEBUG: on\n"
        "    ports:\n      - 2122:22\n      - 8080:80\n",
        'version: "3.8"\nservices:\n  s:\n    image: x\n    environment:\n      DEBUG: "on"\n    ports:\n'
        '      - "2122:22"\n      - 8080:80\n',
        "3.8",
    )
    assert sorted(c.path for c in res.changes if c.rule == "sv3_yaml12_quoting") == [
        "services.s.environment.DEBUG",
        "services.s.ports[0]",
    ]
