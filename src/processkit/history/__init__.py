"""The repository through time: its files as git holds them at earlier commits, the change
log of a period in plain words, and the commits that closed proposals. Reads git through
:mod:`processkit.loading.git`; computes over what it read with :mod:`processkit.domain`."""
