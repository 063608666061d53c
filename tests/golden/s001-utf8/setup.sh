mkdir -p personas
printf '# Anna\n\n- leeftijd: 30\n- woonplaats: Ede \303\n' > personas/anna.md
printf '# Bas\n\n- leeftijd: 31\n- woonplaats: caf\351 aan de markt\n' > personas/bas.md
