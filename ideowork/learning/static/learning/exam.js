// The exam-taking page: save each answer as it is given, count down to the server's deadline,
// and hand in when time is up (the server also submits on its own).
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("exam-take");
  if (!root) return;
  const url = root.dataset.answerUrl;
  const csrf = document.querySelector("#submit-form input[name=csrfmiddlewaretoken]").value;
  const status = document.getElementById("save-status");
  const offset = new Date(root.dataset.now).getTime() - Date.now();
  const deadline = new Date(root.dataset.deadline).getTime();
  const pending = new Map();
  let finished = false;

  function responseOf(box) {
    const kind = box.dataset.kind;
    const inputs = [...box.querySelectorAll("input, textarea")];
    if (kind === "single") { const c = inputs.find((i) => i.checked); return c ? c.value : null; }
    if (kind === "judge") { const c = inputs.find((i) => i.checked); return c ? c.value === "true" : null; }
    if (kind === "multiple") { const v = inputs.filter((i) => i.checked).map((i) => i.value); return v.length ? v : null; }
    if (kind === "blank") { const v = inputs.map((i) => i.value); return v.some((x) => x.trim()) ? v : null; }
    return inputs[0].value.trim() ? inputs[0].value : null;
  }

  function answered(box) { return responseOf(box) !== null; }
  function countAnswered() {
    document.getElementById("answered-count").textContent =
      [...root.querySelectorAll(".exam-q")].filter(answered).length;
  }

  async function save(box, attempt = 1) {
    const mark = box.querySelector(".exam-q-saved");
    mark.textContent = "保存中…"; mark.className = "exam-q-saved small";
    try {
      const r = await fetch(url, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ question: Number(box.dataset.question), response: responseOf(box) }),
      });
      const data = await r.json();
      if (data.ok) {
        mark.textContent = "已保存 " + data.saved_at; mark.className = "exam-q-saved small ok";
        status.textContent = "所有答案已保存";
      } else {
        mark.textContent = data.error; mark.className = "exam-q-saved small risk";
        status.textContent = data.error;
        if (data.closed) { finished = true; window.location.reload(); }
      }
    } catch (e) {
      // Connection lost: keep trying; what was saved stays saved, reloading the page resumes.
      mark.textContent = "网络中断，正在重试…"; mark.className = "exam-q-saved small risk";
      status.textContent = "网络中断，答案将在连接恢复后保存";
      if (attempt < 20) setTimeout(() => save(box, attempt + 1), Math.min(1000 * attempt, 5000));
    }
  }

  root.querySelectorAll(".exam-q").forEach((box) => {
    const later = (delay) => {
      clearTimeout(pending.get(box));
      pending.set(box, setTimeout(() => { pending.delete(box); save(box); }, delay));
    };
    box.addEventListener("change", () => { countAnswered(); later(0); });
    box.addEventListener("input", (e) => { if (e.target.matches("input[type=text], textarea")) { countAnswered(); later(800); } });
  });
  countAnswered();

  const clock = document.getElementById("countdown");
  function tick() {
    const left = Math.max(0, Math.floor((deadline - (Date.now() + offset)) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    clock.textContent = (h ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
    clock.classList.toggle("risk", left <= 300);
    if (left === 0 && !finished) {
      finished = true;
      status.textContent = "答题时间已到，正在交卷…";
      document.getElementById("submit-form").submit();
    }
  }
  tick();
  setInterval(tick, 1000);
  document.getElementById("submit-form").addEventListener("submit", () => { finished = true; });
});
