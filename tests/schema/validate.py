#!/usr/bin/python3
"""The rule-file schema against triage itself, with an independent validator
(Debian's python3-jsonschema, draft 2020-12):

- the schema is a valid draft 2020-12 schema;
- every rule file in the repository (rules/, examples/) is valid under it;
- all-keys.yaml uses every key the schema names, and both accept it;
- every file in broken/ is refused by both the schema and `triage check`.

YAML is read as editors read it (YAML 1.2: a date stays text).

usage: validate.py SOURCE_DIR TRIAGE_BINARY
"""
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML without YAML 1.1's timestamps: 2020-01-01 stays a string."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def schema_keys(node, schema, path="", out=None):
    """Every (place, key) the schema names under 'properties'."""
    out = set() if out is None else out
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"].split("/")[-1]
            if (path, ref) not in SEEN:
                SEEN.add((path, ref))
                schema_keys(schema["$defs"][ref], schema, path, out)
        for key, sub in node.get("properties", {}).items():
            out.add((path, key))
            schema_keys(sub, schema, path + "/" + key, out)
        for word in ("additionalProperties", "items"):
            if isinstance(node.get(word), dict):
                schema_keys(node[word], schema, path + "/*", out)
        for word in ("oneOf", "anyOf", "allOf"):
            for sub in node.get(word, []):
                schema_keys(sub, schema, path, out)
    return out


SEEN = set()


def document_keys(node, path="", out=None):
    """Every (place, key) a document uses, in the schema's terms."""
    out = set() if out is None else out
    if isinstance(node, dict):
        for key, sub in node.items():
            out.add((path, key))
            document_keys(sub, path + "/" + key, out)
            document_keys(sub, path + "/*", out)
    elif isinstance(node, list):
        for sub in node:
            document_keys(sub, path + "/*", out)
    return out


def triage_check(triage, path):
    run = subprocess.run([triage, "check", str(path)], capture_output=True, text=True)
    return run.returncode, run.stderr


def main():
    source, triage = pathlib.Path(sys.argv[1]), sys.argv[2]
    here = source / "tests" / "schema"
    schema = json.loads((source / "schema" / "triage-rules.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = []

    rule_files = [p for p in sorted(source.glob("rules/*.yaml")) + sorted(source.glob("examples/**/*.yaml"))
                  if not p.name.endswith(".test.yaml") and isinstance(load(p), dict) and "ruleset" in load(p)]
    if len(rule_files) < 2:
        failures.append(f"found only {rule_files} as the repository's rule files")
    for path in rule_files + [here / "all-keys.yaml"]:
        for error in validator.iter_errors(load(path)):
            failures.append(f"{path}: the schema refuses it: {error.message} at {list(error.absolute_path)}")
        status, err = triage_check(triage, path)
        if status != 0:
            failures.append(f"{path}: triage check exits {status}: {err}")

    # The reverse of the place-by-place key check below is triage check on
    # all-keys.yaml: a key the schema offers that triage refuses fails there.
    used = document_keys(load(here / "all-keys.yaml"))
    for place, key in sorted(schema_keys(schema, schema)):
        if (place, key) not in used:
            failures.append(f"all-keys.yaml does not use '{key}' at '{place or '/'}' (the schema names it)")

    broken = sorted((here / "broken").glob("*.yaml"))
    if len(broken) < 15:
        failures.append(f"only {len(broken)} broken files")
    for path in broken:
        if validator.is_valid(load(path)):
            failures.append(f"{path}: the schema accepts it")
        status, err = triage_check(triage, path)
        if status != 1 or "error" not in err:
            failures.append(f"{path}: triage check exits {status} (expected 1 with an error): {err}")

    for failure in failures:
        print("FAIL:", failure)
    if failures:
        return 1
    print(f"schema: {len(rule_files) + 1} rule files valid under both, {len(broken)} broken files refused by both")
    return 0


if __name__ == "__main__":
    sys.exit(main())
