"""Thai site search: build-time index (MkDocs plugin `thai-search`) for theme/assets/search/thai-search.js."""
