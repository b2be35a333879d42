// A quiz run on a phone: say when the connection is lost, keep the chosen answer, and send it again
// once the connection is back. The server counts an answer once per question, so a retry whose
// first attempt did arrive shows the answer that counts and changes nothing.
(function () {
  "use strict";
  const area = document.getElementById("quiz-area");
  const banner = document.querySelector("[data-net-banner]");
  if (!area || !banner) return;
  let pending = null;  // the form or button whose request did not get through
  let timer = null;

  function show(text, kind) {
    banner.textContent = text || "";
    banner.hidden = !text;
    banner.className = "net-banner" + (kind ? " " + kind : "");
  }

  function retry() {
    if (!pending || !navigator.onLine) return;
    const elt = pending;
    pending = null;
    window.clearInterval(timer);
    timer = null;
    show("网络已恢复，正在重新提交…");
    window.htmx.trigger(elt, elt.tagName === "FORM" ? "submit" : "click");
  }

  function failed(event, text) {
    if (!area.contains(event.detail.elt)) return;
    pending = event.detail.elt;
    show(text, "offline");
    if (!timer) timer = window.setInterval(retry, 3000);
  }

  document.body.addEventListener("htmx:sendError", (event) => failed(event, navigator.onLine
    ? "网络不稳定，未能提交，正在重试…"
    : "网络已断开。您的选择已保留，恢复连接后将自动提交。"));
  document.body.addEventListener("htmx:responseError", (event) => failed(event, "服务器繁忙，未能提交，正在重试…"));
  document.body.addEventListener("htmx:afterRequest", (event) => {
    if (event.detail.successful) show("");
  });
  window.addEventListener("offline", () => show("网络已断开。恢复连接后可继续答题，已答的题不会丢失。", "offline"));
  window.addEventListener("online", () => { if (pending) retry(); else show(""); });
})();
