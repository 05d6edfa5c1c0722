/*
 * "Listen": reads the page's text aloud, paragraph by paragraph, with the browser's speech
 * synthesis and a voice on the device only (voice.localService), in the language of the
 * text. The paragraph being read is highlighted. Play, Pause/Continue and Stop are real
 * buttons. Loaded by partials/listen.html when the reader first presses "Listen".
 */
(function () {
  "use strict";

  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td";
  var SKIP = ".iep-listen, .glossary-tips, .iep-fallback, .iep-outdated, script, style, [hidden]";
  var READING = "iep-reading";
  var reading = null; // { box, blocks, index, voice, paused }

  function voiceFor(lang) {
    var wanted = lang.toLowerCase().split(/[-_]/)[0];
    var voices = window.speechSynthesis.getVoices().filter(function (voice) {
      return voice.localService && voice.lang.toLowerCase().split(/[-_]/)[0] === wanted;
    });
    return voices[0] || null; // none: nothing is read, never with an online voice
  }

  function blocksOf(box) {
    var article = box.closest("article") || document.querySelector("article");
    var found = Array.prototype.slice.call(article.querySelectorAll(BLOCKS));
    return found.filter(function (element) {
      if (element.closest(SKIP) || !element.textContent.trim()) return false;
      return !element.querySelector(BLOCKS); // the innermost blocks: a list item's paragraph, not both
    });
  }

  function button(box, name) {
    return box.querySelector(".iep-listen__" + name);
  }

  function label(element, text) {
    element.querySelector("span").textContent = text;
  }

  function start(box) {
    var voice = voiceFor(box.getAttribute("data-lang"));
    if (!voice) return;
    var play = button(box, "play");
    play.setAttribute("data-label", play.querySelector("span").textContent);
    if (!button(box, "stop")) {
      var stop = document.createElement("button");
      stop.type = "button";
      stop.className = "md-button iep-listen__stop";
      stop.innerHTML = "<span></span>";
      label(stop, box.getAttribute("data-stop"));
      stop.addEventListener("click", function () { finish(); });
      box.appendChild(stop);
    }
    reading = { box: box, blocks: blocksOf(box), index: 0, voice: voice, paused: false };
    label(play, box.getAttribute("data-pause"));
    next();
  }

  function next() {
    if (!reading) return;
    clearMark();
    if (reading.index >= reading.blocks.length) return finish();
    var element = reading.blocks[reading.index];
    var utterance = new window.SpeechSynthesisUtterance(element.textContent.replace(/\s+/g, " ").trim());
    utterance.voice = reading.voice;
    utterance.lang = reading.voice.lang;
    utterance.onstart = function () {
      element.classList.add(READING);
      if (element.scrollIntoView) element.scrollIntoView({ block: "nearest" });
    };
    utterance.onend = function () {
      if (!reading) return;
      reading.index += 1;
      next();
    };
    window.speechSynthesis.speak(utterance);
  }

  function clearMark() {
    var marked = document.querySelector("." + READING);
    if (marked) marked.classList.remove(READING);
  }

  function finish() {
    if (!reading) return;
    var box = reading.box;
    reading = null;
    window.speechSynthesis.cancel();
    clearMark();
    var play = button(box, "play");
    label(play, play.getAttribute("data-label"));
    var stop = button(box, "stop");
    if (stop) stop.remove();
    play.focus();
  }

  window.iepReadAloud = {
    toggle: function (box) {
      var play = button(box, "play");
      if (!reading) return start(box);
      if (reading.paused) {
        reading.paused = false;
        window.speechSynthesis.resume();
        label(play, box.getAttribute("data-pause"));
      } else {
        reading.paused = true;
        window.speechSynthesis.pause();
        label(play, box.getAttribute("data-resume"));
      }
    }
  };
})();
