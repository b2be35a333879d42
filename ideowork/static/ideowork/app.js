// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Confirm destructive actions: <button data-confirm="确定删除？">
  document.body.addEventListener("click", (event) => {
    const el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
  });
  // Print the page: <button data-print> (the sealed activation slips).
  document.body.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) window.print();
  });
  // Copy an element's text: <button data-copy="#api-token" data-copied="已复制"> (a token shown once).
  // The clipboard API needs a secure context; elsewhere the text is selected and copied the old way.
  document.body.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy]");
    const source = button && document.querySelector(button.dataset.copy);
    if (!source) return;
    const done = () => { button.textContent = button.dataset.copied || "已复制"; };
    const selectAndCopy = () => {
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (document.execCommand("copy")) done();
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.textContent.trim()).then(done, selectAndCopy);
    } else {
      selectAndCopy();
    }
  });
  // Send a filter form as soon as a choice changes: <select data-autosubmit> (no inline handlers:
  // the Content-Security-Policy blocks them).
  document.body.addEventListener("change", (event) => {
    const el = event.target.closest("[data-autosubmit]");
    if (el && el.form) el.form.requestSubmit();
  });
});

// Render every <div class="chart" data-chart-id="x"> from the JSON in <script id="x">.
window.ideoworkCharts = function () {
  if (!window.echarts) return;
  document.querySelectorAll("[data-chart-id]").forEach((el) => {
    const spec = JSON.parse(document.getElementById(el.dataset.chartId).textContent);
    const chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(spec.option);
    if (spec.links) {
      chart.on("click", (params) => {
        const url = spec.links[params.name] || spec.links[params.seriesName + "|" + params.name];
        if (url) window.location.href = url;
      });
    }
    window.addEventListener("resize", () => chart.resize());
  });
};
document.addEventListener("DOMContentLoaded", () => window.ideoworkCharts());

// Filter forms on a phone: the conditions (<details data-fold-on-phone open>) fold under their summary
// unless some are set, so the list is on the first screen. Without the script they stay open.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.matchMedia("(max-width: 600px)").matches) return;
  document.querySelectorAll("details[data-fold-on-phone]:not([data-set])").forEach((el) => { el.open = false; });
});

// The menu drawer on a phone (base.html: <a class="menu-toggle" href="#main-menu" role="button">).
// Without this script the link still opens the menu (app.css: .sidebar:target); with it the link is
// a toggle that keeps the address unchanged. On a desk the menu is a sidebar and the toggle is hidden.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.querySelector(".menu-toggle");
  const drawer = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (!drawer) return;
  const backdrop = document.querySelector(".drawer-backdrop");
  // Opened without the script (the address ends in #main-menu, app.css :target): the script decides now.
  if (location.hash === "#" + drawer.id) history.replaceState(null, "", location.pathname + location.search);
  const isOpen = () => toggle.getAttribute("aria-expanded") === "true";

  function open() {
    toggle.setAttribute("aria-expanded", "true");
    drawer.classList.add("is-open");
    document.body.classList.add("menu-open");
    if (backdrop) backdrop.hidden = false;
    (drawer.querySelector("a[aria-current]") || drawer.querySelector("a") || drawer).focus();
  }

  function close(returnFocus) {
    if (!isOpen()) return;
    toggle.setAttribute("aria-expanded", "false");
    drawer.classList.remove("is-open");
    document.body.classList.remove("menu-open");
    if (backdrop) backdrop.hidden = true;
    if (returnFocus) toggle.focus();
  }

  toggle.addEventListener("click", (event) => {
    event.preventDefault();
    isOpen() ? close(true) : open();
  });
  toggle.addEventListener("keydown", (event) => {  // a role="button" link answers Space as a button does
    if (event.key === " ") { event.preventDefault(); toggle.click(); }
  });
  if (backdrop) backdrop.addEventListener("click", () => close(true));
  drawer.addEventListener("click", (event) => {
    if (event.target.closest(".drawer-close")) { event.preventDefault(); close(true); }
    else if (event.target.closest("a")) close(false);  // the link then opens its page
  });
  document.addEventListener("keydown", (event) => {
    if (!isOpen()) return;
    if (event.key === "Escape") {
      close(true);
    } else if (event.key === "Tab") {
      // Keep the focus inside the open drawer, as in a dialog.
      const stops = drawer.querySelectorAll("a, button");
      const first = stops[0], last = stops[stops.length - 1];
      if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
      else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
    }
  });
  // Widening the window to a desk's size shows the sidebar: the drawer's state no longer applies.
  window.matchMedia("(min-width: 901px)").addEventListener("change", (event) => { if (event.matches) close(false); });
});
