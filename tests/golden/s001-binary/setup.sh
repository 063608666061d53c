mkdir -p personas journeys
printf '# Bin\n\n\000\001\002\003 binair' > personas/nul.md
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > journeys/plaatje.md
printf '{"format": "keten/1", \377\376}' > journeys/kapot.json
