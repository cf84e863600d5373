"""Writing process repositories: ``init``, ``new``, ``fmt`` and the inventory import.

Library code: it returns what it did (or raises ProcesskitError) and never prints.
"""

from __future__ import annotations
