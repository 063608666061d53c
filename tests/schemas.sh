#!/bin/sh
# schemas.sh - checks the JSON Schemas in schemas/ against keten itself:
#  (a) every .json under personas/, journeys/, chains/ and under
#      tests/golden/spec-example and tests/golden/export that `keten check`
#      accepts without errors must validate;
#  (b) the JSON that `keten export` prints for the example Markdown files
#      must validate;
#  (c) the JSON of `keten chain --dump` must validate;
#  (d) small documents written below must get the same verdict from the
#      schema as from `keten check` (a schema rejects what keten reports as
#      an error or as an unknown member), and the bad ones must be rejected;
#      a "$schema" member (for editors) is accepted by both;
#  (e) what keten found, against schemas/findings.schema.json: the
#      findings.json the main job writes for the example workspace, `keten
#      check --format json` on it, the golden check.json and findings.json
#      files, and findings changed below to what the schema must reject.
# Usage: sh tests/schemas.sh ./keten
# Needs python3 with jsonschema (Debian: apt-get install python3-jsonschema).
set -u
if [ $# -ne 1 ]; then
	echo "usage: sh tests/schemas.sh ./keten" >&2
	exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$1" ]; then
	(cd "$root" && make keten) || exit 2
fi
if [ ! -x "$1" ]; then
	echo "schemas: $1 is not a program (make keten builds $root/keten)" >&2
	exit 2
fi
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "schemas: python3 cannot import jsonschema (apt-get install python3-jsonschema)" >&2
	exit 2
fi
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
list="$work/list" # lines "label<TAB>file to validate" or "FAIL<TAB>message"
: >"$list"

# True when keten check reports no error for the file; a journey is checked
# together with the personas of its workspace, which it refers to.
accepted() {
	"$keten" check -q --lang en "$1" >/dev/null 2>&1 && return 0
	case $1 in
	tests/golden/*/*) ws=$(echo "$1" | cut -d/ -f1-3) ;;
	*) ws=. ;;
	esac
	[ -d "$ws/personas" ] && "$keten" check -q --lang en "$ws/personas" "$1" >/dev/null 2>&1
}

# Runs keten with the arguments; its standard output is to validate.
output() { # label, keten arguments...
	label=$1
	shift
	n=$(wc -l <"$list")
	if "$keten" "$@" >"$work/out$n.json" 2>"$work/err"; then
		printf '%s\t%s\n' "$label" "$work/out$n.json" >>"$list"
	else
		printf 'FAIL\t%s: exit status %s: %s\n' "$label" "$?" "$(head -1 "$work/err")" >>"$list"
	fi
}

# (a) the JSON files
for f in $(find personas journeys chains tests/golden/spec-example tests/golden/v2-words tests/golden/json-schema-member \
	tests/golden/export -name '*.json' 2>/dev/null | sort); do
	if accepted "$f"; then
		printf '%s\t%s\n' "$f" "$f" >>"$list"
	else
		echo "skip $f: keten check reports errors"
	fi
done

# (b) the Markdown files, exported to JSON
for f in $(find personas journeys tests/golden/spec-example tests/golden/v2-words tests/golden/values-forgiving \
	tests/golden/export/personas tests/golden/export/journeys -name '*.md' 2>/dev/null | sort); do
	# A file with personal data (K012) is not exported: nothing to validate.
	if "$keten" check --lang en "$f" 2>/dev/null | grep -q 'K012'; then
		echo "skip $f: personal data, not exported"
		continue
	fi
	output "keten export $f" export "$f"
done

# (c) the chain models
output "keten chain --dump" chain --dump
for f in chains/*.json; do
	[ -f "$f" ] && output "keten chain --dump --chain $f" chain --dump --chain "$f"
done

# (e) the findings
findings="$work/findings"
: >"$findings"
if "$keten" --lang en -o "$work/output" . >"$work/main.log" 2>&1 || [ -f "$work/output/findings.json" ]; then
	printf '%s\t%s\n' "findings.json of the example workspace" "$work/output/findings.json" >>"$findings"
else
	printf 'FAIL\t%s\n' "the main job wrote no findings.json: $(head -1 "$work/main.log")" >>"$findings"
fi
"$keten" check --lang nl --format json . >"$work/check-nl.json" 2>/dev/null
printf '%s\t%s\n' "keten check --format json (example workspace)" "$work/check-nl.json" >>"$findings"
for f in tests/golden/*/check.json tests/golden/*/findings.json; do
	[ -f "$f" ] && printf '%s\t%s\n' "$f" "$f" >>"$findings"
done

python3 - "$keten" "$list" "$findings" <<'EOF'
import copy, json, re, subprocess, sys, tempfile
from pathlib import Path
import jsonschema

keten, listing, findings_listing = sys.argv[1], sys.argv[2], sys.argv[3]
KINDS = ("persona", "journey", "chain")
validators = {}
for kind in KINDS:
    schema = json.loads(Path(f"schemas/{kind}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validators[kind] = cls(schema, format_checker=cls.FORMAT_CHECKER)
passed = failed = 0

def result(ok, what, why):
    global passed, failed
    passed += ok
    failed += not ok
    if not ok:
        print(f"FAIL {what}: {why}")

def schema_errors(doc):
    """The schema's complaints about doc, with the place of each."""
    kind = next((k for k in KINDS if isinstance(doc, dict) and k in doc), None)
    if kind is None:
        return ["no member persona, journey or chain"]
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in validators[kind].iter_errors(doc)]

def keten_ok(doc):
    """True when keten check reports no input error (S-code) and no unknown
    member for doc; S003, a persona or position that is not there, is about
    the workspace, not the document."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d, "case.json")
        path.write_text(json.dumps(doc))
        run = subprocess.run([keten, "check", "--lang", "en", "--format", "json", str(path)],
                             capture_output=True, text=True)
    codes = [x["code"] for x in json.loads(run.stdout)["diagnostics"]]
    return not [c for c in codes if c.startswith("S") and c != "S003"]

# (a), (b), (c): everything listed must validate.
for line in Path(listing).read_text().splitlines():
    label, path = line.split("\t", 1)
    if label == "FAIL":
        result(False, path, "no JSON to validate")
        continue
    try:
        errors = schema_errors(json.loads(Path(path).read_text()))
    except ValueError as e:
        errors = [f"not JSON: {e}"]
    result(not errors, label, errors[0] if errors else "")

# (d): small documents, good and bad.
J = {"format": "keten/1", "journey": {"title": "T", "persona": "samira", "stages": [
    {"position": "thuis", "emotion": -1, "touchpoints": [{"kind": "letter", "title": "brief"}]}]}}
P = {"format": "keten/1", "persona": {"name": "Samira", "age": 34, "position": "thuis"}}
C = {"format": "keten/1", "chain": {"id": "mini", "domains": [{"id": "basis"}],
     "positions": [{"id": "thuis", "ladder": 1, "domain": "basis"}]}}
stage = lambda d: d["journey"]["stages"][0]
codes = re.findall(r"^CODE\((K\w+),", Path("src/codes.def").read_text(), re.M)
cases = [  # what, document, change, valid
    ("the journey as it is", J, lambda d: None, True),
    ("the persona as it is", P, lambda d: None, True),
    ("the chain as it is", C, lambda d: None, True),
    ("actors as one string", J, lambda d: stage(d).update(actors="a, b"), True),
    ("Dutch kind, notes as an array", J, lambda d: d["journey"].update(kind="gewenst", note=["x", "y"]), True),
    ("Dutch income, null members", P, lambda d: d["persona"].update(income="uitkering", age=None, note=None), True),
    ("every rule code of codes.def in disable", C, lambda d: d["chain"].update(disable=codes + [c.lower() for c in codes]), True),
    ("unknown member in a stage", J, lambda d: stage(d).update(mood=1), False),
    ("Dutch member name", P, lambda d: d["persona"].update(leeftijd=34), False),
    ("unknown member at the top", C, lambda d: d.update(version=1), False),
    ("emotion 5", J, lambda d: stage(d).update(emotion=5), False),
    ("missing title", J, lambda d: d["journey"].pop("title"), False),
    ("wrong format", P, lambda d: d.update(format="keten/2"), False),
    ("an S-code in disable", C, lambda d: d["chain"].update(disable=["S006"]), False),
    ("Dutch touchpoint kind", J, lambda d: stage(d)["touchpoints"][0].update(kind="brief"), False),
    ("id not a slug", P, lambda d: d["persona"].update(id="Samira"), False),
    ("no such date", J, lambda d: d["journey"].update(date="2025-02-30"), False),
    ("a month date", J, lambda d: d["journey"].update(date="2025-02"), True),
    ("no such month", J, lambda d: d["journey"].update(date="2025-13"), False),
    ("a partial journey", J, lambda d: d["journey"].update(contacts="partial"), True),
    ("contacts half", J, lambda d: d["journey"].update(contacts="half"), False),
    ("status sick", J, lambda d: stage(d).update(status="sick", awaits="beschut-werk"), True),
    ("status sik", J, lambda d: stage(d).update(status="sik"), False),
    ("organisations", J, lambda d: stage(d).update(organisation=["UWV", "gemeente"]), True),
    ("hours 61", J, lambda d: stage(d).update(hours=61), False),
    ("explained unknown", J, lambda d: stage(d)["touchpoints"][0].update(explained="unknown"), True),
    ("explained maybe", J, lambda d: stage(d)["touchpoints"][0].update(explained="maybe"), False),
    ("a promise due in days", J, lambda d: stage(d)["touchpoints"][0].update(kind="promise", due=14, kept=False), True),
    ("a promise due on a month", J, lambda d: stage(d)["touchpoints"][0].update(kind="promise", due="2026-03"), True),
    ("due true", J, lambda d: stage(d)["touchpoints"][0].update(due=True), False),
    ("channel fax", J, lambda d: stage(d)["touchpoints"][0].update(channel="fax"), False),
    ("handled redirected", J, lambda d: stage(d)["touchpoints"][0].update(kind="complaint", handled="redirected", to="UWV"), True),
    ("correct partly", J, lambda d: stage(d)["touchpoints"][0].update(correct="partly", justified="unknown"), True),
    ("max_silence_days 0", C, lambda d: d["chain"].setdefault("thresholds", {}).update(max_silence_days=0), False),
    ("ladder 7", C, lambda d: d["chain"]["positions"][0].update(ladder=7), False),
    ("no such code in disable", C, lambda d: d["chain"].update(disable=["K099"]), False),
    ("a $schema member in a journey", J, lambda d: d.update({"$schema": "../schemas/journey.schema.json"}), True),
    ("a $schema member in a persona", P, lambda d: d.update({"$schema": "https://keten.invalid/schemas/persona.schema.json"}), True),
    ("a $schema member in a chain", C, lambda d: d.update({"$schema": "../schemas/chain.schema.json"}), True),
    ("a $schema member inside the journey", J, lambda d: d["journey"].update({"$schema": "x"}), False),
]
for what, base, change, valid in cases:
    doc = copy.deepcopy(base)
    change(doc)
    errors = schema_errors(doc)
    if (not errors) != valid:
        result(False, f"case '{what}'", "the schema rejects it: " + errors[0] if errors
               else "the schema accepts it")
    elif keten_ok(doc) != valid:
        result(False, f"case '{what}'", "keten check " + ("rejects" if valid else "accepts") + " it")
    else:
        result(True, "", "")

# (e) the findings, and findings the schema must reject.
schema = json.loads(Path("schemas/findings.schema.json").read_text())
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
findings_validator = cls(schema, format_checker=cls.FORMAT_CHECKER)

def findings_errors(doc):
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in findings_validator.iter_errors(doc)]

example = None
for line in Path(findings_listing).read_text().splitlines():
    label, path = line.split("\t", 1)
    if label == "FAIL":
        result(False, path, "no JSON to validate")
        continue
    try:
        doc = json.loads(Path(path).read_text())
    except ValueError as e:
        result(False, label, f"not JSON: {e}")
        continue
    if label.startswith("findings.json of"):
        example = doc
        result(len(doc.get("diagnostics", [])) > 0, label, "no findings to validate")
    errors = findings_errors(doc)
    result(not errors, label, errors[0] if errors else "")

F = example or {"format": "keten/1", "diagnostics": [], "summary": {}}
first = lambda d: d["diagnostics"][0]
finding_cases = [  # what, change, valid
    ("the findings as they are", lambda d: None, True),
    ("a question", lambda d: first(d).update(severity="question", impact=None), True),
    ("a questions count", lambda d: d["summary"].update(questions=2, questions_by_code={"K001": 2}), True),
    ("no questions count", lambda d: d["summary"].pop("questions"), False),
    ("a $schema member", lambda d: d.update({"$schema": "../schemas/findings.schema.json"}), True),
    ("code K025 and S010", lambda d: (first(d).update(code="K025"), d["summary"]["by_code"].update(S010=1)), True),
    ("severity note", lambda d: first(d).update(severity="note"), False),
    ("code K026", lambda d: first(d).update(code="K026"), False),
    ("code S011", lambda d: first(d).update(code="S011"), False),
    ("impact 4", lambda d: first(d).update(impact=4), False),
    ("touchpoint 0", lambda d: first(d).update(touchpoint=0), False),
    ("no message", lambda d: first(d).pop("message"), False),
    ("an unknown member in a finding", lambda d: first(d).update(level=1), False),
    ("an unknown member in the summary", lambda d: d["summary"].update(notes=1), False),
    ("a count of 0 in by_code", lambda d: d["summary"]["by_code"].update(K001=0), False),
    ("format keten/2", lambda d: d.update(format="keten/2"), False),
]
# Every code of codes.def is one the schema allows.
all_codes = re.findall(r"^CODE\(([KS]\d+),", Path("src/codes.def").read_text(), re.M)
for code in all_codes:
    doc = copy.deepcopy(F)
    if doc["diagnostics"]:
        first(doc).update(code=code)
    errors = findings_errors(doc)
    result(not errors, f"findings with code {code}", errors[0] if errors else "")

for what, change, valid in finding_cases:
    if not F["diagnostics"]:
        break
    doc = copy.deepcopy(F)
    change(doc)
    errors = findings_errors(doc)
    result((not errors) == valid, f"findings case '{what}'",
           "the schema rejects it: " + errors[0] if errors else "the schema accepts it")

print(f"schemas: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
