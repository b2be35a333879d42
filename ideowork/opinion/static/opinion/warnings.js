// The warning rule form: show the settings of the chosen condition only (without scripts all show).
(function () {
  const form = document.querySelector("form.rule-form");
  if (!form) return;
  function show() {
    const chosen = form.querySelector("input[name=kind]:checked");
    form.querySelectorAll("fieldset[data-kind]").forEach(function (set) {
      set.hidden = Boolean(chosen) && set.dataset.kind !== chosen.value;
    });
  }
  form.querySelectorAll("input[name=kind]").forEach(function (radio) { radio.addEventListener("change", show); });
  show();
})();
