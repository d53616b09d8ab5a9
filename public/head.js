// Runs before the page is painted: applies the reader's theme and text
// size (the URL's, else the remembered one, else the system's), marks an
// embedded page and its scope (?embed=1, ?section=, ?chart=), and sends
// ?lang= to that language's page and ?script= (or the script the reader
// chose before) to the report's page in that script, so that nothing
// moves when the viewer starts. Then it watches the viewer start and says
// so above the report text if it cannot. It never removes content. It is
// inlined into the page (and hashed in its Content-Security-Policy), so it
// also runs in a copy saved without its files. Its tables (THEMES, TEXTS,
// LANGS, SCRIPTS) and storage prefix repeat report_format::settings; a
// native test (tests/it/head_js.rs) holds them together.
(function () {
  "use strict";
  var root = document.documentElement;
  var q = new URLSearchParams(location.search);
  var THEMES = { light: "light", dark: "dark", contrast: "contrast", "high-contrast": "contrast" };
  var TEXTS = { standard: "standard", normal: "standard", large: "large", xlarge: "xlarge", "x-large": "xlarge" };
  var LANGS = { zh: "zh-CN", "zh-cn": "zh-CN", "zh-hans": "zh-CN", en: "en", "en-gb": "en", "en-us": "en" };
  function pick(map, v) { return v ? map[v.toLowerCase()] : undefined; }
  function stored(k) {
    try { return localStorage.getItem("report-viewer:" + k); } catch (e) { return null; }
  }
  function media(m) { return !!(window.matchMedia && matchMedia(m).matches); }

  // Another interface language is another page.
  function go(tag, key) {
    var other = document.querySelector('link[rel="alternate"][hreflang="' + tag + '"]');
    if (!other) return false;
    q.delete(key);
    var rest = q.toString();
    location.replace(other.getAttribute("href") + (rest ? "?" + rest : "") + location.hash);
    return true;
  }
  var lang = pick(LANGS, q.get("lang"));
  var ui = root.getAttribute("data-ui-lang") === "en" ? "en" : "zh-CN";
  if (lang && lang !== ui && go(lang, "lang")) return;

  // So is another script (简体 / 繁體) of the Chinese page: the URL's
  // (remembered, and kept in the URL), else the one chosen before.
  var SCRIPTS = { hans: "hans", "zh-hans": "hans", simplified: "hans", hant: "hant", "zh-hant": "hant", traditional: "hant" };
  var said = pick(SCRIPTS, q.get("script"));
  if (said) {
    try { localStorage.setItem("report-viewer:script", said); } catch (e) { /* private mode */ }
  }
  var script = said || pick(SCRIPTS, stored("script"));
  var here = root.getAttribute("data-script") === "hant" ? "hant" : "hans";
  if (ui === "zh-CN" && script && script !== here && go(script === "hant" ? "zh-Hant" : "zh-CN", "-")) return;

  var theme = pick(THEMES, q.get("theme")) || pick(THEMES, stored("theme")) ||
    (media("(prefers-contrast: more)") || media("(forced-colors: active)") ? "contrast"
      : media("(prefers-color-scheme: dark)") ? "dark" : "light");
  root.setAttribute("data-theme", theme);
  root.setAttribute("data-text", pick(TEXTS, q.get("text")) || pick(TEXTS, stored("text")) || "standard");

  var framed = false;
  try { framed = window.parent !== window; } catch (e) { framed = true; }
  var embed = q.get("embed");
  if (framed || (embed !== null && embed !== "0" && embed !== "false")) root.setAttribute("data-embed", "");

  // One chart or one section: everything else in the report is hidden by
  // a rule added to the page's own style sheet (an id is letters, digits,
  // - and _, so it is safe in a selector). A browser without :has() shows
  // the whole report instead.
  var kind = q.get("chart") ? "chart" : q.get("section") ? "section" : null;
  var id = kind && q.get(kind);
  var sheet = document.querySelector("style");
  if (kind && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(id) && sheet && sheet.sheet) {
    var at = -1;
    try {
      at = sheet.sheet.insertRule("#content :not(#" + id + "):not(:has(#" + id + ")):not(#" + id +
        " *){display:none!important}", sheet.sheet.cssRules.length);
      root.setAttribute("data-scope", kind);
    } catch (e) { at = -1; }
    if (at >= 0) {
      document.addEventListener("DOMContentLoaded", function () {
        var el = document.getElementById(id);
        if (!el || !el.matches(kind === "chart" ? "figure.chart" : "details.sec")) {
          sheet.sheet.deleteRule(at);
          root.removeAttribute("data-scope");
          console.warn("report viewer: ignoring unknown " + kind + "=" + id);
        }
      });
    }
  }

  // Watching the viewer start.
  var shown = false;
  function started() { return root.hasAttribute("data-viewer"); }
  function say(zh, en) {
    if (shown || started()) return;
    shown = true;
    var show = function () {
      var p = document.createElement("p");
      p.className = "boot-note";
      p.setAttribute("role", "status");
      p.setAttribute("data-testid", "boot-failed");
      p.textContent = zh + " ";
      var e = document.createElement("span");
      e.lang = "en";
      e.textContent = en;
      p.appendChild(e);
      var app = document.getElementById("app");
      (app || document.body).insertAdjacentElement("beforebegin", p);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }
  var failed = function () {
    say("交互功能未能启动(浏览器可能不支持 WebAssembly,或脚本被拦截)。下面是报告全文。",
        "The interactive viewer could not start (WebAssembly unsupported or a script blocked). The full report text is below.");
  };
  if (typeof WebAssembly !== "object") { failed(); return; }
  window.addEventListener("error", function () { if (!started()) failed(); }, true);
  window.addEventListener("unhandledrejection", function () { if (!started()) failed(); });
  setTimeout(function () {
    say("交互功能仍在加载或未能启动。下面是报告全文。",
        "The interactive viewer is still loading or did not start. The full report text is below.");
  }, 15000);
})();
