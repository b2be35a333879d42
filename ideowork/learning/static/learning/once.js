// A form marked data-once is sent once: a double tap (or a second tap while the reply is on its way)
// does not send it again. The services are idempotent anyway; this spares the person a second page.
document.addEventListener("submit", (event) => {
  "use strict";
  const form = event.target.closest("form[data-once]");
  if (!form) return;
  if (form.dataset.sent) { event.preventDefault(); return; }
  form.dataset.sent = "1";
  form.querySelectorAll("button[type=submit]").forEach((b) => { b.setAttribute("aria-busy", "true"); b.classList.add("is-busy"); });
  // A page restored from the back-forward cache can be sent again.
  window.addEventListener("pageshow", () => { delete form.dataset.sent; }, { once: true });
});
