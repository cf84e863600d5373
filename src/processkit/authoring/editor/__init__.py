"""``processkit edit``: a form editor over a process repository, served on the loopback.

The forms are made from the models (``fields``), the submitted form becomes the entity's values
(``formdata``), which are written back into the file through the round-trip writer
(``writeback``) after the same checks as ``validate`` (``checking``, given by the command line:
the rules are another feature). ``app`` is the Starlette application; ``security`` its guards;
and ``authoring.review`` commits each save and sends the branch for review.
"""
