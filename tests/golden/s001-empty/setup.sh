mkdir -p personas journeys
: > personas/leeg.md
printf '  \n\n\t\n' > journeys/wit.md
: > journeys/leeg.json
