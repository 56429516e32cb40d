// forum-cleaner report: draws the page list (100 rows at a time) and one page's lines from the
// JSON block above. Text is only ever set with textContent, never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var PAGE_SIZE = 100;
  var rows = data.pages, shown = rows, offset = 0, selected = null;
  var tbody = document.querySelector("#page-table tbody");
  var KIND_CLASS = { kept: "kept", spam: "spam", chrome: "chrome", hidden: "hidden-text", noise: "hidden-text",
    quote: "quote", signature: "quote", edit: "quote", attachment: "chrome", reply: "reply" };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function drawTable() {
    tbody.textContent = "";
    shown.slice(offset, offset + PAGE_SIZE).forEach(function (row, i) {
      var tr = el("tr");
      tr.dataset.id = row.id;
      if (selected && selected.id === row.id) tr.className = "selected";
      [String(offset + i + 1), row.id, row.site, row.engine, row.status, row.spam, row.removed, row.kept]
        .forEach(function (value, col) {
          var td = el("td", col === 1 ? "page-id" : (col === 4 ? "status-" + row.status : ""), String(value));
          if (col === 1 && row.title) td.title = row.title;
          tr.appendChild(td);
        });
      tr.addEventListener("click", function () { location.hash = "page=" + encodeURIComponent(row.id); });
      tbody.appendChild(tr);
    });
    var last = Math.min(offset + PAGE_SIZE, shown.length);
    document.getElementById("pager").textContent =
      (shown.length ? offset + 1 : 0) + "-" + last + " of " + shown.length + " pages";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = last >= shown.length;
  }

  function applyFilter() {
    var q = document.getElementById("filter").value.trim().toLowerCase();
    shown = !q ? rows : rows.filter(function (r) {
      return (r.id + " " + r.title + " " + r.site + " " + r.engine).toLowerCase().indexOf(q) >= 0;
    });
    offset = 0;
    drawTable();
  }

  function why(line) {
    if (line.k === "kept") return "";
    var rule = line.r || "";
    var label = rule.indexOf(line.k + ":") === 0 ? rule : line.k + ":" + rule;
    return "[" + label + " " + (line.s === undefined ? "1.00" : line.s.toFixed(2)) + "]";
  }

  function groupName(post) {
    if (post === null || post === undefined) return "outside posts";
    return post === 0 ? "post 0 (first post)" : "post " + post + " (reply)";
  }

  function drawDetail(row) {
    var box = document.getElementById("detail");
    var lines = document.getElementById("detail-lines");
    var hide = document.getElementById("hide-chrome").checked;
    box.hidden = false;
    document.getElementById("detail-title").textContent = row.title || row.id;
    document.getElementById("detail-meta").textContent = row.id + (row.url ? " · " + row.url : "") + " · engine " +
      (row.engine || "?") + " · " + row.status + (row.note ? " (" + row.note + ")" : "") + " · " + row.spam +
      " spam lines, " + row.removed + " removed, " + row.kept + " kept";
    lines.textContent = "";
    if (!row.lines) {
      lines.appendChild(el("p", "cut", "This page's lines are not in the report (sampled out): see the note above."));
      return;
    }
    var group = null, current;
    row.lines.forEach(function (line) {
      var post = line.post === undefined ? null : line.post;
      if (hide && (line.k === "chrome" || line.k === "attachment")) return;
      if (group === null || post !== current) {
        current = post;
        group = el("div", "post");
        group.dataset.post = post === null ? "" : String(post);
        group.appendChild(el("h4", "", groupName(post)));
        lines.appendChild(group);
      }
      var div = el("div", "line " + (KIND_CLASS[line.k] || "chrome"));
      div.dataset.kind = line.k;
      if (line.k !== "kept") div.appendChild(el("span", "why", why(line)));
      div.appendChild(document.createTextNode(line.t));
      if (line.m !== undefined) div.appendChild(el("span", "model", "model " + line.m.toFixed(3)));
      group.appendChild(div);
    });
    if (row.cut) lines.appendChild(el("p", "cut", row.cut + " more lines not included"));
  }

  function fromHash() {
    var m = /^#page=(.*)$/.exec(location.hash);
    if (!m) return;
    var id = decodeURIComponent(m[1]);
    var row = rows.find(function (r) { return r.id === id; });
    if (!row) return;
    selected = row;
    var at = shown.indexOf(row);
    if (at >= 0) offset = Math.floor(at / PAGE_SIZE) * PAGE_SIZE;
    drawTable();
    drawDetail(row);
  }

  document.getElementById("filter").addEventListener("input", applyFilter);
  document.getElementById("prev").addEventListener("click", function () { offset = Math.max(0, offset - PAGE_SIZE); drawTable(); });
  document.getElementById("next").addEventListener("click", function () { offset += PAGE_SIZE; drawTable(); });
  document.getElementById("hide-chrome").addEventListener("change", function () { if (selected) drawDetail(selected); });
  window.addEventListener("hashchange", fromHash);
  drawTable();
  fromHash();
  document.body.dataset.ready = "1";
})();
