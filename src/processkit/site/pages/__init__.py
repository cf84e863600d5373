"""The site's page kinds, one module each: the builder of the page's context. Which pages the site
has, and the navigation, are listed in :mod:`processkit.site.sitemap`."""
