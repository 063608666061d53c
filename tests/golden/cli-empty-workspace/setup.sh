# setup.sh - a workspace with nothing in it yet.
mkdir personas journeys
