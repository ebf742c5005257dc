"""Checks plans against the JSON Schema with the `jsonschema` package (not ours).

    validate_schema.py SCHEMA PLAN...

Prints a JSON object: for each plan, the list of schema errors (empty when valid). YAML is read
with PyYAML as YAML 1.2 editors read it: dates stay text, as the schema expects.
"""

import json
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2 (and the yaml-language-server) has no timestamps: `2026-09-01` is a string.
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in Loader.yaml_implicit_resolvers.items()
}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    result = {}
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            plan = yaml.load(f, Loader=Loader)
        result[path] = sorted(
            f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}" for error in validator.iter_errors(plan)
        )
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


main()
