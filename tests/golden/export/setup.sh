"$KETEN" chain --dump > chains/default.json
