# The shipped example workspace (next to the keten under test, at the root
# of the repository), the embedded chain model as a file, and a journey
# with errors.
root=$(dirname "$KETEN")
cp -R "$root/personas" "$root/journeys" "$root/chains" .
"$KETEN" chain --dump > standaard.json
printf '# Kapot\n\n- persona: niemand\n\n## Ergens\n- positie: thuis\n' > journeys/kapot.md
