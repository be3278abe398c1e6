"""Every finding code with a short title (SARIF rules, `--format sarif`, docs)."""

from __future__ import annotations

CODE_TITLES: dict[str, str] = {
    # Reading (loading.py, writing.py)
    "CM001": "file cannot be read",
    "CM002": "file over the size limit",
    "CM003": "not UTF-8 text, or cannot be written",
    "CM004": "cannot write the file",
    "CM005": "no such Compose file format version",
    "CM010": "YAML syntax error",
    "CM011": "alias bomb or self-referring alias",
    "CM012": "nesting too deep",
    "CM013": "YAML tag refused",
    "CM014": "duplicate key",
    "CM015": "key too long",
    # YAML readers (validation/yamlcheck.py)
    "CM048": "unquoted date, which no Compose field takes",
    "CM049": "key that YAML reads as a number, boolean or null (Compose v2 refuses it)",
    "CM050": "tab that docker-compose 1.x refuses",
    "CM051": "unquoted value read as a base-60 number by YAML 1.1",
    "CM052": "yes/no/on/off or true/false where a string is expected",
    "CM053": "y/n read as a boolean by some YAML 1.1 readers",
    "CM054": "unquoted number where a string is expected",
    "CM055": "octal mode (leading zero)",
    "CM056": "mode written in decimal that looks octal",
    "CM057": "0o-prefixed mode that YAML 1.1 reads as a string",
    "CM058": "unquoted value docker-compose 1.x cannot read (= or a malformed number or date)",
    "CM059": "YAML reader difference",
    # Interpolation (validation/interp.py)
    "CM060": "malformed ${...} expression",
    "CM061": "interpolation syntax this format does not support",
    "CM062": "required variable unset",
    "CM063": "variable unset",
    # Detection (detect.py)
    "CM100": "format not recognised",
    "CM101": "version written as a number",
    "CM102": "Compose Specification key in a versioned file",
    # Schema (validation/schema.py)
    "CM200": "schema violation",
    "CM201": "key not allowed here",
    "CM202": "value of the wrong type",
    "CM203": "required key missing",
    "CM204": "value not allowed",
    "CM205": "duplicate list item",
    # Semantics (validation/semantic.py)
    "CM220": "undefined service",
    "CM221": "undeclared network",
    "CM222": "undeclared named volume",
    "CM223": "undeclared secret",
    "CM224": "undeclared config",
    "CM225": "depends_on cycle",
    "CM226": "host port published twice",
    "CM227": "container_name on a scaled service",
    "CM228": "service without image or build",
    "CM229": "version 1 service with image and build",
    "CM230": "empty service",
    # check (validation/check.py)
    "CM240": "version 1 file not read by docker compose v2",
    "CM241": "obsolete version key",
    "CM242": "migrate would rewrite this file",
    "CM243": "migration could not be checked",
    # Projects of several files (project/)
    "CM300": "no Compose file found",
    "CM301": "a file the project names does not exist",
    "CM302": "include or extends cycle",
    "CM303": "extends names a service that does not exist",
    "CM304": "an included resource conflicts with one defined elsewhere",
    "CM305": "files of one project declare different versions",
    "CM306": "malformed include or extends entry",
    "CM307": "a file of the project cannot be read",
    "CM308": "external resource with driver settings",
    "CM309": "the merged project's meaning changed",
    "CM310": "service that docker-compose 1.x would not extend",
    # docker run <-> Compose (fromrun/, torun.py)
    "CM700": "line that is not a docker run command (skipped)",
    "CM701": "docker run flag with no Compose meaning",
    "CM702": "unknown docker run flag",
    "CM703": "converted, but not exactly",
    "CM704": "docker run flag value that cannot be read",
    "CM710": "the target format cannot hold what the commands need",
    "CM720": "Compose key with no docker run equivalent",
    # migrate
    "CM900": "migration failed",
    "CM901": "from-run wrote an invalid file (a compose-migrate bug)",
}


def title(code: str) -> str:
    return CODE_TITLES.get(code, code)
