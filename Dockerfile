# processkit in a container: for CI jobs (a GitLab job's `image:`) and machines without Python.
# It installs the wheel that `python -m build` wrote into dist/, so the image holds exactly the
# release that was built and checked:
#   python -m build --wheel
#   docker build --build-arg VERSION=1.2.0 -t registry.example.se/verktyg/processkit:1.2.0 .
ARG PYTHON_VERSION=3.12
FROM python:${PYTHON_VERSION}-slim

# Graphviz draws the maps; git gives the history (changelog, dates on the site). Pagefind comes
# with processkit, from the pagefind-bin package. Debian's current versions, unpinned: a pinned
# version disappears from the archive with the next security update.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends graphviz git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'

ARG VERSION
RUN test -n "$VERSION" || { echo "give the version of the wheel in dist/: docker build --build-arg VERSION=1.2.0 ..." >&2; exit 1; }
COPY dist/processkit-${VERSION}-py3-none-any.whl /tmp/
RUN pip install --no-cache-dir --disable-pip-version-check --root-user-action=ignore "/tmp/processkit-${VERSION}-py3-none-any.whl" \
    && rm "/tmp/processkit-${VERSION}-py3-none-any.whl" \
    && processkit doctor

LABEL org.opencontainers.image.title="processkit" \
      org.opencontainers.image.description="Process management for Swedish social services, kept as YAML in git" \
      org.opencontainers.image.version="${VERSION}"

WORKDIR /repo
ENTRYPOINT ["processkit"]
CMD ["--help"]
