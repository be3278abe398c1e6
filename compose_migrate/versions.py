"""Compose file format versions as one ordered type.

Rules and checks compare `ComposeVersion` values, never strings.
V1 < 2.0 < ... < 2.4 < 3.0 < ... < 3.13 < SPEC.  3.10-3.13 exist only for
`docker stack deploy` (docker/cli schemas).
"""

from __future__ import annotations

import enum


class ComposeVersion(enum.Enum):
    V1 = "1"
    V2_0 = "2.0"
    V2_1 = "2.1"
    V2_2 = "2.2"
    V2_3 = "2.3"
    V2_4 = "2.4"
    V3_0 = "3.0"
    V3_1 = "3.1"
    V3_2 = "3.2"
    V3_3 = "3.3"
    V3_4 = "3.4"
    V3_5 = "3.5"
    V3_6 = "3.6"
    V3_7 = "3.7"
    V3_8 = "3.8"
    V3_9 = "3.9"
    V3_10 = "3.10"
    V3_11 = "3.11"
    V3_12 = "3.12"
    V3_13 = "3.13"
    SPEC = "spec"

    @property
    def rank(self) -> int:
        return _ORDER[self]

    # All four written out: total_ordering's derived ones cost a call more each,
    # and the catalog compares versions tens of thousands of times as it loads.
    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ComposeVersion):
            return NotImplemented
        return _ORDER[self] < _ORDER[other]

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ComposeVersion):
            return NotImplemented
        return _ORDER[self] <= _ORDER[other]

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, ComposeVersion):
            return NotImplemented
        return _ORDER[self] > _ORDER[other]

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, ComposeVersion):
            return NotImplemented
        return _ORDER[self] >= _ORDER[other]

    def __str__(self) -> str:
        return self.value

    @property
    def major(self) -> int | None:
        """1, 2 or 3; None for the Compose Specification."""
        if self is ComposeVersion.SPEC:
            return None
        return int(self.value.split(".")[0])

    @property
    def is_legacy(self) -> bool:
        """True for every format that was read as YAML 1.1 (v1, 2.x, 3.x)."""
        return self is not ComposeVersion.SPEC

    @property
    def stack_only(self) -> bool:
        """3.10-3.13 were only ever read by `docker stack deploy`."""
        return ComposeVersion.V3_10 <= self <= ComposeVersion.V3_13

    @property
    def label(self) -> str:
        """How people name the format: `1`, `2.4`, `3.8`, `Compose Specification`."""
        return "Compose Specification" if self is ComposeVersion.SPEC else self.value

    @classmethod
    def parse(cls, text: str) -> ComposeVersion:
        """Parse a user-given version (`1`, `2`, `2.4`, `3`, `3.10`, `spec`).

        `2` and `3` mean 2.0 and 3.0, as docker-compose read them.
        Raises ValueError for anything that is not a Compose format.
        """
        t = str(text).strip().lower()
        if t in ("spec", "compose-spec", "compose spec", "latest"):
            return cls.SPEC
        if t in ("1", "1.0", "v1"):
            return cls.V1
        if t in ("2", "3"):
            t += ".0"
        t = t.lstrip("v")
        for v in cls:
            if v.value == t:
                return v
        raise ValueError(f"no such Compose file format version: {text!r}")

    @classmethod
    def all_legacy(cls) -> list[ComposeVersion]:
        return [v for v in cls if v is not cls.SPEC]


_ORDER = {v: i for i, v in enumerate(ComposeVersion)}

V1 = ComposeVersion.V1
SPEC = ComposeVersion.SPEC
