"""Document kinds: one package per kind (plan, progress, complaints, ita, oit).

Each package exports `KINDS`, a tuple of `generator.kindapi.DocumentKind`. Kinds import only the core
(generator.*, never generator.kinds.<other>); the list of kinds is handed in by generator.site.
"""
