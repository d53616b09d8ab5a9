// embed.js: include once on a partner page. It turns every
//   <div data-report-viewer="https://…/report/?section=part-1"></div>
// into an iframe of the report viewer that keeps itself as tall as its
// content. Height messages are accepted only from the iframe's own origin.
// Settings: ReportViewer.send(element, {theme, text, lang}) posts them to
// the viewer, which applies them only if the report lists this page's
// origin, and answers with a "report-viewer:applied" message.
(function () {
  "use strict";
  if (window.ReportViewer) return;
  var frames = [];

  function setUp(holder) {
    if (holder.getAttribute("data-report-viewer-ready")) return;
    var url;
    try {
      url = new URL(holder.getAttribute("data-report-viewer"), document.baseURI);
    } catch (e) {
      console.warn("report viewer embed: bad address", holder.getAttribute("data-report-viewer"));
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return;
    url.searchParams.set("embed", "1");
    var frame = document.createElement("iframe");
    frame.src = url.href;
    frame.title = holder.getAttribute("data-title") || "政府报告 Government report";
    frame.loading = "lazy";
    frame.width = "100%";
    frame.height = holder.getAttribute("data-height") || "600";
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
    if (!d || typeof d !== "object" || typeof d.type !== "string") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (ev.source !== f.frame.contentWindow || ev.origin !== f.origin) continue;
      if (d.type === "report-viewer:height" && d.height > 0 && d.height < 100000) {
        f.frame.height = String(Math.ceil(d.height));
        f.frame.style.height = Math.ceil(d.height) + "px";
      }
      f.holder.dispatchEvent(new CustomEvent(d.type, { detail: d }));
    }
  });

  window.ReportViewer = {
    /** Sends settings ({theme, text, lang}) to the viewer in `el`. */
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
