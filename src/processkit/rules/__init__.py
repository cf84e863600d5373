"""The rules of good process management (PK101 and up), one module per rule.

``registry.RULES`` lists them; ``run.run_rules`` runs them over a loaded repository with the
settings of ``rules:`` in processkit.yaml (``settings``) and the entities' ignores (``ignores``);
``docs`` reads each rule's documentation from its module docstring.
"""
