// The tick-list picker (core/forms/pickers.py: TickListPicker): filter, count, 全选/清空 and chips
// over server-rendered checkboxes. Without this script the checkboxes still work and post the same data.
(() => {
  "use strict";
  const CHIP_LIMIT = 60; // beyond this a chip list is no help; the count says how many

  function setUp(root) {
    if (root.dataset.ticklistReady) return;
    root.dataset.ticklistReady = "1";
    const tools = root.querySelector(".ticklist-tools");
    const search = root.querySelector(".ticklist-search");
    const count = root.querySelector(".ticklist-count");
    const chips = root.querySelector(".ticklist-chips");
    const nothing = root.querySelector(".ticklist-options ~ .ticklist-nothing");
    const unit = root.dataset.unit || "项";
    const groups = Array.from(root.querySelectorAll(".ticklist-group"));
    const options = Array.from(root.querySelectorAll(".ticklist-option")).map((label) => {
      const group = label.closest(".ticklist-group");
      const heading = group ? group.querySelector(".ticklist-heading").textContent.trim() : "";
      const text = label.textContent.trim();
      return { label, box: label.querySelector("input"), text, heading,
               haystack: `${text} ${heading}`.toLowerCase() };
    });
    tools.hidden = false;

    // The page's own <label for=…> names the search box; let it name the whole group too.
    const pageLabel = search.id && document.querySelector(`label[for="${search.id}"]`);
    if (pageLabel && !root.hasAttribute("aria-label")) {
      if (!pageLabel.id) pageLabel.id = `${search.id}_label`;
      root.setAttribute("aria-labelledby", pageLabel.id);
    }

    const shown = () => options.filter((o) => !o.label.hidden && !o.box.disabled);

    function filter() {
      const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
      let matches = 0;
      for (const o of options) {
        const match = words.every((w) => o.haystack.includes(w));
        o.label.hidden = !match;
        if (match) matches += 1;
      }
      for (const g of groups) g.hidden = !g.querySelector(".ticklist-option:not([hidden])");
      nothing.hidden = matches > 0 || options.length === 0;
    }

    function chip(o) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "ticklist-chip";
      button.textContent = o.text;
      button.title = o.heading ? `${o.text}（${o.heading}）` : o.text;
      button.setAttribute("aria-label", `移除 ${o.text}`);
      button.disabled = o.box.disabled;
      button.addEventListener("click", () => {
        o.box.checked = false;
        o.box.dispatchEvent(new Event("change", { bubbles: true }));
      });
      return button;
    }

    function refresh() {
      const ticked = options.filter((o) => o.box.checked);
      count.textContent = `已选 ${ticked.length} ${unit}`;
      const items = ticked.slice(0, CHIP_LIMIT).map(chip);
      if (ticked.length > CHIP_LIMIT) {
        const more = document.createElement("span");
        more.className = "ticklist-more muted small";
        more.textContent = `等 ${ticked.length} ${unit}`;
        items.push(more);
      }
      chips.replaceChildren(...items);
    }

    function tickAll(checked) {
      for (const o of shown()) o.box.checked = checked;
      refresh();
      root.dispatchEvent(new Event("change", { bubbles: true }));
    }

    search.addEventListener("input", filter);
    // Enter in the search box would send the whole form.
    search.addEventListener("keydown", (event) => { if (event.key === "Enter") event.preventDefault(); });
    root.querySelector("[data-ticklist-all]").addEventListener("click", () => tickAll(true));
    root.querySelector("[data-ticklist-none]").addEventListener("click", () => tickAll(false));
    root.addEventListener("change", (event) => { if (event.target.type === "checkbox") refresh(); });
    filter();
    refresh();
  }

  const setUpWithin = (node) => {
    if (node.matches && node.matches("[data-ticklist]")) setUp(node);
    if (node.querySelectorAll) node.querySelectorAll("[data-ticklist]").forEach(setUp);
  };
  document.addEventListener("DOMContentLoaded", () => setUpWithin(document));
  // Pickers that htmx swaps into a page.
  document.addEventListener("htmx:load", (event) => setUpWithin(event.detail.elt));
})();
