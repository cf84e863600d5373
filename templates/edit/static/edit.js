// processkit edit: put the focus where the last action left it (the moved item, the
// error summary); everything else works without this script.
document.addEventListener("DOMContentLoaded", function () {
  var target = document.querySelector("[data-focus]");
  if (target) { target.focus(); }
});
