"""Facts about a loaded repository, each with one home: reviews, proposals, structure, flow and
lookup. Pure functions over a ``Repository``: no I/O, no clock (the date is always passed in).

Features (rules, site, render, inventory, reports) ask here rather than work a fact out again.
"""
