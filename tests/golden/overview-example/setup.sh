# The shipped example workspace (personas/, journeys/, chains/ next to the
# keten under test, at the root of the repository).
root=$(dirname "$KETEN")
cp -R "$root/personas" "$root/journeys" "$root/chains" .
