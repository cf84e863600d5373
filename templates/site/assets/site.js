/* processkit's site: the only script besides search. It adds zoom buttons to the maps (on a
   phone a wide map is zoomed with them and panned by scrolling), and puts the page's address
   into the proposal e-mail when the site's address is not configured (site.url). Without it
   every page works; the maps are then shown to fit the width (a process flow on a desktop: at
   its own size) and can be scrolled, and the e-mail gives no address. */
(function () {
  "use strict";
  var STEP = 1.5;
  function setup(figure) {
    var tools = figure.querySelector(".map-tools");
    var box = figure.querySelector(".map-scroll");
    var svg = box && box.querySelector("svg");
    if (!tools || !svg) { return; }
    var scale = 1;
    /* the map's width as the page shows it before zooming: fitted to the box on a phone, its
       own size for a process flow on a desktop */
    function baseWidth() {
      var saved = svg.style.width;
      var zoomed = box.classList.contains("zoomed");
      svg.style.width = "";
      box.classList.remove("zoomed");
      var width = svg.getBoundingClientRect().width || box.clientWidth;
      svg.style.width = saved;
      if (zoomed) { box.classList.add("zoomed"); }
      return width;
    }
    function apply(base) {
      if (Math.abs(scale - 1) < 0.001) {
        scale = 1;
        box.classList.remove("zoomed");
        svg.style.width = "";
        return;
      }
      box.classList.add("zoomed");
      svg.style.width = Math.round(base * scale) + "px";
    }
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) { return; }
      var how = button.getAttribute("data-zoom");
      var before = scale;
      var base = baseWidth();
      var fit = Math.min(1, (box.clientWidth || base) / base);  /* never smaller than the box */
      if (how === "in") { scale = Math.min(scale * STEP, 8); }
      else if (how === "out") { scale = Math.max(scale / STEP, fit); }
      else { scale = fit; }
      var centreX = (box.scrollLeft + box.clientWidth / 2) / (before || 1);
      var centreY = (box.scrollTop + box.clientHeight / 2) / (before || 1);
      apply(base);
      box.scrollLeft = centreX * scale - box.clientWidth / 2;
      box.scrollTop = centreY * scale - box.clientHeight / 2;
    });
  }
  var figures = document.querySelectorAll("figure.map");
  for (var i = 0; i < figures.length; i++) { setup(figures[i]); }
})();
/* The proposal e-mail: its link's halves around the page's address (percent-encoded, the
   address without its #fragment), set on the link by processkit.site.intake. */
(function () {
  "use strict";
  var mails = document.querySelectorAll("a[data-mail-before][data-mail-after]");
  var here = encodeURIComponent(window.location.href.split("#")[0]);
  for (var i = 0; i < mails.length; i++) {
    mails[i].href = mails[i].getAttribute("data-mail-before") + here +
      mails[i].getAttribute("data-mail-after");
  }
})();
