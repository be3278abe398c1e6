"""Reading and writing back an unchanged file gives the exact bytes, corpus-wide."""

from __future__ import annotations

import csv

from compose_migrate import load, migrate
from compose_migrate.roundtrip import dump_tree, render

from .conftest import SHARED

ROWS = list(csv.DictReader(open(SHARED / "corpus" / "MANIFEST.tsv", encoding="utf-8"), delimiter="\t"))


def test_unchanged_documents_are_byte_identical() -> None:
    identical = ruamel_native = 0
    for row in ROWS:
        path = SHARED / row["file"]
        raw = path.read_bytes()
        doc = load(path)
        tree, y = doc.load_tree()
        dumped = dump_tree(tree, y)
        ruamel_native += dumped == doc.text
        # An edit that changes nothing leaves every byte alone, BOM included.
        assert doc.encode(render(doc.text, dumped, dumped, doc.newline)) == raw
        if doc.version is not None:
            res = migrate(doc, doc.version)  # already at the target: a no-op
            if isinstance(doc.data.get("version"), (int, float)):
                # ... except that an unquoted number (`version: 2`, which no schema accepts) gets quoted.
                assert [c.path for c in res.changes] == ["version"] and not res.warnings
                old_lines, new_lines = doc.text.splitlines(), res.output.splitlines()
                assert len(old_lines) == len(new_lines)
                assert all(a == b or b.startswith("version: ") for a, b in zip(old_lines, new_lines, strict=True))
            else:
                assert not res.changed and doc.encode(res.output) == raw
        identical += 1
    print(
        f"byte-identical round trip: {identical}/{len(ROWS)} files; "
        f"ruamel alone reproduces {ruamel_native}/{len(ROWS)} (the rest differ in indentation or trailing spaces)"
    )
    assert identical == len(ROWS)


def test_splice_keeps_untouched_lines_that_ruamel_would_reindent() -> None:
    text = (
        'version: "3.7"\n'
        "services:\n"
        "  proxy:\n"
        "    volumes:\n"
        "    - /a:/a\n"
        "    command:\n"
        "        - --x\n"
        "    ports: \n"
        '      - "80:80"\n'
    )
    doc = load(text=text)
    tree, y = doc.load_tree()
    before = dump_tree(tree, y)
    del tree["version"]
    after = dump_tree(tree, y)
    assert render(text, before, after, "\n") == text.split("\n", 1)[1]
