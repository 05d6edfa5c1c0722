/*
 * Letters and the meeting statement, filled in on the device (hooks/iep_guide/letters/).
 *
 * The page already holds each letter with its blanks: <span data-field="child">[child's
 * name]</span>, paragraphs shown by an option (data-if="evaluation.report") or hidden by
 * one (data-if-not), and the letter in the school's language (data-role="letter") with a
 * reading copy in the site's language (data-role="copy"). This script fills the blanks as
 * the family types, and prints, copies, downloads or opens the letter in the mail app.
 *
 * Privacy: it sends nothing and loads nothing. It keeps nothing unless the family ticks
 * "Keep my answers on this device"; then every answer is one localStorage entry, and
 * "Erase my answers" removes every entry this guide wrote. No dependencies.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("iep-tools-config");
  var article = document.querySelector("article");
  if (!configElement || !article) return;
  var config = JSON.parse(configElement.textContent);
  var say = config.messages;
  var PREFIX = "iep-guide:";
  var ANSWERS = PREFIX + "answers";
  var KEEP = PREFIX + "keep";
  var tools = article.querySelectorAll("[data-iep-tool]");
  var controls = article.querySelectorAll("input[name], textarea[name]");
  var current = null; // the tool worked on last: what the browser's Print command prints

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function kept() {
    var store = storage();
    return !!store && store.getItem(KEEP) === "1";
  }

  function control(name) {
    return article.querySelector('[name="' + name + '"]:not([type="radio"]), [name="' + name + '"]:checked');
  }

  function value(name) {
    var element = control(name);
    return element ? element.value.trim() : "";
  }

  function checked(name) {
    var element = control(name);
    return !!element && element.checked;
  }

  function formatDate(text, lang, days) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!parts) return "";
    var date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3] + (days || 0)));
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date);
  }

  function language(element) {
    var owner = element.closest("[lang]");
    return owner ? owner.getAttribute("lang") : config.lang;
  }

  function letterLanguage() {
    var choice = article.querySelector('[name="iep-lang"]:checked');
    return choice ? choice.value : null;
  }

  // -- the letter, as the family fills it in ----------------------------------------------

  function fill(span) {
    if (span.iepBlank === undefined) span.iepBlank = span.textContent;
    var text = value(span.getAttribute("data-field"));
    if (text && span.getAttribute("data-kind") === "date") text = formatDate(text, language(span));
    span.textContent = text || span.iepBlank;
    span.classList.toggle("iep-filled", !!text);
  }

  function update() {
    var lang = letterLanguage();
    each(tools, function (tool) {
      each(tool.querySelectorAll(".iep-version"), function (version) {
        var own = version.getAttribute("data-lang");
        if (!lang) return; // one language only: nothing to choose
        var role = own === lang ? "letter" : own === config.lang ? "copy" : "off";
        version.setAttribute("data-role", role);
        version.hidden = role === "off";
      });
      each(tool.querySelectorAll("[data-if], [data-if-not]"), function (block) {
        var shownBy = block.getAttribute("data-if");
        var hiddenBy = block.getAttribute("data-if-not");
        block.hidden = (!!shownBy && !checked(shownBy)) || (!!hiddenBy && checked(hiddenBy));
      });
      each(tool.querySelectorAll("[data-field]"), fill);
      each(tool.querySelectorAll("[data-due]"), function (span) {
        if (span.iepBlank === undefined) span.iepBlank = span.textContent;
        var due = formatDate(value("date"), language(span), +span.getAttribute("data-due"));
        span.textContent = due || span.iepBlank;
      });
      var mail = tool.querySelector('[data-action="mail"]');
      if (mail) {
        mail.href = "mailto:" + encodeURIComponent(value("email")) + "?subject=" +
          encodeURIComponent(subject(tool)) + "&body=" + encodeURIComponent(text(tool));
      }
    });
  }

  function sheet(tool) {
    return tool.querySelector('.iep-version[data-role="letter"] .iep-sheet');
  }

  function plain(element) {
    return element.textContent.replace(/[ \t\u00a0]+/g, " ").replace(/ *\n */g, "\n").trim();
  }

  function subject(tool) {
    var part = sheet(tool).querySelector(".iep-subject-text") || sheet(tool).querySelector(".iep-subject");
    return part ? plain(part) : "";
  }

  // The letter as plain text: paragraphs apart, the lines of an address or signature together.
  function text(tool) {
    var blocks = [];
    var lines = [];
    function flush() {
      if (lines.length) blocks.push(lines.join("\n"));
      lines = [];
    }
    each(sheet(tool).children, function (block) {
      if (block.hidden) return;
      if (block.classList.contains("iep-line")) {
        lines.push(plain(block));
        return;
      }
      flush();
      if (block.tagName === "UL") {
        var items = [];
        each(block.children, function (item) {
          if (!item.hidden) items.push("- " + plain(item));
        });
        blocks.push(items.join("\n"));
      } else {
        blocks.push(plain(block));
      }
    });
    flush();
    return blocks.join("\n\n") + "\n";
  }

  // -- what the family can do with it -----------------------------------------------------

  function tell(tool, message) {
    var status = tool.querySelector(".iep-status") || tool.querySelector(".iep-keep-status");
    if (status) status.textContent = message;
  }

  function missing() {
    var empty = [];
    each(article.querySelectorAll("[data-required]"), function (element) {
      var blank = !element.value.trim();
      element.setAttribute("aria-invalid", blank ? "true" : "false");
      if (blank) empty.push(element);
    });
    return empty;
  }

  // Before a letter leaves the page: the details it cannot do without, said and focused.
  function ready(tool) {
    var alert = tool.querySelector(".iep-alert");
    var empty = missing();
    alert.textContent = "";
    alert.hidden = !empty.length;
    if (!empty.length) return true;
    var intro = document.createElement("p");
    intro.textContent = say.missing;
    var list = document.createElement("ul");
    empty.forEach(function (element) {
      var link = document.createElement("a");
      link.href = "#" + element.id;
      link.textContent = document.querySelector('label[for="' + element.id + '"]').firstChild.textContent.trim();
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    alert.appendChild(intro);
    alert.appendChild(list);
    alert.focus();
    return false;
  }

  function print(tool) {
    current = tool;
    window.print();
  }

  function copy(tool) {
    var letter = text(tool);
    function fallback() {
      var area = document.createElement("textarea");
      area.value = letter;
      area.setAttribute("readonly", "");
      area.className = "iep-offscreen";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      area.remove();
      tell(tool, done ? say.copied : say.copy_failed);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(letter).then(function () { tell(tool, say.copied); }, fallback);
    } else {
      fallback();
    }
  }

  function download(tool) {
    var date = value("date") || new Date().toISOString().slice(0, 10);
    var name = say.file + "-" + tool.getAttribute("data-iep-tool").replace(/_/g, "-") + "-" + date + ".txt";
    var url = URL.createObjectURL(new Blob([text(tool)], { type: "text/plain;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    tell(tool, say.downloaded.replace("{file}", name));
  }

  var ACTIONS = { print: print, copy: copy, download: download };

  article.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    var tool = button && button.closest("[data-iep-tool]");
    if (!tool) return;
    var action = button.getAttribute("data-action");
    if (!ready(tool)) {
      event.preventDefault();
      return;
    }
    if (action !== "mail") ACTIONS[action](tool);
  });

  article.addEventListener("focusin", function (event) {
    var tool = event.target.closest(".iep-letter"); // the statement prints with its own button only
    if (tool) current = tool;
  });

  window.addEventListener("beforeprint", function () {
    var root = document.documentElement;
    if (!current || root.hasAttribute("data-iep-print")) return;
    root.setAttribute("data-iep-print", current.getAttribute("data-iep-tool"));
    current.setAttribute("data-printing", "");
  });

  window.addEventListener("afterprint", function () {
    document.documentElement.removeAttribute("data-iep-print");
    each(article.querySelectorAll("[data-printing]"), function (tool) { tool.removeAttribute("data-printing"); });
  });

  // -- keeping the answers, only when asked -----------------------------------------------

  function answers() {
    var result = {};
    each(controls, function (element) {
      if (element.type === "radio") {
        if (element.checked) result[element.name] = element.value;
      } else if (element.type === "checkbox") {
        result[element.name] = element.checked;
      } else if (element.value) {
        result[element.name] = element.value;
      }
    });
    return result;
  }

  function save() {
    if (!kept()) return;
    var store = storage();
    var all = JSON.parse(store.getItem(ANSWERS) || "{}"); // answers of the other tool page too
    var mine = answers();
    each(controls, function (element) { delete all[element.name]; });
    Object.keys(mine).forEach(function (name) { all[name] = mine[name]; });
    store.setItem(ANSWERS, JSON.stringify(all));
  }

  function restore(all) {
    each(controls, function (element) {
      var saved = all[element.name];
      if (element.type === "radio") {
        element.checked = saved === undefined ? element.defaultChecked : saved === element.value;
      } else if (element.type === "checkbox") {
        element.checked = saved === undefined ? element.defaultChecked : saved === true;
      } else {
        element.value = saved === undefined ? "" : saved;
      }
    });
  }

  function forget() {
    var store = storage();
    if (!store) return;
    for (var index = store.length - 1; index >= 0; index -= 1) {
      var key = store.key(index);
      if (key && key.indexOf(PREFIX) === 0) store.removeItem(key);
    }
  }

  var keepBoxes = article.querySelectorAll("[data-iep-keep]");
  each(keepBoxes, function (box) {
    var panel = box.closest(".iep-keep");
    if (!storage()) return;
    panel.hidden = false;
    box.addEventListener("change", function () {
      var store = storage();
      try {
        if (box.checked) {
          store.setItem(KEEP, "1");
          save();
        } else {
          forget();
        }
        tell(panel, box.checked ? say.kept : say.not_kept);
      } catch (error) {
        box.checked = false;
        forget();
        tell(panel, say.storage_failed);
      }
    });
    panel.querySelector("[data-iep-erase]").addEventListener("click", function () {
      forget();
      restore({});
      box.checked = false;
      each(article.querySelectorAll("[aria-invalid]"), function (element) { element.removeAttribute("aria-invalid"); });
      update();
      tell(panel, say.erased);
    });
  });

  function changed(event) {
    var element = event.target;
    if (!element.name || !article.contains(element)) return;
    if (element.getAttribute("aria-invalid") === "true" && element.value.trim()) {
      element.setAttribute("aria-invalid", "false");
    }
    update();
    try {
      save();
    } catch (error) {
      each(keepBoxes, function (box) { tell(box.closest(".iep-keep"), say.storage_failed); });
    }
  }

  article.addEventListener("input", changed);
  article.addEventListener("change", changed);

  // A reload shows what was kept, or an empty form (never what the browser remembered).
  var saved = {};
  if (kept()) {
    try {
      saved = JSON.parse(storage().getItem(ANSWERS) || "{}");
    } catch (error) {
      saved = {};
    }
  }
  restore(saved);
  each(keepBoxes, function (box) { box.checked = kept(); });
  each(article.querySelectorAll(".iep-actions"), function (actions) { actions.hidden = false; });
  update();
})();
