/* The search worker Material starts as a page opens (hooks/iep_guide/search/ points its
   __config here). It loads nothing more until Material sends the index settings (SETUP),
   which happens only once the reader comes near the search (site.js holds the index back):
   then it loads the text rules, the engine and the language's stemmer, and hands them
   every message. In the offline copy it runs in Material's iframe shim, where
   importScripts returns a promise. */
(function () {
  "use strict";
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var loaded = null;

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!loaded) loaded = load(((message.data || {}).config || {}).iep || {});
    loaded.then(function () { self.iepSearch.receive(message); });
  });

  function load(settings) {
    var scripts = [new URL("text.js", here).href, new URL("engine.js", here).href];
    if (settings.stemmer) scripts.push(new URL("../vendor/snowball/" + settings.stemmer + ".js", here).href);
    return Promise.resolve(importScripts.apply(self, scripts)).then(function () { self.iepSearch.start(here); });
  }
})();
