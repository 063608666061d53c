mkdir -p journeys && ln -s does-not-exist.md journeys/verdwenen.md
