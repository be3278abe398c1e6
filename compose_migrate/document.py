"""Document: one Compose file's text, readings and detected version.

One object carries everything a check or a rule needs, so nothing re-reads
or re-parses the file: the original text (for byte-identical output), the
YAML 1.1 reading (legacy formats), the YAML 1.2 reading (Compose
Specification), node positions for findings, and on demand the ruamel
round-trip tree for rewriting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import loading
from .loading import DEFAULT_MAX_BYTES, Parsed, Source
from .yamlpath import PathParts

if TYPE_CHECKING:
    from .findings import DetectResult
    from .versions import ComposeVersion


@dataclass
class Document:
    source: Source
    r11: Parsed
    _r12: Parsed | None = None
    _detection: DetectResult | None = field(default=None, repr=False)

    # -- identity and text -------------------------------------------------
    @property
    def name(self) -> str:
        return self.source.name

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def newline(self) -> str:
        return self.source.newline

    # -- readings ----------------------------------------------------------
    @property
    def r12(self) -> Parsed:
        if self._r12 is None:
            self._r12 = loading.reading_12(self.r11, self.text, name=self.name)
        return self._r12

    @property
    def detection(self) -> DetectResult:
        if self._detection is None:
            from .detect import detect_document

            self._detection = detect_document(self)
        return self._detection

    @property
    def version(self) -> ComposeVersion | None:
        return self.detection.version

    def reading(self, version: ComposeVersion | None = None) -> Parsed:
        """The reading the given (default: detected) format's engines used."""
        from .versions import ComposeVersion

        v = version if version is not None else self.version
        return self.r12 if v is ComposeVersion.SPEC else self.r11

    @property
    def data(self) -> Any:
        """Plain data as this file's own format reads it."""
        return self.reading().data

    def position(self, path: PathParts, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of a path; with key=True, of the mapping key."""
        from .positions import position

        return position(self.r11.node, path, key=key)

    # -- rewriting -----------------------------------------------------------
    def load_tree(self) -> tuple[Any, Any]:
        """A fresh ruamel round-trip tree and its configured YAML() instance."""
        from .roundtrip import load_tree

        return load_tree(self.text, name=self.name)

    def encode(self, text: str) -> bytes:
        """Bytes to write back: the BOM goes back where it was."""
        data = text.encode("utf-8")
        return b"\xef\xbb\xbf" + data if self.source.bom else data


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    text: str | None = None,
    name: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read a Compose file (a path, `-` for stdin, or text) into a Document.

    Inputs over `max_bytes` (default 10 MB) are refused before they are
    parsed. Raises ComposeMigrateError, with a located finding, for anything
    that is not a readable YAML document.
    """
    if text is not None:
        src = loading.decode_source(text.encode("utf-8"), name=name or "<text>", max_bytes=max_bytes)
    elif path is not None:
        src = loading.read_source(os.fspath(path), max_bytes=max_bytes, display=name)
    else:
        raise TypeError("load() needs a path or text")
    return Document(source=src, r11=loading.parse(src.text, name=src.name, yaml11=True))
