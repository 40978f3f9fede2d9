"""Generator for Thai anti-corruption action-plan sites: YAML → models → checks → Markdown."""

__version__ = "0.1.0"
