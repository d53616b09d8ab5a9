// Watches the viewer start. If WebAssembly is missing, a script is blocked
// or start-up fails, it says so above the report text already in the page,
// instead of leaving a reader wondering. It never removes content. It is
// inlined into the page, so it still runs in a copy saved without its files.
(function () {
  "use strict";
  var root = document.documentElement;
  var shown = false;
  function whenReady(f) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", f);
    else f();
  }
  function say(zh, en) {
    if (shown || root.classList.contains("viewer-ready")) return;
    shown = true;
    whenReady(function () { show(zh, en); });
  }
  function show(zh, en) {
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
    var loading = document.querySelector("[data-testid=boot]");
    if (loading) loading.hidden = true;
  }
  var failed = function () {
    say("交互功能未能启动(浏览器可能不支持 WebAssembly,或脚本被拦截)。下面是报告全文。",
        "The interactive viewer could not start (WebAssembly unsupported or a script blocked). The full report text is below.");
  };
  if (typeof WebAssembly !== "object") { failed(); return; }
  window.addEventListener("error", function (ev) {
    // Resource load errors (script, wasm) and uncaught exceptions.
    if (!root.classList.contains("viewer-ready")) failed();
  }, true);
  window.addEventListener("unhandledrejection", function () {
    if (!root.classList.contains("viewer-ready")) failed();
  });
  setTimeout(function () {
    if (!root.classList.contains("viewer-ready")) {
      say("交互功能仍在加载或未能启动。下面是报告全文。",
          "The interactive viewer is still loading or did not start. The full report text is below.");
    }
  }, 15000);
})();
