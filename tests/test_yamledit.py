"""yamledit: every helper as load -> edit -> dump, compared with the exact expected text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from compose_migrate import yamledit as ye

CASES = Path(__file__).resolve().parents[1].parent / "shared" / "cases"


def _yaml() -> YAML:
    # Local stand-in for loading.new_yaml(): quotes kept (set before loading), no wrapping.
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def load(text: str) -> Any:
    return _yaml().load(text)


def dump(data: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


def check(before: str, edit: Callable[[Any], object], after: str) -> None:
    """Edit once and compare; edit a second time (on a fresh load of the result) and expect no change."""
    before, after = dedent(before), dedent(after)
    data = load(before)
    assert dump(data) == before, "fixture must round-trip unchanged"
    edit(data)
    assert dump(data) == after
    again = load(after)
    edit(again)
    assert dump(again) == after, "edit is not idempotent"


# --------------------------------------------------------------------------- case 016


def _case016(name: str) -> str:
    path = CASES / "016-comment-after-version-key" / name
    assert path.is_file(), f"shared case file missing: {path}"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("input.yml", "expected.yml", id="comment block after version stays above services"),
        pytest.param("input-header.yml", "expected-header.yml", id="header stays, eol comment leaves"),
    ],
)
def test_case_016_delete_version(source: str, expected: str) -> None:
    data = load(_case016(source))
    assert ye.delete_key(data, "version")
    assert dump(data) == _case016(expected)


def test_case_016_header_and_block_after_version() -> None:
    check(
        """\
        # Stack for the billing team
        version: "3.8"  # do not bump without QA

        # Application services.
        services:
          api:
            image: example/api:1
        """,
        lambda d: ye.delete_key(d, "version"),
        """\
        # Stack for the billing team

        # Application services.
        services:
          api:
            image: example/api:1
        """,
    )


# --------------------------------------------------------------------------- delete_key


def test_delete_middle_key_keeps_block_above_next() -> None:
    check(
        """\
        a: 1  # eol a
        b: 2  # eol b
        # about c
        # more about c
        c: 3
        """,
        lambda d: ye.delete_key(d, "b"),
        """\
        a: 1  # eol a
        # about c
        # more about c
        c: 3
        """,
    )


def test_delete_keeps_comment_above_deleted_key() -> None:
    check(
        """\
        a: 1
        # about b
        b: 2

        # about c
        c: 3
        """,
        lambda d: ye.delete_key(d, "b"),
        """\
        a: 1
        # about b

        # about c
        c: 3
        """,
    )


def test_delete_last_key_moves_block_to_end_of_parent() -> None:
    check(
        """\
        services:
          web:
            image: a
            restart: always  # eol
            # about db
          db:
            image: b
        """,
        lambda d: ye.delete_key(d["services"]["web"], "restart"),
        """\
        services:
          web:
            image: a
            # about db
          db:
            image: b
        """,
    )


def test_delete_nested_map_value_drops_its_inner_comments_only() -> None:
    check(
        """\
        services:
          web:
            logging:  # eol logging
              # inside logging
              driver: syslog
              options:
                tag: web  # eol tag
                # still inside options
            # about image
            image: a
        """,
        lambda d: ye.delete_key(d["services"]["web"], "logging"),
        """\
        services:
          web:
            # about image
            image: a
        """,
    )


def test_delete_first_nested_key_moves_block_below_parent_line() -> None:
    check(
        """\
        x:
          y:
            z:
              first: 1  # eol

              # about second
              second: 2
        """,
        lambda d: ye.delete_key(d["x"]["y"]["z"], "first"),
        """\
        x:
          y:
            z:
              # about second
              second: 2
        """,
    )


def test_delete_first_nested_key_after_parent_comment() -> None:
    check(
        """\
        x:
          y:  # eol y
            # header of y
            first: 1
            # about second
            second: 2
        """,
        lambda d: ye.delete_key(d["x"]["y"], "first"),
        """\
        x:
          y:  # eol y
            # header of y
            # about second
            second: 2
        """,
    )


def test_delete_sequence_valued_key() -> None:
    check(
        """\
        web:
          links:
            - "db:mysql"  # alias
            # after the link
          # about image
          image: wordpress:6
        """,
        lambda d: ye.delete_key(d["web"], "links"),
        """\
        web:
          # about image
          image: wordpress:6
        """,
    )


def test_delete_missing_key_is_noop() -> None:
    data = load("a: 1\n")
    assert not ye.delete_key(data, "b")
    assert dump(data) == "a: 1\n"


# --------------------------------------------------------------------------- rename_key


def test_rename_keeps_position_value_and_comments() -> None:
    check(
        """\
        web:
          image: a
          net: "container:cache"   # three spaces kept
          # about logging
          log_driver: syslog
        """,
        lambda d: ye.rename_key(d["web"], "net", "network_mode"),
        """\
        web:
          image: a
          network_mode: "container:cache"   # three spaces kept
          # about logging
          log_driver: syslog
        """,
    )


def test_rename_key_with_nested_map_value() -> None:
    check(
        """\
        a: 0
        log_opt:  # eol
          # first option
          tag: x
        # about b
        b: 1
        """,
        lambda d: ye.rename_key(d, "log_opt", "options"),
        """\
        a: 0
        options:  # eol
          # first option
          tag: x
        # about b
        b: 1
        """,
    )


def test_rename_refuses_to_overwrite() -> None:
    data = load("a: 1\nb: 2\n")
    with pytest.raises(KeyError):
        ye.rename_key(data, "a", "b")


# --------------------------------------------------------------------------- insert_key


def test_insert_after_sibling_goes_above_next_keys_comment() -> None:
    check(
        """\
        a: 1  # eol a
        # about b
        b: 2
        """,
        lambda d: ye.insert_key(d, "n", 3, after="a"),
        """\
        a: 1  # eol a
        n: 3
        # about b
        b: 2
        """,
    )


def test_insert_before_sibling() -> None:
    check(
        """\
        a: 1

        # about b
        b: 2
        """,
        lambda d: ye.insert_key(d, "n", "x", before="b", comment="new"),
        """\
        a: 1
        n: x  # new

        # about b
        b: 2
        """,
    )


def test_insert_at_end_of_nested_map_stays_inside_it() -> None:
    check(
        """\
        services:
          web:
            image: a  # eol
          # about db
          db:
            image: b
        """,
        lambda d: ye.insert_key(d["services"]["web"], "restart", "always"),
        """\
        services:
          web:
            image: a  # eol
            restart: always
          # about db
          db:
            image: b
        """,
    )


def test_insert_at_end_goes_after_commented_out_last_key() -> None:
    check(
        """\
        web:
          image: a
          # restart: always
        db:
          image: b
        """,
        lambda d: ye.insert_key(d["web"], "init", True),
        """\
        web:
          image: a
          # restart: always
          init: true
        db:
          image: b
        """,
    )


def test_insert_at_index_zero_keeps_header_on_top() -> None:
    check(
        """\
        # header
        services:
          web:
            image: a
        """,
        lambda d: ye.insert_key(d, "version", ye.quote_scalar("2.4"), index=0),
        """\
        # header
        version: "2.4"
        services:
          web:
            image: a
        """,
    )


def test_insert_block_map_and_list() -> None:
    def edit(d: Any) -> None:
        ye.insert_key(d["db"], "networks", ye.new_map({"default": ye.new_map({"aliases": ye.new_seq(["mysql"])})}))
        ye.insert_key(d["wordpress"], "depends_on", ye.new_seq(["db"]), after="environment")

    check(
        """\
        wordpress:
          image: wordpress:6
          environment:
            WORDPRESS_DB_HOST: mysql:3306
        db:
          image: mysql:8.0
        """,
        edit,
        """\
        wordpress:
          image: wordpress:6
          environment:
            WORDPRESS_DB_HOST: mysql:3306
          depends_on:
            - db
        db:
          image: mysql:8.0
          networks:
            default:
              aliases:
                - mysql
        """,
    )


def test_insert_flow_list_with_comment() -> None:
    check(
        """\
        web:
          image: a
        """,
        lambda d: ye.insert_key(d["web"], "ports", ye.new_seq(["80:80"], flow=True), comment="# public"),
        """\
        web:
          image: a
          ports: [80:80]  # public
        """,
    )


def test_insert_existing_key_sets_value_in_place() -> None:
    check(
        """\
        a: 1
        b: 2  # eol
        c: 3
        """,
        lambda d: ye.insert_key(d, "b", 5, after="c"),
        """\
        a: 1
        b: 5  # eol
        c: 3
        """,
    )


# --------------------------------------------------------------------------- replace_key


def test_replace_scalar_with_scalar_net_to_network_mode() -> None:
    check(
        """\
        web:
          image: a
          net: bridge  # eol
          # about ports
          ports: []
        """,
        lambda d: "net" in d["web"] and ye.replace_key(d["web"], "net", "network_mode", d["web"]["net"]),
        """\
        web:
          image: a
          network_mode: bridge  # eol
          # about ports
          ports: []
        """,
    )


def test_replace_scalar_with_block_map_build_context() -> None:
    def edit(d: Any) -> None:
        web = d["web"]
        if isinstance(web["build"], str):
            build = ye.new_map({"context": web["build"], "dockerfile": web["dockerfile"]})
            ye.replace_key(web, "build", "build", build)
            ye.delete_key(web, "dockerfile")

    check(
        """\
        web:
          build: .  # the app
          dockerfile: Dockerfile.dev
          # about net
          net: bridge
        """,
        edit,
        """\
        web:
          build:  # the app
            context: .
            dockerfile: Dockerfile.dev
          # about net
          net: bridge
        """,
    )


def test_replace_block_map_with_scalar_keeps_following_block() -> None:
    check(
        """\
        web:
          build:  # eol
            context: .
            # inside build
          # about image
          image: a
        """,
        lambda d: ye.replace_key(d["web"], "build", "build", "."),
        """\
        web:
          build: .  # eol
          # about image
          image: a
        """,
    )


# --------------------------------------------------------------------------- move_key


def test_move_key_into_new_logging_map() -> None:
    """log_driver + log_opt -> logging: {driver, options} (case 023 shape)."""

    def edit(d: Any) -> None:
        web = d["web"]
        if "log_driver" in web:
            logging = ye.new_map({"driver": web["log_driver"]})
            ye.replace_key(web, "log_driver", "logging", logging)
            ye.move_key(web, "log_opt", logging, new_key="options")

    check(
        """\
        web:
          image: a
          log_driver: syslog  # eol driver
          # the options
          log_opt:
            syslog-address: "tcp://logs.example.test:514"  # eol address
          # about net
          net: bridge
        """,
        edit,
        """\
        web:
          image: a
          logging:  # eol driver
            driver: syslog
            # the options
            options:
              syslog-address: "tcp://logs.example.test:514"  # eol address
          # about net
          net: bridge
        """,
    )


def test_move_key_between_services_after_sibling() -> None:
    check(
        """\
        services:
          a:
            image: x
            # about mem
            mem_limit: 1g  # eol
            # about cpus
            cpus: 1
          b:
            image: y
            restart: always
        """,
        lambda d: ye.move_key(d["services"]["a"], "mem_limit", d["services"]["b"], after="image"),
        """\
        services:
          a:
            image: x
            # about cpus
            cpus: 1
          b:
            image: y
            # about mem
            mem_limit: 1g  # eol
            restart: always
        """,
    )


def test_move_key_three_levels_deeper() -> None:
    def edit(d: Any) -> None:
        web = d["services"]["web"]
        if "mem_limit" in web:
            limits = ye.ensure_map(ye.ensure_map(ye.ensure_map(web, "deploy"), "resources"), "limits")
            ye.move_key(web, "mem_limit", limits, new_key="memory")

    check(
        """\
        services:
          web:
            image: a
            mem_limit: 512m  # swarm reads it under deploy
            restart: always
        """,
        edit,
        """\
        services:
          web:
            image: a
            restart: always
            deploy:
              resources:
                limits:
                  memory: 512m  # swarm reads it under deploy
        """,
    )


# --------------------------------------------------------------------------- scalars


def test_set_scalar_keeps_quote_style_and_comment_gap() -> None:
    check(
        """\
        version: "2"   # pinned
        name: 'app'
        plain: x
        """,
        lambda d: (ye.set_scalar(d, "version", "2.4"), ye.set_scalar(d, "name", "app2")),
        """\
        version: "2.4"   # pinned
        name: 'app2'
        plain: x
        """,
    )


def test_quote_scalar_styles() -> None:
    assert isinstance(ye.quote_scalar("x"), DoubleQuotedScalarString)
    assert isinstance(ye.quote_scalar("x", "'"), SingleQuotedScalarString)
    with pytest.raises(ValueError):
        ye.quote_scalar("x", "`")
    data = load("a: 1\n")
    ye.set_scalar(data, "a", ye.quote_scalar("service:cache"))
    assert dump(data) == 'a: "service:cache"\n'


# --------------------------------------------------------------------------- ensure_map


def test_ensure_map_creates_block_map_after_sibling() -> None:
    def edit(d: Any) -> None:
        nets = ye.ensure_map(d["services"]["db"], "networks", after="image")
        ye.insert_key(nets, "default", None)

    check(
        """\
        services:
          db:
            image: mysql:8.0  # eol
            # about restart
            restart: always
        """,
        edit,
        """\
        services:
          db:
            image: mysql:8.0  # eol
            networks:
              default:
            # about restart
            restart: always
        """,
    )


def test_ensure_map_returns_existing_and_refuses_scalar() -> None:
    data = load("a:\n  b: 1\nc: 2\n")
    assert ye.ensure_map(data, "a") is data["a"]
    with pytest.raises(TypeError):
        ye.ensure_map(data, "c")


# --------------------------------------------------------------------------- merge keys

MERGE_DOC = """\
x-base: &base
  image: a  # from base
  restart: always
services:
  web:
    <<: *base
    ports: [80]
"""


def test_own_and_merged_keys() -> None:
    data = load(MERGE_DOC)
    web = data["services"]["web"]
    assert ye.own_keys(web) == ["ports"]
    assert ye.is_merged_key(web, "restart")
    assert not ye.is_merged_key(web, "ports")
    assert ye.defining_map(web, "restart") is data["x-base"]
    assert ye.defining_map(web, "ports") is web
    assert ye.merge_sources(web) == [data["x-base"]]
    with pytest.raises(KeyError):
        ye.defining_map(web, "nope")


def test_merged_key_edits_are_refused() -> None:
    data = load(MERGE_DOC)
    web = data["services"]["web"]
    for edit in (
        lambda: ye.delete_key(web, "restart"),
        lambda: ye.replace_key(web, "restart", "x", 1),
        lambda: ye.set_scalar(web, "image", "b"),
        lambda: ye.move_key(web, "image", data),
    ):
        with pytest.raises(ye.MergedKeyError):
            edit()
    assert dump(data) == MERGE_DOC


def test_edit_merged_key_through_defining_map() -> None:
    check(
        MERGE_DOC,
        lambda d: (
            "image" in d["services"]["web"]
            and ye.rename_key(ye.defining_map(d["services"]["web"], "image"), "image", "img")
        ),
        """\
        x-base: &base
          img: a  # from base
          restart: always
        services:
          web:
            <<: *base
            ports: [80]
        """,
    )


def test_delete_in_anchor_is_seen_by_merging_map() -> None:
    data = load(MERGE_DOC)
    web = data["services"]["web"]
    ye.delete_key(ye.defining_map(web, "restart"), "restart")
    assert "restart" not in web
    out = dump(data)
    assert out == MERGE_DOC.replace("  restart: always\n", "")
    assert "restart" not in load(out)["services"]["web"]


def test_insert_around_merge_entry() -> None:
    check(
        """\
        base: &b
          k: 1
        m:
          a: 1
          <<: *b
          z: 2
        """,
        lambda d: (ye.insert_key(d["m"], "after_a", 1, after="a"), ye.insert_key(d["m"], "before_z", 2, before="z")),
        """\
        base: &b
          k: 1
        m:
          a: 1
          after_a: 1
          <<: *b
          before_z: 2
          z: 2
        """,
    )


# --------------------------------------------------------------------------- wrap_under


def test_wrap_under_moves_v1_services_with_comments() -> None:
    def edit(d: Any) -> None:
        ye.wrap_under(d, "services", [k for k in ye.own_keys(d) if k not in ("version", "services")])

    check(
        """\
        # Stack header

        web:  # front
          build: .
          links:
            - db  # name resolution
          # about ports
          ports:
            - "80:80"
        # the database
        db:
          image: 'postgres:16'   # pinned
        """,
        edit,
        """\
        # Stack header

        services:
          web:  # front
            build: .
            links:
              - db  # name resolution
            # about ports
            ports:
              - "80:80"
          # the database
          db:
            image: 'postgres:16'   # pinned
        """,
    )


def test_wrap_under_then_insert_version() -> None:
    def edit(d: Any) -> None:
        ye.wrap_under(d, "services", [k for k in ye.own_keys(d) if k not in ("version", "services")])
        ye.insert_key(d, "version", ye.quote_scalar("2.4"), index=0)

    check(
        """\
        # header
        web:
          image: a
        """,
        edit,
        """\
        # header
        version: "2.4"
        services:
          web:
            image: a
        """,
    )


def test_wrap_under_keeps_lines_of_a_key_that_stays() -> None:
    check(
        """\
        x-keep: 1
        # about web
        web:
          image: a
          # inside web
        # about volumes
        volumes:
          data: {}
        """,
        lambda d: ye.wrap_under(d, "services", ["web"]),
        """\
        x-keep: 1
        # about web
        services:
          web:
            image: a
            # inside web
        # about volumes
        volumes:
          data: {}
        """,
    )


# --------------------------------------------------------------------------- sequences


def test_seq_append_keeps_following_block_after_list() -> None:
    check(
        """\
        web:
          depends_on:
            - db  # first
            # after db
          # about image
          image: a
        """,
        lambda d: ye.seq_append(d["web"]["depends_on"], "cache"),
        """\
        web:
          depends_on:
            - db  # first
            # after db
            - cache
          # about image
          image: a
        """,
    )


def test_seq_append_flow() -> None:
    check(
        """\
        ports: [80, 443]  # public
        next: 1
        """,
        lambda d: ye.seq_append(d["ports"], 8080),
        """\
        ports: [80, 443, 8080]  # public
        next: 1
        """,
    )


def test_seq_remove_keeps_other_item_comments() -> None:
    data = load(
        dedent(
            """\
            l:
              - a  # eol a
              # about b
              - b  # eol b
              # about c
              - c  # eol c
            k: 1
            """
        )
    )
    assert ye.seq_remove(data["l"], 1) == "b"
    assert dump(data) == dedent(
        """\
        l:
          - a  # eol a
          # about b
          # about c
          - c  # eol c
        k: 1
        """
    )
    assert ye.seq_remove(data["l"], 0) == "a"
    assert dump(data) == dedent(
        """\
        l:
          # about b
          # about c
          - c  # eol c
        k: 1
        """
    )


# --------------------------------------------------------------------------- styles


def test_flow_to_block_list_keeps_comments() -> None:
    check(
        """\
        web:
          links: [db, cache]  # eol links
          # about image
          image: a
        """,
        lambda d: ye.set_collection_style(d["web"], "links", flow=False),
        """\
        web:
          links:  # eol links
            - db
            - cache
          # about image
          image: a
        """,
    )


def test_block_to_flow_list_keeps_following_block() -> None:
    check(
        """\
        web:
          links:  # eol links
            - db
            - cache
          # about image
          image: a
        """,
        lambda d: ye.set_collection_style(d["web"], "links", flow=True),
        """\
        web:
          links: [db, cache]  # eol links
          # about image
          image: a
        """,
    )


def test_new_map_styles() -> None:
    data = load("a: 1\n")
    ye.insert_key(data, "f", ye.new_map({"x": 1}, flow=True))
    ye.insert_key(data, "b", ye.new_map([("y", 2)]))
    assert dump(data) == "a: 1\nf: {x: 1}\nb:\n  y: 2\n"
    assert isinstance(ye.new_map(), CommentedMap)


# --------------------------------------------------------------------------- whole-rule shapes


def _case(case: str, name: str) -> str:
    path = CASES / case / name
    assert path.is_file(), f"shared case file missing: {path}"
    return path.read_text(encoding="utf-8")


def _v1_to_v2(d: Any) -> None:
    """The case 023 edits, written only with yamledit helpers, in the order a rule chain would."""
    services = ye.wrap_under(d, "services", [k for k in ye.own_keys(d) if k not in ("version", "services")])
    if services is None:
        return
    ye.insert_key(d, "version", ye.quote_scalar("2.4"), index=0)
    for name, svc in services.items():
        if "dockerfile" in svc and isinstance(svc.get("build"), str):
            build = ye.new_map({"context": svc["build"], "dockerfile": svc["dockerfile"]})
            ye.replace_key(svc, "build", "build", build)
            ye.delete_key(svc, "dockerfile")
        if "net" in svc:
            net = str(svc["net"])
            if net.startswith("container:") and net.split(":", 1)[1] in services:
                net = "service:" + net.split(":", 1)[1]
            ye.replace_key(svc, "net", "network_mode", type(svc["net"])(net))
        if "log_driver" in svc:
            logging = ye.new_map({"driver": svc["log_driver"]})
            ye.replace_key(svc, "log_driver", "logging", logging)
            if "log_opt" in svc:
                ye.move_key(svc, "log_opt", logging, new_key="options")
        assert name


def test_case_023_shape_v1_to_v2() -> None:
    case = "023-v1-to-v2-net-dockerfile-logging"
    data = load(_case(case, "input.yml"))
    _v1_to_v2(data)
    assert dump(data) == _case(case, "expected.yml")


def test_case_023_shape_keeps_comments() -> None:
    check(
        """\
        # legacy stack
        web:
          build: .  # app source
          dockerfile: Dockerfile.dev
          net: "container:cache"   # share the cache's network
          log_driver: syslog
          log_opt:
            syslog-address: "tcp://logs.example.test:514"
        # the cache
        cache:
          image: redis:7
        """,
        _v1_to_v2,
        """\
        # legacy stack
        version: "2.4"
        services:
          web:
            build:  # app source
              context: .
              dockerfile: Dockerfile.dev
            network_mode: "service:cache"   # share the cache's network
            logging:
              driver: syslog
              options:
                syslog-address: "tcp://logs.example.test:514"
          # the cache
          cache:
            image: redis:7
        """,
    )


def test_case_025_shape_links_to_depends_on_and_alias() -> None:
    case = "025-links-alias-to-network-alias"

    def edit(d: Any) -> None:
        ye.delete_key(d, "version")
        services = d["services"]
        for svc in list(services.values()):
            if "links" not in svc:
                continue
            targets = []
            for link in svc["links"]:
                target, _, alias = str(link).partition(":")
                targets.append(target)
                if alias:
                    nets = ye.ensure_map(services[target], "networks")
                    default = nets.get("default") or ye.new_map()
                    if "default" not in nets:
                        ye.insert_key(nets, "default", default)
                    ye.seq_append(ye.ensure_map(nets, "default").setdefault("aliases", ye.new_seq()), alias)
            ye.replace_key(svc, "links", "depends_on", ye.new_seq(targets))

    data = load(_case(case, "input.yml"))
    edit(data)
    assert dump(data) == _case(case, "expected.yml")


def test_wrap_under_is_idempotent_and_refuses_clash() -> None:
    data = load("services:\n  web:\n    image: a\n")
    assert ye.wrap_under(data, "services", []) is data["services"]
    assert dump(data) == "services:\n  web:\n    image: a\n"
    data = load("services: {}\nweb:\n  image: a\n")
    with pytest.raises(KeyError):
        ye.wrap_under(data, "services", ["web"])


def test_move_key_is_noop_when_already_moved_and_refuses_clash() -> None:
    data = load("a:\n  x: 1\nb:\n  x: 2\n")
    assert not ye.move_key(data["a"], "nope", data["b"])
    with pytest.raises(KeyError):
        ye.move_key(data["a"], "x", data["b"])
    assert dump(data) == "a:\n  x: 1\nb:\n  x: 2\n"


def test_set_scalar_in_anchor_is_seen_through_merge() -> None:
    data = load(MERGE_DOC)
    web = data["services"]["web"]
    ye.set_scalar(ye.defining_map(web, "restart"), "restart", "unless-stopped")
    assert web["restart"] == "unless-stopped"
    assert dump(data) == MERGE_DOC.replace("restart: always", "restart: unless-stopped")


def test_alias_value_is_kept_when_key_is_renamed() -> None:
    check(
        """\
        x-env: &env
          A: 1
        services:
          web:
            env: *env
            image: a  # eol
        """,
        lambda d: ye.rename_key(d["services"]["web"], "env", "environment"),
        """\
        x-env: &env
          A: 1
        services:
          web:
            environment: *env
            image: a  # eol
        """,
    )


def test_quoted_scalars_untouched_by_unrelated_edits() -> None:
    check(
        """\
        a: "x"
        b: 'y'
        c: "8080:80"
        d: z
        """,
        lambda d: ye.delete_key(d, "d"),
        """\
        a: "x"
        b: 'y'
        c: "8080:80"
        """,
    )
