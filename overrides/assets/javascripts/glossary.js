/*
 * Glossary tooltips (WCAG 2.2 SC 1.4.13, 2.1.1).
 *
 * The glossary hook links terms like this:
 *   <a class="glossary-term" href="../glossary/#fape" aria-describedby="glossary-tip-fape">FAPE</a>
 *   ...
 *   <div class="glossary-tips" hidden><span class="glossary-tip" role="tooltip" id="glossary-tip-fape">…</span></div>
 * Screen readers get the definition through aria-describedby, with or without this script.
 * This script shows the definition beside the term on hover and on keyboard focus:
 * - it stays while the pointer is on the term or on the tooltip itself, or while the term has focus;
 * - Escape hides it without moving focus or the pointer.
 * A tap (touch or pen) opens the definition in place instead of following the link: a small
 * dialog below the term (above it when there is no room; never over it) with the definition,
 * "More in the glossary" (the link) and Close. Focus goes to it, and back to the term when
 * it closes: Close, Escape, a tap outside it, or the back gesture. The dialog's markup and
 * words come from <template id="glossary-popover-template"> (partials/glossary-popover.html).
 * A mouse click or Enter still follows the link. Listeners are on the document, so content
 * swapped in later works too. No dependencies.
 */
(function () {
  "use strict";

  var HIDE_DELAY = 300; // ms: time to move the pointer from the term onto the tooltip
  var TOUCH_GRACE = 800; // ms: mouse and focus events this soon after a touch come from the tap
  var VISIBLE = "glossary-tip--visible";

  var POPOVER_STATE = "iep-glossary-popover"; // history entry the back gesture removes

  var current = null; // { link, tip } being shown
  var popover = null; // { link, box }: the definition a tap opened
  var dismissed = null; // link whose tooltip Escape hid; shown again once left and re-entered
  var hideTimer = null;
  var lastTouch = 0;

  function termOf(node) {
    return node && node.closest ? node.closest("a.glossary-term[aria-describedby]") : null;
  }

  function tipOf(node) {
    return node && node.closest ? node.closest(".glossary-tip") : null;
  }

  function tipFor(link) {
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    return tip && tip.classList.contains("glossary-tip") ? tip : null;
  }

  function fromTouch() {
    return Date.now() - lastTouch < TOUCH_GRACE;
  }

  function show(link) {
    cancelHide();
    if (dismissed === link || fromTouch()) return;
    var tip = tipFor(link);
    if (!tip) return;
    if (current && current.tip !== tip) hideNow();
    // Out of the hidden container, positioned against the page.
    if (tip.parentNode !== document.body) document.body.appendChild(tip);
    tip.classList.add(VISIBLE);
    current = { link: link, tip: tip };
    place();
  }

  function place() {
    if (!current) return;
    var link = current.link;
    var tip = current.tip;
    var rect = link.getClientRects()[0] || link.getBoundingClientRect(); // first line of a wrapped term
    var gap = 4;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left, viewport - tip.offsetWidth - 8));
    var top = rect.bottom + gap;
    if (top + tip.offsetHeight > window.innerHeight && rect.top - gap - tip.offsetHeight > 0) {
      top = rect.top - gap - tip.offsetHeight; // no room below: above the term
    }
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function hideNow() {
    cancelHide();
    if (!current) return;
    current.tip.classList.remove(VISIBLE);
    current = null;
  }

  function hideSoon() {
    cancelHide();
    hideTimer = window.setTimeout(hideNow, HIDE_DELAY);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  function within(node, link) {
    return !!node && !!current && (termOf(node) === link || tipOf(node) === current.tip);
  }

  // -- the definition a tap opens --------------------------------------------------------

  function openPopover(link) {
    var template = document.getElementById("glossary-popover-template");
    var tip = tipFor(link);
    if (!template || !tip || !template.content) return false;
    closePopover(false);
    hideNow();
    var box = template.content.firstElementChild.cloneNode(true);
    var term = box.querySelector(".glossary-popover__term");
    term.id = tip.id + "-term";
    term.textContent = link.textContent;
    box.setAttribute("aria-labelledby", term.id);
    var text = box.querySelector(".glossary-popover__text");
    text.textContent = tip.textContent;
    text.lang = tip.lang;  // an entry not translated yet is in the default language
    box.querySelector(".glossary-popover__more").href = link.href;
    box.querySelector(".glossary-popover__close").addEventListener("click", function () { closePopover(true); });
    box.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (popover && next && !box.contains(next) && next !== popover.link) closePopover(false);
    });
    document.body.appendChild(box);
    link.setAttribute("aria-expanded", "true");
    popover = { link: link, box: box };
    placeBox();
    history.pushState({ glossary: POPOVER_STATE }, "");
    box.focus({ preventScroll: true });
    return true;
  }

  function closePopover(restoreFocus, fromHistory) {
    if (!popover) return;
    var link = popover.link;
    popover.box.remove();
    link.removeAttribute("aria-expanded");
    popover = null;
    if (!fromHistory && history.state && history.state.glossary === POPOVER_STATE) history.back();
    if (restoreFocus) {
      dismissed = link; // no hover tooltip over the term it returns to
      link.focus({ preventScroll: true });
    }
  }

  function placeBox() {
    if (!popover) return;
    var box = popover.box;
    var rect = popover.link.getClientRects()[0] || popover.link.getBoundingClientRect();
    var gap = 6;
    var viewport = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(rect.left, viewport - box.offsetWidth - 8));
    var top = rect.bottom + gap;
    if (top + box.offsetHeight > window.innerHeight && rect.top - gap - box.offsetHeight > 0) {
      top = rect.top - gap - box.offsetHeight; // no room below: above the term, never over it
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (link && fromTouch() && openPopover(link)) event.preventDefault();
  });

  document.addEventListener("pointerdown", function (event) {
    if (!popover || popover.box.contains(event.target) || termOf(event.target) === popover.link) return;
    var link = popover.link;
    closePopover(false);
    // Back to the term once the tap is over, unless it gave focus to something else.
    window.setTimeout(function () {
      if (!document.activeElement || document.activeElement === document.body) {
        dismissed = link;
        link.focus({ preventScroll: true });
      }
    }, 0);
  }, true);

  window.addEventListener("popstate", function () { closePopover(true, true); });

  // -- hover and focus -----------------------------------------------------------------------

  document.addEventListener("touchstart", function () { lastTouch = Date.now(); }, { passive: true, capture: true });
  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType && event.pointerType !== "mouse") lastTouch = Date.now();
  }, true);

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link) {
      if (!current || current.link !== link) show(link);
      else cancelHide();
    } else if (current && tipOf(event.target) === current.tip) {
      cancelHide(); // the pointer is on the tooltip: keep it (hoverable)
    }
  });

  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    var left = link || (current && tipOf(event.target) === current.tip ? current.link : null);
    if (!left) return;
    if (within(event.relatedTarget, left)) return; // moving inside the term or onto its tooltip
    if (dismissed === left && termOf(event.relatedTarget) !== left) dismissed = null;
    if (current && current.link === left && document.activeElement !== left) hideSoon();
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) show(link);
  });

  document.addEventListener("focusout", function (event) {
    var link = termOf(event.target);
    if (!link) return;
    if (dismissed === link) dismissed = null;
    if (current && current.link === link) hideNow();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    if (popover) {
      closePopover(true);
    } else if (current) {
      dismissed = current.link;
      hideNow();
    }
  });

  window.addEventListener("resize", function () { place(); placeBox(); });
})();
