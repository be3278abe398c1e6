"""docs/docker-run-flags.md, generated from the flag table."""

from __future__ import annotations

from .flags import FLAGS


def flags_markdown() -> str:
    """docs/docker-run-flags.md, generated from FLAGS (a test keeps them in step)."""
    from ..catalog import compact, versions_accepting

    lines = [
        "# docker run flags and their Compose keys",
        "",
        "Generated from `compose_migrate.fromrun.FLAGS` by `flags_markdown()`;",
        "tests/test_fromrun.py fails when this file and the table drift apart.",
        "`compose-migrate from-run` reads these flags; `compose-migrate to-run` writes them back.",
        "Formats: the Compose file formats whose schema has the key (from the project's catalog).",
        "",
        "| Flag | Short | Value | Compose key | Formats | Notes |",
        "|---|---|---|---|---|---|",
    ]
    for f in FLAGS:
        long = ", ".join([f"`{f.long}`", *(f"`{a}`" for a in f.aliases)])
        short = f"`{f.short}`" if f.short else ""
        if f.key and not f.key.startswith("("):
            top = f.key.split(".", 1)[0]
            formats = compact(versions_accepting(f"services.*.{top}"))
            key = f"`{f.key}`"
        else:
            formats, key = "", f.key or "(none: noted)"
        note = f.note
        if not f.key:
            note = note or "no Compose meaning; reported as a note"
        lines.append(f"| {long} | {short} | {'yes' if f.value else 'no'} | {key} | {formats} | {note} |")
    lines += [
        "",
        "Also read: `docker network create NAME` (`--driver`, `--subnet`, `--gateway`, `--ip-range`,",
        "`--internal`, `--attachable`, `--ipv6`, `--opt`, `--label`) becomes `networks.NAME`;",
        "`docker volume create NAME` (`--driver`, `--opt`, `--label`) becomes `volumes.NAME`.",
        "`--network name=NET,alias=A,ip=IP` (the multi-network form) is read too, and",
        "`docker network connect [--alias A] [--ip IP] [--ip6 IP] NET CONTAINER` adds NET to that container's service.",
        "",
        "Compose's own labels, as Compose and `to-run` write them, are read back rather than kept:",
        "`com.docker.compose.network=KEY` / `com.docker.compose.volume=KEY` on a created network or volume",
        "give its Compose key (`name:` when its engine name is not `PROJECT_KEY`);",
        "`com.docker.compose.service=SERVICE` on a container gives its service name (`container_name:` when",
        "its `--name` is not `PROJECT-SERVICE-1`); `com.docker.compose.project` names the project.",
        "A `--network-alias` equal to the service name is dropped (Compose adds it anyway), and so is a",
        "service's lone `default` network.",
        "",
    ]
    return "\n".join(lines)
