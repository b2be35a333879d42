// The scheme form's live test: as the words or the expression change, post the form to the trial
// address and show the result in place; "解释" and "试运行" do the same without leaving the page.
// Without scripts, both buttons submit the form and the page comes back with the same result.
(function () {
  "use strict";
  const form = document.querySelector("form[data-trial-url]");
  if (!form) return;
  const panel = form.querySelector("#trial-result");
  const url = form.dataset.trialUrl;
  const watched = ["region_words", "subject_words", "event_words", "exclude_words", "expression"];
  let timer = null;
  let sent = 0;

  function run(explain) {
    const data = new FormData(form);
    data.set("do", "trial");
    if (explain) data.set("explain", explain);
    const ticket = ++sent;
    panel.setAttribute("aria-busy", "true");
    fetch(url, { method: "POST", body: data, credentials: "same-origin",
                 headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        if (ticket !== sent) return;  // a later keystroke's answer is on its way
        panel.innerHTML = html;
      })
      .catch(() => {})
      .finally(() => { if (ticket === sent) panel.removeAttribute("aria-busy"); });
  }

  form.addEventListener("input", (event) => {
    if (!watched.includes(event.target.name)) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => run(), 400);
  });

  form.addEventListener("submit", (event) => {
    const button = event.submitter;
    if (!button) return;
    if (button.name === "explain") {
      event.preventDefault();
      run(button.value);
    } else if (button.name === "do" && button.value === "trial") {
      event.preventDefault();
      run();
    }
  });
}());
