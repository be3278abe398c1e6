"""Turning a 2.1+ `depends_on` mapping into the 3.x list, shared by V2-12 and V2-13."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from ... import yamledit
from ..base import Context
from ._common import Site, service_sites

LOSSLESS_CONDITIONS = (None, "service_started")


def conditions(mapping: CommentedMap) -> dict[str, Any]:
    return {str(name): (entry.get("condition") if isinstance(entry, dict) else None) for name, entry in mapping.items()}


def mapping_sites(ctx: Context) -> list[Site]:
    return [s for s in service_sites(ctx, "depends_on") if isinstance(s.value, CommentedMap)]


def to_list(ctx: Context, site: Site, message: str) -> None:
    mapping = site.value
    seq = yamledit.new_seq([k for k in mapping], flow=bool(mapping.fa.flow_style()))
    yamledit.replace_key(site.dm, site.key, site.key, seq)
    ctx.change(site.path, message, also=tuple(site.paths))
