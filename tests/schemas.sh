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
#      an error or as an unknown member), and the bad ones must be rejected.
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
for f in $(find personas journeys chains tests/golden/spec-example tests/golden/v2-words \
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

python3 - "$keten" "$list" <<'EOF'
import copy, json, re, subprocess, sys, tempfile
from pathlib import Path
import jsonschema

keten, listing = sys.argv[1], sys.argv[2]
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

print(f"schemas: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
EOF
