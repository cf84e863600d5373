/* Search with Pagefind's index (under pagefind/ at the site's root). Results are built
   from text nodes only: nothing from the index is inserted as HTML. */
(function () {
  "use strict";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("search-query");
  if (!status || !list || !input) { return; }
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  input.value = query;
  if (!query) { return; }

  function say(key, count) {
    var text = status.getAttribute("data-" + key) || "";
    status.textContent = text.replace("{query}", query).replace("{count}", String(count));
  }

  function excerpt(html) {
    // Keep the text and the <mark> highlights of Pagefind's excerpt, nothing else.
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === 3) {
        paragraph.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return paragraph;
  }

  function relative(url) {
    // Pagefind gives addresses from the site's root ("/processes/x.html"); this page is at
    // the root, so dropping the slash keeps the site working under any URL prefix.
    return url.replace(/^\/+/, "");
  }

  say("searching", 0);
  // The index is in bundles (pagefind/main/, pagefind/p00/, …): the first has the code, the
  // others are merged into it, all at once: each asks the server for two files, and one
  // after another a reader far from the server waited for every bundle in turn (a second
  // more at 16 bundles and 20 ms to the server). Pagefind keeps them in the order asked, so
  // the results are the same. Addresses are made absolute against this page, so the site
  // works under any prefix; results are given from the site's root ("/").
  var bundles = (status.getAttribute("data-bundles") || "").split(/\s+/).filter(Boolean)
    .map(function (bundle) { return new URL(bundle, document.baseURI).href; });
  if (!bundles.length) { say("unavailable", 0); return; }
  import(bundles[0] + "pagefind.js").then(function (pagefind) {
    return pagefind.options({ baseUrl: "/" }).then(function () {
      return Promise.all(bundles.slice(1).map(function (bundle) {
        return pagefind.mergeIndex(bundle, { baseUrl: "/" });
      }));
    }).then(function () {
      return pagefind.search(query);
    }).then(function (search) {
      var found = search.results.slice(0, 50);
      return Promise.all(found.map(function (result) { return result.data(); })).then(function (pages) {
        list.textContent = "";
        pages.forEach(function (page) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = relative(page.url);
          link.textContent = (page.meta && page.meta.title) || page.url;
          item.appendChild(link);
          var kind = page.meta && page.meta.kind;
          if (kind) {  // what kind of page the hit is (the page's data-pagefind-meta)
            item.appendChild(document.createTextNode(" "));
            var badge = document.createElement("span");
            badge.className = "search-kind";
            badge.textContent = kind;
            item.appendChild(badge);
          }
          item.appendChild(excerpt(page.excerpt || ""));
          list.appendChild(item);
        });
        var total = search.results.length;
        say(total === 0 ? "none" : total === 1 ? "one" : "many", total);
      });
    });
  }).catch(function () {
    say("unavailable", 0);
  });
})();
