# setup.sh - the team's report, written before the slips below: they must
# leave every byte of output/ as it is.
NO_COLOR=1 "$KETEN" --lang en -q -T dot -j 1 >/dev/null 2>&1
