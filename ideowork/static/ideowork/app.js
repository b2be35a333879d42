// Small progressive enhancements; every page works without them.
document.addEventListener("DOMContentLoaded", () => {
  // Confirm destructive actions: <button data-confirm="确定删除？">
  document.body.addEventListener("click", (event) => {
    const el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
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
