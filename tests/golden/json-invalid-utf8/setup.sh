# A journey whose file name holds the bytes 0xFF 0xFE, which are no UTF-8:
# every JSON keten writes shows them as U+FFFD and stays valid UTF-8.
mkdir -p journeys
printf '# Reis\n\n- persona: anna\n- kleur: blauw\n\n## Start\n- positie: thuis\n- duur: 3 dagen\n' \
	>"journeys/$(printf 'reis-\377\376')".md
