#!/usr/bin/python3
"""The user's reference in docs/ against triage itself, so that it never
goes stale:

- every ```yaml block of docs/*.md and the README that is a rule file (it
  has `ruleset:`) passes `triage check`; a block whose first line is
  `# check: CODE` must instead fail with that diagnostic;
- every diagnostic code the sources can give (E001, W003, ...) has its
  section in docs/diagnostics.md, and every section there is a code the
  sources give.

usage: docs_test.py SOURCE_DIR TRIAGE_BINARY
"""
import pathlib
import re
import subprocess
import sys
import tempfile


def yaml_blocks(text):
    """(line, text) of each ```yaml block."""
    for m in re.finditer(r"^```yaml\n(.*?)^```", text, re.S | re.M):
        yield text[: m.start()].count("\n") + 2, m.group(1)


def main():
    source, triage = pathlib.Path(sys.argv[1]), sys.argv[2]
    failures, checked = [], 0
    pages = sorted((source / "docs").glob("*.md")) + [source / "README.md"]
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            for line, block in yaml_blocks(page.read_text(encoding="utf-8")):
                if not re.search(r"^ruleset:", block, re.M):
                    continue
                path = pathlib.Path(tmp) / f"{page.stem}-{line}.yaml"
                path.write_text(block, encoding="utf-8")
                run = subprocess.run([triage, "check", "--strict", str(path)], capture_output=True, text=True)
                expect = re.match(r"# check: ([EW]\d{3})", block)
                where = f"{page.relative_to(source)}:{line}"
                if expect:
                    if run.returncode != 1 or f"[{expect.group(1)}]" not in run.stderr:
                        failures.append(f"{where}: expected {expect.group(1)}, got exit {run.returncode}: {run.stderr}")
                elif run.returncode != 0:
                    failures.append(f"{where}: triage check exits {run.returncode}: {run.stderr}")
                checked += 1
    if checked < 6:
        failures.append(f"only {checked} rule files found in the docs")

    code_re = re.compile(r'"([EW]0\d\d)"')
    given = set()
    for folder in ("engine", "cli"):
        for path in (source / folder).rglob("*.cc"):
            given |= set(code_re.findall(path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"^### ([EW]0\d\d)\b", (source / "docs" / "diagnostics.md").read_text(encoding="utf-8"), re.M))
    for code in sorted(given - documented):
        failures.append(f"docs/diagnostics.md does not explain {code}")
    for code in sorted(documented - given):
        failures.append(f"docs/diagnostics.md explains {code}, which nothing gives")

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print(f"docs: {checked} rule files check as the docs say; {len(given)} diagnostics explained")
    return 0


if __name__ == "__main__":
    sys.exit(main())
