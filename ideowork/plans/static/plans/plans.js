// The responsibility list: a header checkbox that selects every row for bulk assignment.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-check-all]").forEach((all) => {
    all.addEventListener("change", () => {
      document.querySelectorAll(`input[type=checkbox][name="${all.dataset.checkAll}"]`).forEach((box) => {
        box.checked = all.checked;
      });
    });
  });
});

// A form sent back with errors: bring the first one into view (below the sticky page head).
document.addEventListener("DOMContentLoaded", () => {
  const first = document.querySelector("#preview-form .error");
  if (first) {
    first.scrollIntoView({ block: "center" });
  }
});
