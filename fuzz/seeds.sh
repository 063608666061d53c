#!/bin/sh
# seeds.sh - copies the seed corpora of the fuzz harnesses into a work
# folder: the example workspace and every Markdown or JSON file of the
# golden tests (the expected outputs too: findings and the default chain's
# dump), Markdown for both Markdown readers, JSON for the JSON reader and
# the chain loader. Each file is named after its path, so none clash.
# Usage: sh fuzz/seeds.sh <work-folder>   (run from the top of the tree)
set -eu
out=$1
rm -rf "$out"
mkdir -p "$out/persona_md" "$out/journey_md" "$out/json" "$out/chain" "$out/dot_graph"

copy() { # file, harness...
	file=$1
	shift
	name=$(printf '%s' "$file" | tr '/' '_')
	for harness in "$@"; do
		cp "$file" "$out/$harness/$name"
	done
}

find personas journeys chains tests/golden -type f \( -name '*.md' -o -name '*.json' \) |
	LC_ALL=C sort >"$out/files"
while IFS= read -r file; do
	case $file in
	journeys/*.md | tests/golden/*/journeys/*.md) copy "$file" persona_md journey_md dot_graph ;;
	*.md) copy "$file" persona_md journey_md ;;
	journeys/*.json | tests/golden/*/journeys/*.json) copy "$file" json chain dot_graph ;;
	*.json) copy "$file" json chain ;;
	esac
done <"$out/files"
rm "$out/files"
for harness in persona_md journey_md json chain dot_graph; do
	echo "seeds: $harness: $(ls "$out/$harness" | wc -l) files"
done
