/*
 * The navigation drawer from the keyboard (phones, narrow windows, text zoomed in).
 *
 * Material opens its drawer with a <label for="__drawer"> on a hidden checkbox: a mouse
 * or a finger can use it, a keyboard cannot reach it. This script puts a real button in
 * its place (same icon, named like the navigation it opens, with aria-expanded):
 * - Enter or Space opens the drawer and moves focus to its first link;
 * - Escape closes it and puts focus back on the button; so does tabbing out of it.
 * site.css keeps the links of the closed drawer out of the Tab order. Without this
 * script the label stays and works as before.
 */
(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var label = document.querySelector(".md-header__button[for='__drawer']");
  var drawer = document.querySelector(".md-sidebar--primary");
  var nav = drawer && drawer.querySelector(".md-nav--primary");
  if (!toggle || !label || !nav) return;

  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " iep-drawer-button";
  button.setAttribute("aria-label", nav.getAttribute("aria-label") || "Navigation");
  button.setAttribute("aria-expanded", "false");
  button.innerHTML = label.innerHTML; // the icon
  label.replaceWith(button);

  function open() {
    return toggle.checked;
  }

  function setOpen(value) {
    if (open() !== value) toggle.click(); // as a tap on the label: Material sees the change
  }

  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", String(open()));
  });

  button.addEventListener("click", function (event) {
    setOpen(!open());
    if (open() && event.detail === 0) {
      // Opened with Enter or Space: continue in the drawer.
      var first = nav.querySelector("a[href], [tabindex='0']");
      if (first) first.focus();
    }
  });

  document.addEventListener("keydown", function (event) {
    var focus = document.activeElement;
    if (event.key === "Escape" && open() && (drawer.contains(focus) || focus === button)) {
      setOpen(false);
      button.focus();
    }
  });

  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (open() && next && !drawer.contains(next) && next !== button) setOpen(false);
  });
})();
