// Keyboard shortcuts for the review pages. No markup is built here: the page is
// server-rendered and this only clicks its buttons, so the CSP can forbid inline script.
(function () {
  "use strict";
  function typing(target) {
    return target && (target.tagName === "INPUT" && target.type !== "radio" || target.tagName === "TEXTAREA");
  }
  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var decide = document.getElementById("decide");
    if (event.key === "Enter" && decide && !typing(event.target) && event.target.tagName !== "BUTTON"
        && event.target.tagName !== "A") {
      event.preventDefault();
      click("change");
      return;
    }
    if (typing(event.target) || event.target.tagName === "SELECT") {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key;
    var handled = false;
    if (decide) {
      if (key === "c") { handled = click("confirm"); }
      else if (key === "n") { handled = click("not-city"); }
      else if (key === "s") { handled = click("skip"); }
      else if (key === "u") { handled = click("undo"); }
      else if (key === "y") { document.getElementById("city").focus(); handled = true; }
      else if (key === "g") {
        var radios = decide.querySelectorAll("input[name=scope]");
        var next = radios[0].checked ? radios[1] : radios[0];
        next.checked = true;
        handled = true;
      } else if (key >= "1" && key <= "5") {
        var select = document.getElementById("label");
        var index = Number(key) - 1;
        if (index < select.options.length) { select.selectedIndex = index; handled = true; }
      }
    } else if (key === "r") {
      var start = document.querySelector("[data-key=r]");
      if (start) { start.click(); handled = true; }
    } else if (key === "u") {
      handled = click("undo");
    }
    if (handled) { event.preventDefault(); }
  });
  document.documentElement.dataset.keys = "ready";  // lets tests (and people) know the shortcuts work
})();
