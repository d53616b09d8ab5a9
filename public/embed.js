// embed.js: include once on a partner page. It turns every
//   <div data-report-viewer="https://…/report/?section=part-1"></div>
// into an iframe of the report viewer that keeps itself as tall as its
// content.
//
// It frames only the viewer it belongs to: the directory embed.js was
// served from (that directory or its index.html, any query), there or at
// the same path on an origin the site's build lists below. A partner page
// whose sanitiser keeps data- attributes can then not be made to frame
// anything else (a look-alike page, an upload). From the frame it accepts only its
// own messages (source and origin checked), heights within limits, and
// the event names it knows.
//
// Settings: ReportViewer.send(element, {theme, text, lang, script}) posts
// them to the viewer, which applies them only if the report lists this
// page's origin, and answers with a "report-viewer:applied" message.
(function () {
  "use strict";
  if (window.ReportViewer) return;
  // Written by `report build --embed-allow-origin`: other origins that
  // serve this viewer at the same path (a mirror, or the site itself when
  // this file comes from a static host of its own).
  var ALSO = /*report-viewer:embed-origins*/[];
  // Taller than any report shown whole (the bundled one, every section
  // open, at phone width and the largest text: 42,000 px); beyond it the
  // frame scrolls.
  var MAX_HEIGHT = 100000;
  var EVENTS = ["report-viewer:ready", "report-viewer:height", "report-viewer:applied"];
  var frames = [];

  // The directories a framed address must be in. currentScript is only
  // set while this file first runs, so it is read here.
  var dirs = [];
  var me = document.currentScript && document.currentScript.src;
  var home = null;
  try { if (me) home = new URL(".", me); } catch (e) { home = null; }
  if (home) dirs.push(home);
  for (var a = 0; a < ALSO.length && home; a++) {
    try { dirs.push(new URL(home.pathname, ALSO[a])); } catch (e) { /* the build writes origins only */ }
  }

  function isViewer(url) {
    if (url.protocol !== "https:" && url.protocol !== "http:") return false;
    if (url.username || url.password) return false;
    for (var i = 0; i < dirs.length; i++) {
      var d = dirs[i];
      if (url.origin === d.origin && (url.pathname === d.pathname || url.pathname === d.pathname + "index.html")) return true;
    }
    return false;
  }

  function clampHeight(h) {
    return Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(h)));
  }

  function setUp(holder) {
    if (holder.getAttribute("data-report-viewer-ready")) return;
    var raw = holder.getAttribute("data-report-viewer");
    var url;
    try {
      url = new URL(raw, document.baseURI);
    } catch (e) {
      url = null;
    }
    if (!url || !isViewer(url)) {
      console.warn("report viewer embed: not this viewer's address, not framed:", raw);
      return;
    }
    url.searchParams.set("embed", "1");
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = holder.getAttribute("data-title") || "政府报告 Government report";
    frame.loading = "lazy";
    frame.width = "100%";
    var h = parseInt(holder.getAttribute("data-height"), 10);
    frame.height = String(h > 0 ? clampHeight(h) : 600);
    frame.setAttribute("style", "border:0;display:block;width:100%");
    holder.setAttribute("data-report-viewer-ready", "1");
    holder.appendChild(frame);
    frames.push({ frame: frame, origin: url.origin, holder: holder });
  }

  function find(el) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.frame === el || f.holder === el) return f;
    }
    return null;
  }

  window.addEventListener("message", function (ev) {
    var d = ev.data;
    if (!d || typeof d !== "object" || EVENTS.indexOf(d.type) < 0) return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (ev.source !== f.frame.contentWindow || ev.origin !== f.origin) continue;
      // Only the fields this viewer sends, as numbers and strings.
      var detail = { type: d.type };
      if (d.type === "report-viewer:height") {
        if (typeof d.height !== "number" || !isFinite(d.height)) return;
        detail.height = clampHeight(d.height);
        f.frame.height = String(detail.height);
        f.frame.style.height = detail.height + "px";
      }
      var keys = ["theme", "text", "lang", "script"];
      for (var k = 0; k < keys.length; k++) {
        if (typeof d[keys[k]] === "string") detail[keys[k]] = d[keys[k]].slice(0, 20);
      }
      f.holder.dispatchEvent(new CustomEvent(d.type, { detail: detail }));
    }
  });

  window.ReportViewer = {
    /** Sends settings ({theme, text, lang, script}) to the viewer in `el`. */
    send: function (el, settings) {
      var f = find(el);
      if (!f || !f.frame.contentWindow) return false;
      var msg = { type: "report-viewer:settings" };
      for (var k in settings) if (Object.prototype.hasOwnProperty.call(settings, k)) msg[k] = settings[k];
      f.frame.contentWindow.postMessage(msg, f.origin);
      return true;
    },
    /** Sets up holders added to the page after load. */
    scan: function () {
      var all = document.querySelectorAll("[data-report-viewer]");
      for (var i = 0; i < all.length; i++) setUp(all[i]);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", window.ReportViewer.scan);
  else window.ReportViewer.scan();
})();
