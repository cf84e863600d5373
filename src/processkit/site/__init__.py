"""The published management-system site (``processkit publish``, ``processkit serve``).

    publish(PublishRequest(path, output)) -> BuildResult

The build gathers everything, then writes: load -> facts and maps -> pages (typed contexts,
``pages/``) -> Jinja2 (``templates/site/``) -> a temporary folder -> search index ->
moved into place. Modules: ``publish`` (the repository now or at a commit), ``info`` (what
a build is of: its day and commit), ``build`` (the steps), ``sitemap`` (the one list of pages;
the navigation is drawn from it), ``collect`` and ``pages/`` (one module per page kind: its
context), ``maps`` (the seam to ``processkit.render``), ``search`` (Pagefind), ``output``
(atomic replacement), ``filecache`` (reuse between builds).
"""
