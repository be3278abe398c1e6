"""`docker run` commands to a Compose file (the chain's first step).

A shell script (or stdin) is cut into words the way a POSIX shell cuts them
(lexer).  Each `docker run` becomes one service in the Compose Specification
form, driven by the flag table `FLAGS` (which also generates
docs/docker-run-flags.md).  `docker network create` and `docker volume create`
become top-level networks and volumes.  `to_compose` then writes any target:
version 1 directly, every later version by running the v1 (or Specification)
text through the project's own migration rules.

The modules, in the order the text flows through them:

* lexer: script text -> simple commands of located, unquoted words.
* result: the finding codes and `FromRunResult`, what every later step fills in or reads.
* handlers: `_Service` (one `docker run` being built) and what each flag's value does to it.
* flags: the flag table: each flag, its forms and the Compose key it becomes.
* parse: commands -> services (`parse_script`, `parse_file`), links and networks resolved last.
* creates: `docker network create` / `docker volume create` -> top-level networks and volumes.
* emit: `FromRunResult` -> Compose text for a target version (`to_compose`, `v1_form`, quoting).
* docs: `flags_markdown`, the flag table as docs/docker-run-flags.md.
"""

from __future__ import annotations

from .docs import flags_markdown
from .emit import ComposeOutput, to_compose, v1_form
from .flags import FLAGS, Flag
from .handlers import Handler
from .lexer import Word
from .parse import parse_file, parse_script
from .result import APPROX, BAD_VALUE, CANNOT_HOLD, NO_MEANING, NOT_RUN, UNKNOWN_FLAG, FromRunResult

__all__ = [
    "APPROX",
    "BAD_VALUE",
    "CANNOT_HOLD",
    "FLAGS",
    "NOT_RUN",
    "NO_MEANING",
    "UNKNOWN_FLAG",
    "ComposeOutput",
    "Flag",
    "FromRunResult",
    "Handler",
    "Word",
    "flags_markdown",
    "parse_file",
    "parse_script",
    "to_compose",
    "v1_form",
]
