"""`lint --fix`: safe fixes only, idempotent, comment-preserving, atomic writes."""

from __future__ import annotations

import shutil
from pathlib import Path

from compose_migrate.document import load
from compose_migrate.lint import RULES
from compose_migrate.lint.fix import fix_document

from .conftest import SHARED, run_cli

ALL = list(RULES.values())


def _comments(text: str) -> list[str]:
    """Whole-line comments (the `version` line's own comment goes with it)."""
    return [line.strip() for line in text.splitlines() if line.lstrip().startswith("#")]


def test_fix_corpus_idempotent_and_keeps_comments(tmp_path: Path) -> None:
    rows = (SHARED / "corpus" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    originals: dict[Path, bytes] = {}
    for i, row in enumerate(rows):
        src = SHARED / row.split("\t", 1)[0]
        dst = tmp_path / f"{i:03d}-compose.yml"
        shutil.copyfile(src, dst)
        originals[dst] = src.read_bytes()
    files = [str(p) for p in originals]
    first = run_cli("lint", "--fix", "--format", "json", *files)
    assert first.returncode in (0, 1), first.stderr[-2000:]
    after = {p: p.read_bytes() for p in originals}
    changed = [p for p in originals if after[p] != originals[p]]
    # Figures at the time of writing: 313 of 536 files fixed (version, links, quoting).
    assert len(changed) > 250
    assert first.stderr.count(": fixed: ") >= len(changed)
    for p in changed:
        old, new = originals[p].decode("utf-8-sig"), after[p].decode("utf-8-sig")
        missing = [c for c in _comments(old) if c not in new]
        assert not missing, (p, missing)
        assert load(str(p)).version is not None
    second = run_cli("lint", "--fix", "--format", "json", *files)
    assert ": fixed: " not in second.stderr
    assert {p: p.read_bytes() for p in originals} == after


def test_fix_quotes_links_and_version_keeping_comments() -> None:
    text = (
        'version: "3.8"\n'
        "# the app\n"
        "services:\n"
        "  app:\n"
        "    image: example/app:1.0  # pinned\n"
        "    links:\n"
        "      - db\n"
        "    ports:\n"
        "      - 2222:22   # ssh\n"
        "    environment:\n"
        "      DEBUG: yes\n"
        "  db:\n"
        "    image: postgres:16\n"
    )
    res = fix_document(load(text=text), ALL)
    assert res.output == (
        "# the app\n"
        "services:\n"
        "  app:\n"
        "    image: example/app:1.0  # pinned\n"
        "    depends_on:\n"
        "      - db\n"
        "    ports:\n"
        '      - "2222:22"   # ssh\n'
        "    environment:\n"
        '      DEBUG: "yes"\n'
        "  db:\n"
        "    image: postgres:16\n"
    )
    assert [a.rsplit("[", 1)[1] for a in res.applied] == [
        "lint-quote]",
        "lint-quote]",
        "spec_links]",
        "drop_version]",
    ]
    assert fix_document(load(text=res.output), ALL).output == res.output


def test_fix_respects_selection() -> None:
    text = 'version: "3.8"\nservices:\n  app:\n    image: example/app:1.0\n    ports:\n      - 2222:22\n'
    only_quote = [RULES["CL017"]]
    out = fix_document(load(text=text), only_quote).output
    assert out == text.replace("- 2222:22", '- "2222:22"')


def test_lossy_link_alias_is_not_fixed() -> None:
    text = (
        "services:\n  app:\n    image: example/app:1.0\n    links:\n      - db:database\n"
        "  db:\n    image: postgres:16\n"
    )
    res = fix_document(load(text=text), [RULES["CL003"]])
    assert res.output == text
    assert res.refused and "alias" in res.refused[0]


def test_version_kept_when_meaning_would_change() -> None:
    # Without the quoting rule, dropping `version` needs S-12 to quote 22:22, a lossy warning: refused.
    text = 'version: "2.4"\nservices:\n  ssh:\n    image: example/sshd:1\n    ports:\n      - 2222:22\n'
    res = fix_document(load(text=text), [RULES["CL002"]])
    assert res.output == text
    assert res.refused[0].startswith("drop version:")


def test_cli_fix_writes_atomically_and_reports_rest(tmp_path: Path) -> None:
    f = tmp_path / "compose.yaml"
    f.write_text('version: "3.8"\nservices:\n  db:\n    image: postgres\n    ports:\n      - 5432:5432\n')
    f.chmod(0o640)
    proc = run_cli("lint", "--fix", str(f))
    assert proc.returncode == 0, proc.stderr
    assert f.read_text() == "services:\n  db:\n    image: postgres\n    ports:\n      - 5432:5432\n"
    assert f.stat().st_mode & 0o777 == 0o640
    assert "fixed: version" in proc.stderr
    assert "[CL001]" in proc.stdout and "[CL007]" in proc.stdout and "[CL002]" not in proc.stdout


def test_cli_fix_read_only_file_is_left_alone(tmp_path: Path) -> None:
    f = tmp_path / "compose.yaml"
    text = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n'
    f.write_text(text)
    f.chmod(0o444)
    proc = run_cli("lint", "--fix", str(f))
    assert f.read_text() == text
    assert "CM004" in proc.stderr or "read-only" in proc.stderr
