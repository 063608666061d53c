mkdir -p chains
"$KETEN" chain --dump > chains/default.json
