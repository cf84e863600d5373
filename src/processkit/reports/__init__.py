"""The weekly reports of a process leader: the review list, the proposal backlog, maturity, the
change log and CODEOWNERS, as text, CSV, JSON or Markdown. The facts come from
:mod:`processkit.domain` and :mod:`processkit.history`; these modules word and lay them out.
Every function returns data or text; only ``processkit.cli`` prints."""
