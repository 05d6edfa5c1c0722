/* Material looks for a sitemap.xml beside every <link rel="alternate"> in the page
   head. This site's alternates are pages (hreflang), not language roots, so those
   look-ups would all fail with 404. Skip them without sending a request; the
   sitemap of the site's own language still loads, except in the offline copy
   opened from disk, where browsers refuse such requests. */
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  var ownSitemap = new URL("sitemap.xml", new URL(config.base, location.href)).href;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var target = new URL(url, location.href);
    this.iepSkip = /\/sitemap\.xml$/.test(target.pathname) &&
      (target.href !== ownSitemap || location.protocol === "file:");
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.iepSkip) return send.apply(this, arguments);
  };
})();
