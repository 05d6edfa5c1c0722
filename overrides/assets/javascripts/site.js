/* Requests Material sends that this site holds back or skips.

   1. Material looks for a sitemap.xml beside every <link rel="alternate"> in the page
   head. This site's alternates are pages (hreflang), not language roots, so those
   look-ups would all fail with 404. Skip them without sending a request; the
   sitemap of the site's own language still loads, except in the offline copy
   opened from disk, where browsers refuse such requests.

   2. Material downloads the search index (and, for languages other than English,
   Lunr's stemmers) as soon as a page opens. On a large guide the index weighs
   megabytes, and most visits never search. Hold that download until the reader
   comes near the search (hovers or taps it, focuses it, presses a search shortcut),
   or arrives with ?q= (a shared search) or ?h= (words to highlight from a result).
   The offline copy loads its index with a script tag, not through here.

   overrides/main.html inlines this file in the page head, so it runs before Material's
   script (which sends the search request as it starts), before the page body exists. */
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var searching = /[?&][qh]=/.test(location.search);

  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(url, location.href);
    this.iepSkip = /\/sitemap\.xml$/.test(target.pathname) &&
      (target.href !== ownSitemap() || location.protocol === "file:");
    this.iepSearch = /\/search\/search_index\.json$/.test(target.pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.iepSkip) return;
    if (this.iepSearch && !searching) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, arguments);
  };

  function ownSitemap() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL("sitemap.xml", new URL(config.base, location.href)).href;
  }

  function startSearch(event) {
    var target = event.target;
    if (searching || !(target instanceof Element)) return;
    if (target.closest(".md-search, [for='__search']") || target.id === "__search") {
      searching = true;
      held.splice(0).forEach(function (request) { send.apply(request[0], request[1]); });
    }
  }
  ["pointerover", "pointerdown", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, startSearch, true);
  });
})();
