// forum-cleaner review: one line at a time, least sure first. Keys: j/k move, s/g/c label
// spam/genuine/chrome (and move on), u clears. Every label is POSTed and saved at once.
(function () {
  "use strict";
  var items = [], at = 0, threshold = 0.5, counts = {};
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function status(extra) {
    var done = items.filter(function (i) { return i.label; }).length;
    $("status").textContent = done + " of " + items.length + " labelled here · spam " + (counts.spam || 0) +
      ", genuine " + (counts.genuine || 0) + ", chrome " + (counts.chrome || 0) + " in the labels file · threshold " +
      threshold.toFixed(3) + (extra ? " · " + extra : "");
  }

  function decision(item) {
    if (item.kind === "kept") return "kept";
    return "removed " + (item.rule.indexOf(item.kind + ":") === 0 ? item.rule : item.kind + ":" + item.rule);
  }

  function drawQueue() {
    var list = $("queue");
    list.textContent = "";
    items.forEach(function (item, i) {
      var li = el("li", i === at ? "active" : "");
      li.dataset.id = item.id;
      if (item.label) li.appendChild(el("span", "tag " + item.label, item.label));
      li.appendChild(el("span", "s", item.score.toFixed(3)));
      li.appendChild(document.createTextNode(item.text));
      li.addEventListener("click", function () { select(i); });
      list.appendChild(li);
    });
  }

  function markQueue() {
    Array.prototype.forEach.call($("queue").children, function (li, i) {
      li.className = i === at ? "active" : "";
      var tag = li.querySelector(".tag"), label = items[i].label;
      if (tag && !label) tag.remove();
      if (label) {
        if (!tag) { tag = el("span"); li.insertBefore(tag, li.firstChild); }
        tag.className = "tag " + label;
        tag.textContent = label;
      }
    });
    var active = $("queue").children[at];
    if (active) active.scrollIntoView({ block: "nearest" });
  }

  function drawCurrent() {
    var item = items[at];
    if (!item) { $("text").textContent = "Nothing to review."; return; }
    $("text").textContent = item.text;
    $("position").textContent = (at + 1) + " / " + items.length;
    $("decision").textContent = decision(item) + (item.disagree ? " · the model says genuine" : "");
    $("decision").className = item.disagree ? "disagree" : "";
    $("score").textContent = "model " + item.score.toFixed(3) + (item.repeats > 1 ? " · ×" + item.repeats + " on " + item.pages + " pages" : "");
    $("label-badge").textContent = item.label ? "labelled " + item.label : "not labelled";
    $("label-badge").className = item.label || "";
    document.body.dataset.current = item.id;
    fetch("/api/context/" + encodeURIComponent(item.id)).then(function (r) { return r.json(); }).then(function (ctx) {
      if (items[at] !== item) return;
      $("page-id").textContent = ctx.page + (ctx.url ? " · " + ctx.url : "") + (ctx.title ? " · " + ctx.title : "");
      var box = $("context");
      box.textContent = "";
      ctx.lines.forEach(function (line) {
        var cls = line.k === "kept" ? "kept" : (line.k === "spam" ? "spam" : "other");
        var div = el("div", "line " + cls + (line.current ? " current" : ""));
        if (line.k !== "kept") div.appendChild(el("span", "why", "[" + line.k + (line.r ? " " + line.r : "") + "]"));
        div.appendChild(document.createTextNode(line.t));
        box.appendChild(div);
      });
    });
  }

  function select(i) {
    if (!items.length) return;
    at = Math.max(0, Math.min(items.length - 1, i));
    markQueue();
    drawCurrent();
  }

  function label(mark) {
    var item = items[at];
    if (!item) return;
    fetch("/api/label", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: item.id, label: mark || null }) })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (!res.ok) { status("not saved: " + res.body.error); return; }
        item.label = res.body.label;
        counts = res.body.counts;
        status("saved");
        if (mark && at < items.length - 1) select(at + 1); else { markQueue(); drawCurrent(); }
      })
      .catch(function () { status("not saved: the server does not answer"); });
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /input|textarea/i.test(e.target.tagName)) return;
    var keys = { j: function () { select(at + 1); }, k: function () { select(at - 1); },
      s: function () { label("spam"); }, g: function () { label("genuine"); }, c: function () { label("chrome"); },
      u: function () { label(""); } };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-label]"), function (b) {
    b.addEventListener("click", function () { label(b.dataset.label); });
  });
  $("next-item").addEventListener("click", function () { select(at + 1); });
  $("prev-item").addEventListener("click", function () { select(at - 1); });

  fetch("/api/items").then(function (r) { return r.json(); }).then(function (data) {
    items = data.items;
    threshold = data.threshold;
    counts = data.counts;
    var first = items.findIndex(function (i) { return !i.label; });
    at = first < 0 ? 0 : first;
    drawQueue();
    select(at);
    status(data.pages + " pages · model " + data.model);
    document.body.dataset.ready = "1";
  });
})();
