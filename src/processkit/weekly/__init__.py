"""The weekly process work: reviews, improvement proposals, maturity, the change log and
CODEOWNERS. Pure library code: every function returns data (dataclasses) or text; only
``processkit.cli`` prints."""
