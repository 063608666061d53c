# Inputs too large to keep in the repository: made here.
mkdir -p personas journeys
{ printf '# Diep\n\n'; awk 'BEGIN { for (i = 0; i < 200000; i++) printf ">"; printf " quote\n" }'; } > personas/quotes.md
{ printf '# Lijsten\n\n'; awk 'BEGIN { s = ""; for (i = 0; i < 2000; i++) { printf "%s- niveau %d\n", s, i; s = s "  " } }'; } > personas/lists.md
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; printf "\n" }' > journeys/nested.json
awk 'BEGIN { printf "# Groot\n\n"; for (i = 0; i < 300000; i++) printf "- notitie: regel %d met wat tekst erbij\n", i }' > personas/groot.md
awk 'BEGIN { printf "# Een miljoen etappes\n\n- persona: x\n\n"; for (i = 0; i < 1000000; i++) printf "## e\n" }' > journeys/miljoen.md
{ printf '# Op een regel\n\n'; awk 'BEGIN { for (i = 0; i < 5000; i++) printf "- "; printf "diep\n" }'; } > personas/one-line.md
