// Learning materials: the study heartbeat on a material's page, and the upload form's helpers.
// The heartbeat only says "this page is visible and in use"; the server decides the time credited.
(function () {
  "use strict";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || ""; }
    catch (e) { return ""; }
  }

  function startHeartbeat(study) {
    var url = study.dataset.heartbeatUrl;
    var interval = parseInt(study.dataset.heartbeatMs, 10) || 15000;
    var idleAfter = 60000;
    var player = document.getElementById("player");
    var lastActivity = Date.now();
    var beating = false;
    var done = false;

    ["mousemove", "mousedown", "keydown", "scroll", "wheel", "touchstart"].forEach(function (name) {
      window.addEventListener(name, function () { lastActivity = Date.now(); }, { passive: true });
    });

    function playing() { return !!player && !player.paused && !player.ended && player.readyState > 2; }
    function eligible() {
      return document.visibilityState === "visible" && (playing() || Date.now() - lastActivity < idleAfter);
    }

    function body(active) {
      var data = new FormData();
      data.append("csrfmiddlewaretoken", csrfToken());
      data.append("visible", document.visibilityState === "visible" ? "1" : "0");
      data.append("active", active ? "1" : "0");
      return data;
    }

    function show(result) {
      var seconds = document.getElementById("study-seconds");
      var bar = document.getElementById("study-bar");
      var state = document.getElementById("study-state");
      if (seconds) seconds.textContent = result.seconds;
      if (bar) bar.style.width = (result.completed ? 100 : result.percent) + "%";
      if (state) state.textContent = result.completed ? "已完成" : "学习中";
      if (result.completed && bar) bar.parentNode.classList.remove("behind");
      if (result.completed_now) {
        var hint = document.getElementById("study-hint");
        if (hint) hint.textContent = "已达到要求的学习时长，本资料学习完成，积分已记入。";
      }
      done = done || result.completed;
      study.dataset.beats = (parseInt(study.dataset.beats || "0", 10) + 1).toString();
    }

    function beat() {
      var active = eligible();
      if (!active && !beating) return;  // already paused: nothing to say
      beating = active;
      fetch(url, { method: "POST", body: body(active), credentials: "same-origin",
                   headers: { "X-Requested-With": "fetch" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (result) { if (result) show(result); })
        .catch(function () { /* offline for a moment: the next beat restarts the clock */ });
    }

    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        if (beating && navigator.sendBeacon) navigator.sendBeacon(url, body(false));
        beating = false;
      } else {
        lastActivity = Date.now();
        beat();
      }
    });
    if (player) {
      player.addEventListener("play", function () { beat(); });
    }
    if (document.visibilityState === "visible") beat();
    window.setInterval(beat, interval);
  }

  function formatDuration(total) {
    total = Math.round(total);
    var h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return h ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s);
  }

  function humanSize(bytes) {
    if (bytes >= 1073741824) return (bytes / 1073741824).toFixed(1) + " GB";
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  function setupForm(form) {
    var kind = form.querySelector("select[name=kind]");
    var upload = form.querySelector("input[name=upload]");
    var duration = form.querySelector("input[name=duration]");
    var maxBytes = parseInt(form.dataset.maxBytes || "0", 10);
    function row(name) { return form.querySelector(".field-" + name); }
    function toggle() {
      if (!kind) return;
      var k = kind.value, media = k === "audio" || k === "video";
      var show = { body: k === "article", upload: k !== "article", duration: media, required_minutes: !media };
      Object.keys(show).forEach(function (name) { var r = row(name); if (r) r.hidden = !show[name]; });
    }
    if (kind) { kind.addEventListener("change", toggle); toggle(); }
    if (upload) {
      upload.addEventListener("change", function () {
        var file = upload.files && upload.files[0];
        var old = form.querySelector(".upload-error");
        if (old) old.remove();
        if (!file) return;
        if (maxBytes && file.size > maxBytes) {
          var error = document.createElement("div");
          error.className = "error upload-error";
          error.setAttribute("role", "alert");
          error.textContent = "文件“" + file.name + "”大小为" + humanSize(file.size) + "，超过上限" +
            humanSize(maxBytes) + "，请压缩后再上传。";
          upload.parentNode.appendChild(error);
          upload.value = "";
          return;
        }
        if (!duration || !/^(audio|video)\//.test(file.type)) return;
        var probe = document.createElement(file.type.indexOf("video") === 0 ? "video" : "audio");
        probe.preload = "metadata";
        probe.onloadedmetadata = function () {
          if (isFinite(probe.duration) && probe.duration > 0) duration.value = formatDuration(probe.duration);
          URL.revokeObjectURL(probe.src);
        };
        probe.src = URL.createObjectURL(file);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var study = document.getElementById("study");
    if (study && study.dataset.heartbeatUrl) startHeartbeat(study);
    var form = document.querySelector("form[data-material-form]");
    if (form) setupForm(form);
  });
})();
