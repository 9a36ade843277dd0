"""Check a napkin SARIF report: structure always, the schema when given.

usage: sarif_check.py REPORT [SCHEMA]

The structural checks are the properties SARIF 2.1.0 requires of what
napkin writes (version, runs, tool.driver.name, each result's message and
rule reference) plus napkin's own promises (logical locations naming the
nodes, suppressions for accepted risks).  With SCHEMA, the report is also
validated against the official JSON schema (jsonschema, Debian's
python3-jsonschema).  Prints one line per problem; exits 1 on any.
"""
import json
import sys

problems = []


def need(condition, what):
    if not condition:
        problems.append(what)


report = json.load(open(sys.argv[1]))
need(report.get("version") == "2.1.0", "version is not 2.1.0")
need(isinstance(report.get("$schema"), str), "no $schema")
runs = report.get("runs")
need(isinstance(runs, list) and len(runs) == 1, "runs is not a one-element array")
run = runs[0] if runs else {}
driver = run.get("tool", {}).get("driver", {})
need(driver.get("name") == "napkin", "tool.driver.name is not napkin")
rules = driver.get("rules", [])
need(len(rules) > 0, "no rule descriptors")
for rule in rules:
    need(isinstance(rule.get("id"), str), "rule without id")
    for key in ("shortDescription", "fullDescription", "help"):
        need(isinstance(rule.get(key, {}).get("text"), str), "rule %s without %s.text" % (rule.get("id"), key))
    need(rule.get("defaultConfiguration", {}).get("level") in ("error", "warning", "note"),
         "rule %s without a level" % rule.get("id"))
results = run.get("results")
need(isinstance(results, list), "results is not an array")
for result in results or []:
    index = result.get("ruleIndex")
    need(isinstance(result.get("message", {}).get("text"), str), "result without message.text")
    need(isinstance(index, int) and 0 <= index < len(rules) and rules[index]["id"] == result.get("ruleId"),
         "ruleIndex does not point at ruleId %s" % result.get("ruleId"))
    need(result.get("level") in ("error", "warning", "note"), "result level %r" % result.get("level"))
    locations = result.get("locations", [])
    need(len(locations) == 1, "result without one location")
    for location in locations:
        need(location.get("physicalLocation", {}).get("artifactLocation", {}).get("uri"), "no artifact uri")
        names = [l.get("name") for l in location.get("logicalLocations", [])]
        need(len(names) == 1 and isinstance(names[0], str), "no logical location naming the node")
    for suppression in result.get("suppressions", []):
        need(suppression.get("kind") == "inSource" and suppression.get("justification"), "bad suppression")

if len(sys.argv) > 2:
    import jsonschema
    schema = json.load(open(sys.argv[2]))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for error in validator.iter_errors(report):
        problems.append("schema: %s at %s" % (error.message, "/".join(str(p) for p in error.absolute_path)))

for problem in problems:
    print(problem)
sys.exit(1 if problems else 0)
