// The exam-taking page: draws the person's paper from the page's data (#paper-data), saves each
// answer as it is given, keeps answers that could not be saved (no connection) and sends them again
// when the connection returns, shows 已保存/未保存 per question and in the answer card (答题卡),
// counts down to the server's deadline and hands in when time is up (the server also submits on
// its own). Every answer is also kept in the browser's storage, with the server's time of saving once
// the server confirms it, so a reload loses nothing: neither while offline, nor when the reloaded page
// was drawn a moment before the last save landed (the stored copy is newer: shown and sent again). A
// stored copy older than the server's (saved later, in another tab or on another device) gives way.
// 开始答题 answers with this page itself: the address becomes the attempt's, so that a reload (or a
// return to the page) reads the paper again rather than posting 开始答题 once more.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("exam-take");
  if (!root) return;
  if (window.location.pathname !== root.dataset.takeUrl) window.history.replaceState(null, "", root.dataset.takeUrl);
  const data = JSON.parse(document.getElementById("paper-data").textContent);
  const url = root.dataset.answerUrl;
  const form = document.getElementById("submit-form");
  const submitButton = form.querySelector("button[type=submit]");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const status = document.getElementById("save-status");
  const list = document.getElementById("exam-paper");
  const nav = document.getElementById("exam-nav");
  const navToggle = document.getElementById("nav-toggle");
  const offset = new Date(root.dataset.now).getTime() - Date.now();
  const deadline = new Date(root.dataset.deadline).getTime();
  const storeKey = "ideowork-exam-" + data.attempt;
  const questions = new Map(); // question id -> {q, box, mark, link, inflight, again, unsaved}
  let finished = false;
  let handInWhenSaved = false;
  let retryTimer = null;
  let retryDelay = 2000;

  // --- drawing the paper ------------------------------------------------------------------------
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k in node && !k.startsWith("data")) node[k] = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  function option(q, type, value, key, text, checked) {
    const input = el("input", { type, name: "q" + q.id, value });
    input.checked = checked;
    return el("label", { class: "exam-option" }, input, key ? el("span", { class: "exam-key", text: key }) : null,
      el("span", { class: "exam-option-text", text }));
  }

  function drawQuestion(q) {
    const r = q.response;
    let body;
    if (q.kind === "single" || q.kind === "multiple") {
      const chosen = Array.isArray(r) ? r : (r ? [r] : []);
      body = el("div", { class: "exam-options" }, ...q.options.map((o) =>
        option(q, q.kind === "single" ? "radio" : "checkbox", o.value, o.label, o.text, chosen.includes(o.value))));
    } else if (q.kind === "judge") {
      body = el("div", { class: "exam-options exam-judge" },
        option(q, "radio", "true", "", "正确", r === true), option(q, "radio", "false", "", "错误", r === false));
    } else if (q.kind === "blank") {
      const given = Array.isArray(r) ? r : [];
      body = el("div", { class: "exam-blanks" });
      for (let i = 0; i < Math.max(q.blanks, 1); i++) {
        const input = el("input", { type: "text", maxLength: 200, name: "q" + q.id, autocomplete: "off" });
        input.value = given[i] || "";
        body.append(el("label", {}, el("span", { text: "第" + (i + 1) + "空" }), input));
      }
    } else {
      body = el("textarea", { name: "q" + q.id, rows: 5, maxLength: 5000, placeholder: "请在此作答，输入后自动保存" });
      body.value = r || "";
    }
    const mark = el("span", { class: "exam-q-saved small", "aria-live": "polite", "data-testid": "saved-state" });
    const box = el("li", { class: "card exam-q", id: "q" + q.id, "data-question": q.id, "data-kind": q.kind,
      "data-testid": "question" },
      el("div", { class: "exam-q-head" }, el("span", { class: "exam-q-no", text: q.no }),
        el("span", { class: "tag kind", text: q.kind_label }), el("span", { class: "muted small", text: q.score + "分" }), mark),
      el("div", { class: "exam-stem", text: q.stem }), body);
    const link = el("a", { class: "exam-nav-item", href: "#q" + q.id, text: q.no, "data-question": q.id });
    return { q, box, mark, link, inflight: false, again: false, unsaved: false };
  }

  for (const q of data.questions) {
    const item = drawQuestion(q);
    questions.set(q.id, item);
    list.append(item.box);
    nav.append(item.link);
    if (q.saved) show(item, "saved", "已保存");
  }

  // --- what the person answered -----------------------------------------------------------------
  function responseOf(box) {
    const kind = box.dataset.kind;
    const inputs = [...box.querySelectorAll("input, textarea")];
    if (kind === "single") { const c = inputs.find((i) => i.checked); return c ? c.value : null; }
    if (kind === "judge") { const c = inputs.find((i) => i.checked); return c ? c.value === "true" : null; }
    if (kind === "multiple") { const v = inputs.filter((i) => i.checked).map((i) => i.value); return v.length ? v : null; }
    if (kind === "blank") { const v = inputs.map((i) => i.value); return v.some((x) => x.trim()) ? v : null; }
    return inputs[0].value.trim() ? inputs[0].value : null;
  }

  function setResponse(item, r) {
    const inputs = [...item.box.querySelectorAll("input, textarea")];
    const kind = item.q.kind;
    if (kind === "single" || kind === "multiple") {
      const chosen = Array.isArray(r) ? r : (r ? [r] : []);
      inputs.forEach((i) => { i.checked = chosen.includes(i.value); });
    } else if (kind === "judge") {
      inputs.forEach((i) => { i.checked = r !== null && i.value === String(r); });
    } else if (kind === "blank") {
      inputs.forEach((i, n) => { i.value = (Array.isArray(r) && r[n]) || ""; });
    } else {
      inputs[0].value = r || "";
    }
  }

  // --- the answers, kept in the browser: {question id: {r: response, at: server's save time or null}} --
  function stored() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }
  function write(s) {
    try {
      if (Object.keys(s).length) localStorage.setItem(storeKey, JSON.stringify(s)); else localStorage.removeItem(storeKey);
    } catch (e) { /* no storage */ }
  }
  function keep(item) { const s = stored(); s[item.q.id] = { r: responseOf(item.box), at: null }; write(s); }
  function confirmed(item, sent, at) {
    // The server has saved ``sent`` at ``at``; the stored copy keeps that time unless it changed since.
    const s = stored(); const entry = s[item.q.id];
    if (entry && JSON.stringify(entry.r) === JSON.stringify(sent)) { entry.at = at; write(s); }
  }
  function drop(item) { const s = stored(); delete s[item.q.id]; write(s); }

  // --- states ----------------------------------------------------------------------------------------
  function show(item, state, text) {
    item.mark.textContent = text;
    item.mark.dataset.state = state;
    item.mark.className = "exam-q-saved small" + (state === "saved" ? " ok" : state === "saving" ? "" : " risk");
    item.link.classList.toggle("answered", responseOf(item.box) !== null);
    item.link.classList.toggle("unsaved", item.unsaved);
    item.link.setAttribute("aria-label", "第" + item.q.no + "题，" + (item.unsaved ? "未保存" :
      responseOf(item.box) !== null ? "已答" : "未答"));
  }

  function unsavedCount() { return [...questions.values()].filter((i) => i.unsaved).length; }

  function overall() {
    const n = unsavedCount();
    document.getElementById("answered-count").textContent =
      [...questions.values()].filter((i) => responseOf(i.box) !== null).length;
    status.classList.toggle("risk", n > 0);
    if (n) status.textContent = (navigator.onLine ? "" : "网络已断开，") + n + "题答案未保存，恢复连接后自动补存";
    else if (!navigator.onLine) status.textContent = "网络已断开，已答的题目都已保存；继续作答的答案将在恢复连接后保存";
    else status.textContent = "所有答案已保存";
    navToggle.classList.toggle("risk", n > 0);
  }

  // --- saving ------------------------------------------------------------------------------------------
  async function save(item) {
    if (item.inflight) { item.again = true; return; } // one request per question at a time, newest last
    item.inflight = true;
    item.again = false;
    show(item, "saving", "保存中…");
    let outcome = "retry";
    let answer = null;
    const sent = responseOf(item.box);
    try {
      const r = await fetch(url, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ question: item.q.id, response: sent }),
      });
      try { answer = await r.json(); } catch (e) { answer = null; }
      if (answer && answer.ok) outcome = "saved";
      else if (answer && r.status < 500) outcome = "refused";
    } catch (e) {
      outcome = "retry"; // no connection: kept, and sent again when it returns
    }
    item.inflight = false;
    if (outcome === "saved" && item.again) return save(item);
    if (outcome === "saved") {
      item.unsaved = false; confirmed(item, sent, answer.at);
      show(item, "saved", "已保存 " + answer.saved_at);
      retryDelay = 2000;
    } else if (outcome === "refused") {
      item.unsaved = false; drop(item);
      show(item, "refused", answer.error);
      if (answer.closed) { finished = true; window.location.replace(root.dataset.takeUrl); }
    } else {
      show(item, "unsaved", "未保存，恢复连接后自动补存");
      retryLater();
    }
    overall();
    if (handInWhenSaved && unsavedCount() === 0) handIn();
  }

  function changed(item) {
    item.unsaved = true;
    keep(item);
    show(item, "saving", "保存中…");
    overall();
    save(item);
  }

  function flush() {
    clearTimeout(retryTimer); retryTimer = null;
    for (const item of questions.values()) if (item.unsaved && !item.inflight) save(item);
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 15000);
  }

  window.addEventListener("online", () => { retryDelay = 2000; overall(); flush(); });
  window.addEventListener("offline", overall);

  for (const item of questions.values()) {
    let typing = null;
    item.box.addEventListener("change", () => { clearTimeout(typing); changed(item); });
    item.box.addEventListener("input", (e) => {
      if (!e.target.matches("input[type=text], textarea")) return;
      item.unsaved = true; keep(item); show(item, "saving", "输入中…"); overall();
      clearTimeout(typing);
      typing = setTimeout(() => changed(item), 800);
    });
  }

  // The stored answers against the server's copies drawn on this page. A stored answer the server has
  // not confirmed (given offline), or confirmed after this page's copy was read, is the newer one: shown
  // and sent again. One the server has the same or newer copy of gives way.
  const kept = stored();
  for (const [id, entry] of Object.entries(kept)) {
    const item = questions.get(Number(id));
    const copy = entry && typeof entry === "object" && !Array.isArray(entry) && "r" in entry ? entry : { r: entry, at: null };
    const serverNewer = item && copy.at !== null && item.q.saved_at !== null && item.q.saved_at >= copy.at;
    if (!item || serverNewer || (copy.at !== null && JSON.stringify(copy.r) === JSON.stringify(item.q.response))) {
      delete kept[id];
      continue;
    }
    setResponse(item, copy.r);
    item.unsaved = true;
    show(item, "unsaved", "未保存，正在补存");
  }
  write(kept);
  overall();
  flush();

  // --- the answer card ---------------------------------------------------------------------------------
  navToggle.addEventListener("click", () => {
    nav.hidden = !nav.hidden;
    navToggle.setAttribute("aria-expanded", String(!nav.hidden));
  });
  nav.addEventListener("click", (e) => {
    if (!e.target.closest(".exam-nav-item")) return;
    nav.hidden = true;
    navToggle.setAttribute("aria-expanded", "false");
  });

  // --- handing in ----------------------------------------------------------------------------------------
  function handIn() {
    handInWhenSaved = false;
    form.requestSubmit();
  }

  form.addEventListener("submit", (e) => {
    if (finished && !handInWhenSaved && submitButton.disabled) { e.preventDefault(); return; }
    const n = unsavedCount();
    if (n && !finished) {
      // Save first, then hand in by itself: nothing answered is left behind.
      e.preventDefault();
      handInWhenSaved = true;
      status.textContent = n + "题答案尚未保存，" + (navigator.onLine ? "正在保存，保存后自动交卷" : "恢复连接后先保存再自动交卷");
      status.classList.add("risk");
      flush();
      return;
    }
    finished = true;
    write({}); // everything is saved on the server, which now grades it
    submitButton.disabled = true; // a second tap sends nothing
    submitButton.textContent = "正在交卷…";
  });

  // --- the clock -------------------------------------------------------------------------------------------
  const clock = document.getElementById("countdown");
  function tick() {
    const left = Math.max(0, Math.floor((deadline - (Date.now() + offset)) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
    clock.textContent = (h ? h + ":" : "") + String(m).padStart(2, "0") + ":" + String(s).padStart(2, "0");
    clock.classList.toggle("risk", left <= 300);
    if (left === 0 && !finished) {
      finished = true;
      status.textContent = "答题时间已到，正在交卷…";
      submitButton.disabled = true;
      form.submit(); // the server keeps what was saved and hands in
    }
  }
  tick();
  setInterval(tick, 1000);
});
