/* processkit's site: the only script besides search. It adds zoom buttons to the maps (on a
   phone a wide map is zoomed with them and panned by scrolling). Without it every page works;
   the maps are then shown to fit the width and can be scrolled. */
(function () {
  "use strict";
  var STEP = 1.5;
  function setup(figure) {
    var tools = figure.querySelector(".map-tools");
    var box = figure.querySelector(".map-scroll");
    var svg = box && box.querySelector("svg");
    if (!tools || !svg) { return; }
    var scale = 1;
    function fitWidth() { return box.clientWidth || svg.getBoundingClientRect().width; }
    function apply() {
      if (scale <= 1) {
        scale = 1;
        box.classList.remove("zoomed");
        svg.style.width = "";
        return;
      }
      box.classList.add("zoomed");
      svg.style.width = Math.round(fitWidth() * scale) + "px";
    }
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-zoom]");
      if (!button) { return; }
      var how = button.getAttribute("data-zoom");
      var before = scale;
      if (how === "in") { scale = Math.min(scale * STEP, 8); }
      else if (how === "out") { scale = scale / STEP; }
      else { scale = 1; }
      var centreX = (box.scrollLeft + box.clientWidth / 2) / (before || 1);
      var centreY = (box.scrollTop + box.clientHeight / 2) / (before || 1);
      apply();
      box.scrollLeft = centreX * scale - box.clientWidth / 2;
      box.scrollTop = centreY * scale - box.clientHeight / 2;
    });
  }
  var figures = document.querySelectorAll("figure.map");
  for (var i = 0; i < figures.length; i++) { setup(figures[i]); }
})();
