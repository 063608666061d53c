mkdir -p personas journeys
printf '\357\273\277# Cor\r\n\r\n- leeftijd: 50\r\n- kenmerken: angstig\r\n\r\n## Talenten\r\n- fietsen maken\r\n' > personas/cor.md
printf '\357\273\277# Cor gaat fietsen\r\n\r\n- persona: cor\r\n\r\n## Werkplaats\r\n- positie: arbeidsmatige dagbesteding\r\n- emotie: positief\r\n- toelichtng: ja\r\n' > journeys/cor-fiets.md
