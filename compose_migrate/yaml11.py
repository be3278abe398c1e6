"""YAML 1.1 versus YAML 1.2: how an unquoted plain scalar is read, and the traps.

Legacy Compose files (v1, 2.x, 3.x) were read by PyYAML (YAML 1.1); Compose
Specification files are read by go-yaml v3 (YAML 1.2 core schema, except that
a leading-zero integer such as ``0440`` is still octal).  Our own round-trip
reader (ruamel.yaml) uses 1.2, so these functions tell what the *other*
readers saw.

The resolvers are written from the type specs (yaml.org/type/*.html for 1.1,
YAML 1.2.2 section 10.3 for the core schema) with the deviations of the
readers Compose used, which are noted where they matter:

* PyYAML leaves out the 1.1 booleans ``y``/``n`` (go-yaml v2, used by
  ``docker stack deploy``, has them) and needs a signed exponent (``1.0e+3``).
* go-yaml v3 reads ``0440`` as octal and drops ``_`` from numbers.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass

from compose_migrate.findings import Finding, Severity

__all__ = [
    "MODE_PATHS",
    "PORT_PATHS",
    "STRING_MAP_PATHS",
    "Pitfall",
    "path_kind",
    "pitfalls",
    "resolve_plain_11",
    "resolve_plain_12",
]

# --------------------------------------------------------------------------- path tables
# Patterns: `*` is any run of characters without brackets (so it also covers
# keys containing dots, and v1 files whose services sit at the root); `[]` is
# any sequence index.  Matched against the whole path.

PORT_PATHS = (
    "*.ports[]",
    "*.expose[]",
)

# Maps and lists whose values Compose wants as strings (numbers tolerated,
# booleans refused by the 2.x/3.x schemas since docker-compose 1.7.0).
STRING_MAP_PATHS = (
    "*.environment.*",
    "*.environment[]",
    "*.labels.*",
    "*.labels[]",
    "*.args.*",
    "*.args[]",
    "*.extra_hosts.*",
    "*.extra_hosts[]",
    "*.sysctls.*",
    "*.sysctls[]",
    "*.annotations.*",
    "*.annotations[]",
    "*.driver_opts.*",
    "*.log_opt.*",
    "*.logging.options.*",
    "*.ipam.options.*",
)

# File permission modes (numbers; the Compose docs write them in octal).
MODE_PATHS = (
    "*.secrets[].mode",
    "*.configs[].mode",
    "*.volumes[].tmpfs.mode",
)


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    pieces = []
    for p in patterns:
        rx = re.escape(p).replace(r"\[\]", r"\[\d+\]").replace(r"\*", r"[^\[\]]+")
        pieces.append(rx)
    return re.compile("^(?:" + "|".join(pieces) + ")$")


_PORT_RX = _compile(PORT_PATHS)
_STRING_MAP_RX = _compile(STRING_MAP_PATHS)
_MODE_RX = _compile(MODE_PATHS)


# Every path of the tables above names one of these: most paths name none and
# are answered without trying the tables.
_ANY_KIND_RX = re.compile(
    r"ports\[|expose\[|mode|environment|labels|args|extra_hosts|sysctls|annotations|driver_opts|log_opt|options"
)


def path_kind(path: str) -> str | None:
    """'port', 'string-map', 'mode' or None for a Finding-style path."""
    if not _ANY_KIND_RX.search(path):
        return None
    if _PORT_RX.match(path):
        return "port"
    if _MODE_RX.match(path):
        return "mode"
    if _STRING_MAP_RX.match(path):
        return "string-map"
    return None


# --------------------------------------------------------------------------- YAML 1.1

_BOOL_11 = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}
# The YAML 1.1 spec (and go-yaml v2) also read these; PyYAML does not.
_BOOL_11_SHORT = {"y": True, "Y": True, "n": False, "N": False}
_NULL = frozenset(("", "~", "null", "Null", "NULL"))

_INT_11 = re.compile(
    r"""[-+]?(?:
        0b[01_]+                       # binary
      | 0[0-7_]+                       # octal: any leading zero
      | 0x[0-9a-fA-F_]+                # hexadecimal
      | 0 | [1-9][0-9_]*               # decimal
      | [1-9][0-9_]*(?::[0-5]?[0-9])+  # base 60
    )""",
    re.X,
)
_FLOAT_11 = re.compile(
    r"""(?:
        [-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?   # exponent sign is mandatory
      | \.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
      | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*    # base 60
      | [-+]?\.(?:inf|Inf|INF)
      | \.(?:nan|NaN|NAN)
    )""",
    re.X,
)
_TIMESTAMP = re.compile(
    r"""(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})
        (?:(?:[Tt]|[ \t]+)(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})
        (?:\.(?P<fraction>[0-9]*))?
        (?:[ \t]*(?P<tz>Z|(?P<tz_sign>[-+])(?P<tz_hour>[0-9]{1,2})(?::(?P<tz_minute>[0-9]{2}))?))?)?""",
    re.X,
)
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _sexagesimal(parts: list[str], cast: type[int] | type[float]) -> int | float:
    total = cast(0)
    for part in parts:
        total = total * 60 + cast(part)
    return total


def _int_11(text: str) -> int:
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    value = value.lstrip("+-")
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if ":" in value:
        return sign * int(_sexagesimal(value.split(":"), int))
    if len(value) > 1 and value[0] == "0":
        return sign * int(value, 8)
    return sign * int(value)


def _float_11(text: str) -> float:
    value = text.replace("_", "").lower()
    sign = -1.0 if value[0] == "-" else 1.0
    value = value.lstrip("+-")
    if value == ".inf":
        return sign * math.inf
    if value == ".nan":
        return math.nan
    if ":" in value:
        return sign * float(_sexagesimal(value.split(":"), float))
    return sign * float(value)


def _timestamp(text: str) -> datetime.date | datetime.datetime | None:
    m = _TIMESTAMP.fullmatch(text)
    if m is None:
        return None
    try:
        return _timestamp_value(m, text)
    except ValueError:
        return None  # 2024-13-45: the pattern of a date, but no real one (PyYAML fails on it)


def _timestamp_value(m: re.Match[str], text: str) -> datetime.date | datetime.datetime | None:
    if m.group("hour") is None:
        # A date alone must be written with two-digit month and day.
        if not _DATE_ONLY.fullmatch(text):
            return None
        return datetime.date(int(m["year"]), int(m["month"]), int(m["day"]))
    micro = int((m["fraction"] or "0")[:6].ljust(6, "0"))
    tz: datetime.tzinfo | None = None
    if m["tz"] == "Z":
        tz = datetime.timezone.utc
    elif m["tz"]:
        delta = datetime.timedelta(hours=int(m["tz_hour"]), minutes=int(m["tz_minute"] or 0))
        tz = datetime.timezone(-delta if m["tz_sign"] == "-" else delta)
    return datetime.datetime(
        int(m["year"]),
        int(m["month"]),
        int(m["day"]),
        int(m["hour"]),
        int(m["minute"]),
        int(m["second"]),
        micro,
        tzinfo=tz,
    )


def resolve_plain_11(text: str) -> object:
    """The value PyYAML (YAML 1.1, docker-compose 1.x) gives an unquoted plain scalar."""
    if text in _NULL:
        return None
    if text in _BOOL_11:
        return _BOOL_11[text]
    first = text[0]
    if first in "-+0123456789.":
        # Same order as PyYAML: float, then int, then timestamp.
        if _FLOAT_11.fullmatch(text):
            return _float_11(text)
        if _INT_11.fullmatch(text):
            try:
                return _int_11(text)
            except ValueError:  # `0b_`: PyYAML fails on it too; keep the text
                return text
        if first.isdigit():
            stamp = _timestamp(text)
            if stamp is not None:
                return stamp
    return text


# --------------------------------------------------------------------------- YAML 1.2

_BOOL_12 = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_12 = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_INF_12 = re.compile(r"[-+]?\.(?:inf|Inf|INF)")
_NAN_12 = re.compile(r"\.(?:nan|NaN|NAN)")
# go-yaml v3 accepts a float only in this shape (then strconv.ParseFloat).
_GO_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_GO_INT = re.compile(r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)")


def _go_int(plain: str) -> int | None:
    # strconv.ParseInt(s, 0, 64), then ParseUint for the unsigned range.
    if not _GO_INT.fullmatch(plain):
        return None
    sign = -1 if plain[0] == "-" else 1
    body = plain.lstrip("+-").lower()
    if body.startswith("0x"):
        value = int(body[2:], 16)
    elif body.startswith("0b"):
        value = int(body[2:], 2)
    elif body.startswith("0o"):
        value = int(body[2:], 8)
    elif len(body) > 1 and body[0] == "0":
        value = int(body, 8)
    else:
        value = int(body)
    value *= sign
    if -(2**63) <= value < 2**64:
        return value
    return None


def _resolve_go_yaml(text: str) -> object:
    if text in _NULL:
        return None
    if text in _BOOL_12:
        return _BOOL_12[text]
    if _INF_12.fullmatch(text):
        return -math.inf if text[0] == "-" else math.inf
    if _NAN_12.fullmatch(text):
        return math.nan
    first = text[0]
    if first == ".":
        return float(text) if _GO_FLOAT.fullmatch(text) else text
    if first in "-+0123456789":
        plain = text.replace("_", "")
        if plain:
            as_int = _go_int(plain)
            if as_int is not None:
                return as_int
            if _GO_FLOAT.fullmatch(plain):
                value = float(plain)
                if not math.isinf(value):  # strconv.ParseFloat fails on 1e400: a string
                    return value
    # Timestamps stay strings here; go_timestamp says which ones go-yaml takes for a date.
    return text


# go-yaml v3 tries these layouts on a plain scalar that starts with a 4-digit
# year and `-` (time.Parse: 1- or 2-digit month, day, hour, minute, second).
_GO_STAMP = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[-+]\d{2}:\d{2})"
    r"| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?"
)


def go_timestamp(text: str) -> bool:
    """Whether go-yaml v3 reads this plain scalar as a timestamp (a real date and time)."""
    m = _GO_STAMP.fullmatch(text)
    if m is None:
        return False
    try:
        datetime.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return False
    clock = [int(g) for g in m.groups()[3:] if g is not None]
    return not clock or (clock[0] < 24 and clock[1] < 60 and clock[2] < 60)


def go_float_text(value: float) -> str:
    """A float as Go's strconv.FormatFloat(f, 'g', -1, 64) writes it: 8, 1000, 1e+06, 1.5e-05."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0" if math.copysign(1.0, value) < 0 else "0"
    import decimal

    sign, digits, exponent = decimal.Decimal(repr(abs(value))).normalize().as_tuple()
    assert isinstance(exponent, int)
    shown = "".join(map(str, digits))
    exp = len(digits) + exponent - 1  # of the first digit
    minus = "-" if value < 0 else ""
    if exp < -4 or exp >= 6:  # shortest form: %e from an exponent of 6 (Go uses 6 as the precision)
        mantissa = shown[0] + ("." + shown[1:] if len(shown) > 1 else "")
        return f"{minus}{mantissa}e{'-' if exp < 0 else '+'}{abs(exp):02d}"
    if exp < 0:
        return f"{minus}0.{'0' * (-exp - 1)}{shown}"
    if len(shown) <= exp + 1:
        return minus + shown + "0" * (exp + 1 - len(shown))
    return f"{minus}{shown[: exp + 1]}.{shown[exp + 1 :]}"


def resolve_plain_12(text: str, *, go_yaml: bool = False) -> object:
    """The value a YAML 1.2 core-schema reader gives an unquoted plain scalar.

    With ``go_yaml=True``: what go-yaml v3 (docker compose v2) gives, i.e.
    ``0440`` is octal 288, ``0b101`` and ``1_000`` are numbers.
    """
    if go_yaml:
        return _resolve_go_yaml(text)
    if text in _NULL:
        return None
    if text in _BOOL_12:
        return _BOOL_12[text]
    if _INT_12.fullmatch(text):
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text)
    if _FLOAT_12.fullmatch(text):
        return float(text)
    if _INF_12.fullmatch(text):
        return -math.inf if text[0] == "-" else math.inf
    if _NAN_12.fullmatch(text):
        return math.nan
    return text


# --------------------------------------------------------------------------- pitfalls

BASE60 = "yaml11-base60"
BOOL_STRING = "yaml11-bool-in-string-map"
SHORT_BOOL = "yaml11-y-n-boolean"
NUMBER_STRING = "yaml-number-in-string-map"
OCTAL_MODE = "yaml-octal-mode"
DECIMAL_MODE = "yaml-decimal-mode"
MODE_0O = "yaml12-0o-mode"
VALUE_KEY = "yaml11-unreadable"
DATE = "yaml-date"

_QUOTE = "quote it"
# Permission digits people write: none, r, r-x, rw-, rwx.
_MODE_DIGITS = frozenset("04567")


@dataclass(frozen=True)
class Pitfall:
    code: str
    severity: Severity
    message: str
    hint: str
    path: str
    # What each reader makes of the scalar (legacy: PyYAML; spec: go-yaml v3).
    value_11: object = None
    value_12: object = None

    def to_finding(self, line: int = 0, col: int = 0, file: str = "") -> Finding:
        return Finding(self.code, self.severity, self.message, self.path, line, col, self.hint, file)


def _looks_like_mode(octal_digits: str) -> bool:
    """`440`, `644`, `755`: each digit r-based and not more open than the one before."""
    if len(octal_digits) != 3 or not set(octal_digits) <= _MODE_DIGITS:
        return False
    return octal_digits[0] >= octal_digits[1] >= octal_digits[2]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _base60(text: str, path: str, kind: str | None, legacy: bool, v11: object, v12: object) -> Pitfall:
    shown = _quoted(text)
    what = "integer" if isinstance(v11, int) else "number"
    if not legacy:
        return Pitfall(
            BASE60,
            Severity.INFO,
            f"unquoted {text} is a string for Compose v2 but YAML 1.1 readers (docker-compose 1.x, "
            f"PyYAML-based tools) read it as the base-60 {what} {v11}",
            f"{_QUOTE} as {shown} so every reader agrees",
            path,
            v11,
            v12,
        )
    if kind == "port":
        if isinstance(v11, int) and 1 <= v11 <= 65535:
            return Pitfall(
                BASE60,
                Severity.WARNING,
                f"unquoted {text} is read by YAML 1.1 as the base-60 integer {v11}: a valid but different port",
                f"{_QUOTE} as {shown}",
                path,
                v11,
                v12,
            )
        return Pitfall(
            BASE60,
            Severity.ERROR,
            f"unquoted {text} is read by YAML 1.1 as the base-60 {what} {v11}, which is not a valid port (1-65535)",
            f"{_QUOTE} as {shown}",
            path,
            v11,
            v12,
        )
    return Pitfall(
        BASE60,
        Severity.WARNING,
        f"unquoted {text} is read by YAML 1.1 as the base-60 {what} {v11}, not the text {text!r}",
        f"{_QUOTE} as {shown}",
        path,
        v11,
        v12,
    )


def _mode_pitfalls(text: str, path: str, legacy: bool, v11: object, v12: object) -> list[Pitfall]:
    out: list[Pitfall] = []
    fmt = "YAML 1.1" if legacy else "go-yaml (docker compose v2)"
    value = v11 if legacy else v12
    body = text.lstrip("+")
    if re.fullmatch(r"0[0-7]+", body) and isinstance(value, int):
        # Every Compose reader agrees; only strict YAML 1.2 tools (ruamel) say decimal.
        out.append(
            Pitfall(
                OCTAL_MODE,
                Severity.INFO,
                f"{text} is octal {value} (0o{value:o}) for {fmt}; a strict YAML 1.2 reader would "
                f"see decimal {int(body)}",
                "keep it unquoted and with its leading zero",
                path,
                v11,
                v12,
            )
        )
    elif re.fullmatch(r"[1-7][0-7]{2}", body) and isinstance(value, int):
        meant, actual = body, f"{value:o}"
        looks_intended = _looks_like_mode(actual)
        if _looks_like_mode(meant) and not looks_intended:
            out.append(
                Pitfall(
                    DECIMAL_MODE,
                    Severity.WARNING,
                    f"{text} is decimal {value} = 0o{actual} ({_rwx(value)}), not octal; did you mean 0{meant}?",
                    f"write 0{meant} (octal) or its decimal value {int(meant, 8)}",
                    path,
                    v11,
                    v12,
                )
            )
        elif _looks_like_mode(meant):
            out.append(
                Pitfall(
                    DECIMAL_MODE,
                    Severity.INFO,
                    f"{text} is decimal {value} = 0o{actual} ({_rwx(value)}); if octal 0{meant} "
                    f"was meant, write it with a leading zero",
                    f"write 0{meant} for octal",
                    path,
                    v11,
                    v12,
                )
            )
    elif legacy and re.fullmatch(r"0o[0-7]+", text):
        out.append(
            Pitfall(
                MODE_0O,
                Severity.ERROR,
                f"{text} is a string for YAML 1.1 (the 0o octal prefix is YAML 1.2): the mode should be a number",
                f"write 0{text[2:].lstrip('0') or '0'} (leading zero) instead",
                path,
                v11,
                v12,
            )
        )
    return out


def _rwx(mode: int) -> str:
    if mode > 0o777:
        return "sets setuid/setgid/sticky bits"
    return "".join(c if mode & (1 << (8 - i)) else "-" for i, c in enumerate("rwxrwxrwx"))


def pitfalls(plain_scalar_text: str, path: str, *, legacy: bool) -> list[Pitfall]:
    """Traps in one UNQUOTED plain scalar at `path`.

    `legacy` is True for v1/2.x/3.x files (read by PyYAML, YAML 1.1) and False
    for Compose Specification files (read by go-yaml v3).  Quoted scalars are
    strings for every reader: do not pass them.
    """
    text = plain_scalar_text
    if not text:
        return []
    if text == "=" and legacy:
        # PyYAML resolves a plain `=` to the tag !!value and has no constructor
        # for it: docker-compose 1.x stopped with "could not determine a constructor".
        return [
            Pitfall(
                VALUE_KEY,
                Severity.ERROR,
                "an unquoted = is YAML 1.1's value key: docker-compose 1.x cannot read it "
                "(could not determine a constructor for the tag 'tag:yaml.org,2002:value')",
                f'{_QUOTE} as "="',
                path,
                "=",
                "=",
            )
        ]
    first = text[0]
    # Cheap exits: only these first characters can resolve to non-strings, and
    # without a `:` only mode and string-map fields have traps.
    if first not in "-+.0123456789yYnNoOtTfF":
        return []
    if first.isdigit() and not _EXTENSION.search(path):
        dated = _date_pitfall(text, path, legacy)
        if dated is not None:
            return [dated]
    if legacy and _unreadable_11(text):
        return [
            Pitfall(
                VALUE_KEY,
                Severity.ERROR,
                f"unquoted {text} has the form of a YAML 1.1 number but is none: "
                "docker-compose 1.x cannot read the file (PyYAML fails on it)",
                f"{_QUOTE} as {_quoted(text)}",
                path,
                text,
                resolve_plain_12(text, go_yaml=True),
            )
        ]
    kind = path_kind(path)
    if ":" not in text and kind not in ("mode", "string-map"):
        return []
    v11 = resolve_plain_11(text)
    v12 = resolve_plain_12(text, go_yaml=True)
    out: list[Pitfall] = []

    if ":" in text and isinstance(v11, (int, float)) and not isinstance(v11, bool):
        out.append(_base60(text, path, kind, legacy, v11, v12))
        return out

    if kind == "mode":
        return _mode_pitfalls(text, path, legacy, v11, v12)

    if kind == "string-map":
        out.extend(_string_map_pitfalls(text, path, legacy, v11, v12))
    return out


# Extension fields (`x-...`) take any value, dates included.
_EXTENSION = re.compile(r"(?:^|\.)x-")


def _unreadable_11(text: str) -> bool:
    """PyYAML resolves it as a number (`0x_`, `0b_`) and then fails to build one.

    Only a prefix followed by underscores alone can fail so: the `_` test keeps
    the regexes off the many numbers a file holds."""
    return (
        "_" in text
        and bool(_INT_11.fullmatch(text) or _FLOAT_11.fullmatch(text))
        and isinstance(resolve_plain_11(text), str)
    )


def _date_pitfall(text: str, path: str, legacy: bool) -> Pitfall | None:
    """An unquoted date: docker-compose 1.x read a date object (or failed on an
    impossible one), Compose v2 reads a time.Time; no Compose field takes either."""
    if legacy:
        m = _TIMESTAMP.fullmatch(text)
        if m is None or (m.group("hour") is None and not _DATE_ONLY.fullmatch(text)):
            return None
        if isinstance(resolve_plain_11(text), str):
            message = (
                f"unquoted {text} has the form of a YAML 1.1 date but is not a real one: "
                "docker-compose 1.x cannot read the file (PyYAML fails on it)"
            )
        else:
            message = (
                f"unquoted {text} is a date for YAML 1.1 (docker-compose 1.x), not text: no Compose field takes it"
            )
    elif go_timestamp(text):
        message = (
            f"unquoted {text} is a date for Compose v2 (go-yaml: a time.Time), not text: no Compose field takes it"
        )
    else:
        return None
    return Pitfall(DATE, Severity.ERROR, message, f"{_QUOTE} as {_quoted(text)}", path, text, text)


def _string_map_pitfalls(text: str, path: str, legacy: bool, v11: object, v12: object) -> list[Pitfall]:
    out: list[Pitfall] = []
    shown = _quoted(text)
    if isinstance(v11, bool):
        if legacy:
            out.append(
                Pitfall(
                    BOOL_STRING,
                    Severity.ERROR,
                    f"{text} is the boolean {str(v11).lower()} under YAML 1.1, which is an invalid "
                    f"type here: values must be a string, number or null",
                    f"{_QUOTE} as {shown}",
                    path,
                    v11,
                    v12,
                )
            )
        elif not isinstance(v12, bool):
            out.append(
                Pitfall(
                    BOOL_STRING,
                    Severity.WARNING,
                    f"{text} is the string {text!r} for Compose v2 but the boolean "
                    f"{str(v11).lower()} for YAML 1.1 readers (docker-compose 1.x, PyYAML-based tools)",
                    f"{_QUOTE} as {shown} so every reader agrees",
                    path,
                    v11,
                    v12,
                )
            )
        return out
    if text in _BOOL_11_SHORT:
        out.append(
            Pitfall(
                SHORT_BOOL,
                Severity.WARNING,
                f"{text} is a string for PyYAML and go-yaml v3, but YAML 1.1 readers such as go-yaml v2 "
                f"(docker stack deploy) read it as the boolean {str(_BOOL_11_SHORT[text]).lower()}",
                f"{_QUOTE} as {shown}",
                path,
                v11,
                v12,
            )
        )
        return out
    if legacy and isinstance(v11, str) and isinstance(v12, (int, float)) and not isinstance(v12, bool):
        passed = _as_env_text(v12, False)
        if passed != text:
            # `08`, `0X1F`, `1e3`: text for docker-compose 1.x, a number for Compose v2.
            out.append(
                Pitfall(
                    NUMBER_STRING,
                    Severity.WARNING,
                    f"unquoted {text} is the string {text!r} for docker-compose 1.x, but Compose v2 reads a number "
                    f"and passes it on as {passed!r}",
                    f"{_QUOTE} as {shown} so every reader agrees",
                    path,
                    v11,
                    v12,
                )
            )
        return out
    value = v11 if legacy else v12
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        passed = _as_env_text(value, legacy)
        if passed != text:
            # Both readers take a leading zero as octal (`ZIP: 01234` -> 668).
            octal = bool(re.fullmatch(r"[-+]?0[0-7_]+", text))
            why = "octal" if octal else "a number"
            out.append(
                Pitfall(
                    NUMBER_STRING,
                    Severity.WARNING,
                    f"unquoted {text} is read as {why} and passed on as {passed!r}",
                    f"{_QUOTE} as {shown} to keep the text",
                    path,
                    v11,
                    v12,
                )
            )
    return out


def _as_env_text(value: int | float, legacy: bool) -> str:
    # How Compose turns a number into an environment/label string: Python's
    # str() in docker-compose 1.x, Go's shortest form in docker compose v2.
    if legacy or isinstance(value, int):
        return str(value)
    return go_float_text(value)
