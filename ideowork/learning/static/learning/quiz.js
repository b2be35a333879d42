// The match page: poll the server's state every second and show the current question.
// The server keeps the clock and grades; this only draws what it is told.
function startMatch() {
  "use strict";
  const root = document.getElementById("match");
  if (!root) return;
  const stage = root.querySelector("[data-stage]");
  const board = root.querySelector("[data-scoreboard]");
  const statusBadge = document.querySelector("[data-match-status]");
  const banner = document.querySelector("[data-net-banner]");
  const csrf = root.dataset.csrf;
  let shown = null;      // position of the question on screen
  let answered = false;  // this player has answered it
  let busy = false;
  let queued = null;     // an answer that could not be sent: {position, data}, sent again when the line is back

  function net(text) {
    if (!banner) return;
    banner.textContent = text || "";
    banner.hidden = !text;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function post(url, body) {
    return fetch(url, { method: "POST", body: body || new FormData(), credentials: "same-origin",
                        headers: { "X-CSRFToken": csrf } }).then((r) => r.json());
  }

  // Send an answer, trying again briefly when the server was busy (a refusal is a reply, not a failure).
  function send(data, tries) {
    return fetch(root.dataset.answerUrl, { method: "POST", body: data, credentials: "same-origin",
                                           headers: { "X-CSRFToken": csrf } })
      .then((r) => (r.status < 500 ? r.json() : Promise.reject(r.status)))
      .catch((err) => (tries > 1 ? new Promise((ok) => window.setTimeout(ok, 400)).then(() => send(data, tries - 1))
                                 : Promise.reject(err)));
  }

  function drawBoard(state) {
    board.replaceChildren();
    state.players.forEach((p) => {
      const card = el("div", { class: "match-player" + (p.me ? " me" : "") + (p.answered ? " answered" : "") });
      card.append(el("div", { class: "name" }, p.name), el("div", { class: "muted small" }, p.unit),
                  el("div", { class: "score" }, String(p.score)));
      if (state.status === "running") card.append(el("div", { class: "small " + (p.answered ? "ok" : "muted") },
                                                       p.answered ? "已作答" : "思考中…"));
      board.append(card);
    });
    for (let i = state.players.length; i < state.size; i++) {
      const seat = el("div", { class: "match-player empty-seat" });
      seat.append(el("div", { class: "name muted" }, "等待加入…"));
      board.append(seat);
    }
  }

  function drawQuestion(state) {
    const q = state.question;
    shown = q.position;
    answered = !!state.mine;
    stage.replaceChildren();
    const head = el("div", { class: "quiz-progress" });
    head.append(el("span", {}, `第 ${q.position + 1} / ${state.count} 题`),
                el("span", { class: "tag kind" }, q.kind_label),
                el("span", { class: "match-timer", "data-timer": "" }, `${state.remaining} 秒`));
    stage.append(head);
    if (state.previous) {
      const prev = state.previous;
      const line = el("p", { class: "small match-previous" });
      const mine = prev.mine;
      line.append(el("span", { class: mine && mine.correct ? "ok" : "bad" },
                     mine ? (mine.correct ? `上一题 ✔ 回答正确 +${mine.score}分` : "上一题 ✘ 回答错误") : "上一题未作答"),
                  el("span", { class: "muted" },
                     `　正确答案：${prev.answer}${prev.explanation ? "。解析：" + prev.explanation : ""}`));
      stage.append(line);
    }
    stage.append(el("p", { class: "quiz-stem" }, q.stem));
    const form = el("form", { class: "quiz-question", "data-testid": "match-question" });
    form.append(el("input", { type: "hidden", name: "position", value: String(q.position) }));
    const options = el("div", { class: "quiz-options" });
    const choice = (type, value, key, text) => {
      const label = el("label", { class: "quiz-option" });
      label.append(el("input", { type, name: "answer", value }), el("span", { class: "key" }, key), el("span", { class: "text" }, text));
      options.append(label);
    };
    if (q.kind === "judge") {
      choice("radio", "true", "√", "正确");
      choice("radio", "false", "×", "错误");
    } else if (q.kind === "blank") {
      form.append(el("input", { type: "hidden", name: "many", value: "1" }));
      for (let i = 1; i <= q.blanks; i++) {
        const label = el("label", { class: "quiz-blank" }, `第${i}空 `);
        label.append(el("input", { type: "text", name: "answer", maxlength: "200", autocomplete: "off" }));
        options.append(label);
      }
    } else {
      if (q.kind === "multiple") form.append(el("input", { type: "hidden", name: "many", value: "1" }));
      q.options.forEach((o) => choice(q.kind === "multiple" ? "checkbox" : "radio", o.key, o.key, o.text));
    }
    form.append(options);
    const actions = el("div", { class: "quiz-submit" });
    actions.append(el("button", { class: "btn primary block", type: "submit" }, "提交答案"));
    form.append(actions);
    const verdict = el("div", { class: "match-verdict", "data-verdict": "" });
    form.append(verdict);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (answered) return;
      const data = new FormData(form);
      if (!data.getAll("answer").some((v) => v !== "")) { verdict.textContent = "请先作答。"; return; }
      answered = true;
      form.querySelectorAll("input, button").forEach((n) => { n.disabled = true; });
      submit(q.position, data);
    });
    stage.append(form);
    if (answered) lock(state.mine.correct, state.mine.score);
  }

  // Send this question's answer; when the line is down, keep it and send it again once a poll gets through.
  // The server counts one answer per question, so a second sending changes nothing.
  function submit(position, data) {
    const verdict = stage.querySelector("[data-verdict]");
    send(data, 3).then((reply) => {
      queued = null;
      if (reply.error) { if (verdict) verdict.textContent = reply.error; return; }
      showVerdict(reply.correct, reply.score);
      if (reply.state) update(reply.state);
    }).catch(() => {
      queued = { position, data };
      net("网络已断开。本题答案已保留，恢复连接后将自动提交。");
      if (verdict) verdict.textContent = "答案未送达，等待网络恢复后自动提交…";
    });
  }

  function showVerdict(correct, score) {
    const verdict = stage.querySelector("[data-verdict]");
    if (!verdict) return;
    verdict.className = "match-verdict " + (correct ? "right" : "wrong");
    verdict.textContent = correct ? `✔ 回答正确，得 ${score} 分，等待其他选手…` : "✘ 回答错误，等待其他选手…";
  }

  function lock(correct, score) {
    stage.querySelectorAll("input, button").forEach((n) => { n.disabled = true; });
    showVerdict(correct, score);
  }

  function update(state) {
    if (statusBadge) statusBadge.textContent = state.status_label;
    // A poll that left before an answer was sent may come back after it: never go back a question.
    if (state.status === "running" && shown !== null && state.index < shown) return;
    // A change of status (started, finished, cancelled): the page is drawn again by the server.
    if (state.status !== root.dataset.status) { redraw(); return; }
    drawBoard(state);
    if (state.status === "waiting") {
      const wait = stage.querySelector(".match-wait");
      if (wait) wait.textContent = `等待同事加入（${state.players.length}/${state.size}），人满后自动开始…`;
      return;
    }
    if (state.status === "running" && !state.is_player) {
      stage.replaceChildren(el("p", { class: "match-wait" }, `对战进行中：第 ${state.index + 1} / ${state.count} 题`));
      return;
    }
    if (state.status !== "running" || !state.question) return;
    if (shown !== state.question.position) drawQuestion(state);
    else if (state.mine) { answered = true; lock(state.mine.correct, state.mine.score); }
    const timer = stage.querySelector("[data-timer]");
    if (timer) timer.textContent = `${state.remaining} 秒`;
  }

  let timer = null;
  let redrawing = false;

  // Fetch the page and swap its content in; when that fails, the next poll tries again.
  function redraw() {
    if (redrawing) return;
    redrawing = true;
    fetch(window.location.href, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(r.status)))
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("main.content");
        const main = document.querySelector("main.content");
        if (!fresh || !main) return Promise.reject("no content");
        window.clearInterval(timer);
        main.replaceChildren(...fresh.childNodes);
        startMatch();
      })
      .catch(() => {})
      .finally(() => { redrawing = false; });
  }

  function poll() {
    if (busy || redrawing) return;
    busy = true;
    post(root.dataset.pollUrl).then((state) => {
      net("");
      if (queued) {
        const again = queued;
        queued = null;
        if (state.status === "running" && state.question && state.question.position === again.position && !state.mine) {
          submit(again.position, again.data);
        }
      }
      update(state);
    }).catch(() => { net("网络已断开，正在重新连接…对战进度以服务器为准，恢复后自动继续。"); })
      .finally(() => { busy = false; });
  }

  if (root.dataset.status === "waiting" || root.dataset.status === "running") {
    poll();
    timer = window.setInterval(poll, 1000);
  }
}
startMatch();
