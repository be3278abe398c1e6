"""What reading a script produces: the finding codes and `FromRunResult`.

Shared by the flag handlers, the command parser and the Compose writer, so it
sits below all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, Severity

# Finding codes of this module.
NOT_RUN = "CM700"  # a line that is not a docker command we convert (skipped)
NO_MEANING = "CM701"  # a flag with no Compose meaning (noted)
UNKNOWN_FLAG = "CM702"  # a flag we do not know
APPROX = "CM703"  # converted, but not exactly: what differs
BAD_VALUE = "CM704"  # a flag value we cannot read
CANNOT_HOLD = "CM710"  # the target format lacks a key the commands need


@dataclass
class FromRunResult:
    """What a script's docker commands stand for, in Compose Specification form."""

    file: str
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    networks: dict[str, dict[str, Any]] = field(default_factory=dict)
    volumes: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[Finding] = field(default_factory=list)
    # where each service key came from: (service, key) -> (line, col, flag)
    origins: dict[tuple[str, str], tuple[int, int, str]] = field(default_factory=dict)
    # The project Compose's own labels (com.docker.compose.project) name, and the
    # engine names of the networks and volumes they label -> their Compose keys.
    project: str = ""
    network_keys: dict[str, str] = field(default_factory=dict)
    volume_keys: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.notes if f.severity is Severity.ERROR]

    def document(self) -> dict[str, Any]:
        """The Compose Specification mapping."""
        doc: dict[str, Any] = {"services": self.services}
        if self.networks:
            doc["networks"] = self.networks
        if self.volumes:
            doc["volumes"] = self.volumes
        return doc
