// khaldun dashboard: shared helpers. Data from the API is untrusted (article text, actor names): it
// only ever reaches the page through textContent and setAttribute (and the charting libraries, which
// do the same), never through innerHTML.
"use strict";
const K = (() => {
  const SVG = "http://www.w3.org/2000/svg";
  function build(node, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
  const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

  async function api(path, params, options) {
    const query = params ? "?" + new URLSearchParams(params).toString() : "";
    const response = await fetch(path + query, options);
    let body;
    try { body = await response.json(); } catch (e) { throw new Error(`HTTP ${response.status}`); }
    if (!body.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
    return body;
  }

  function formParams(form) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") params.append(k, String(v).trim());
    return params;
  }

  function fillForm(form, params) {
    const checkboxes = new Set();
    for (const [k, v] of params.entries()) {
      const field = form.elements.namedItem(k);
      if (!field) continue;
      if (field instanceof RadioNodeList) {  // a group of checkboxes sharing a name: tick the given values
        if (!checkboxes.has(k)) { for (const box of field) box.checked = false; checkboxes.add(k); }
        for (const box of field) if (box.value === v) box.checked = true;
      } else if (field.type === "checkbox") field.checked = v === "true";
      else field.value = v;
    }
  }

  function status(message, isError) {
    const node = document.getElementById("status");
    if (!node) return;
    node.textContent = message;
    node.className = isError ? "error" : "muted";
  }

  const actorLabel = (a) => (a ? `${a.name || a.text || a.code || "?"} [${a.code || "-"}]` : "—");
  const debounce = (fn, ms) => { let t; return (...args) => { clearTimeout(t); t = setTimeout(() => fn(...args), ms); }; };
  const short = (text, n) => (text.length > n ? text.slice(0, n - 1) + "…" : text);

  // A piece of text with highlighted spans: spans are {kind, start, end} offsets into `text`.
  function highlighted(text, start, end, spans) {
    const out = el("span", { class: "sentence" });
    let at = start;
    for (const s of [...spans].sort((x, y) => x.start - y.start)) {
      const a = Math.max(s.start, at), b = Math.min(s.end, end);
      if (a >= b) continue;
      if (a > at) out.append(document.createTextNode(text.slice(at, a)));
      out.append(el("mark", { class: `k-${s.kind}`, title: s.kind }, text.slice(a, b)));
      at = b;
    }
    if (at < end) out.append(document.createTextNode(text.slice(at, end)));
    return out;
  }

  function eventRow(ev, withReports) {
    const place = ev.location ? ev.location.name : "";
    const row = el("tr", { "data-id": ev.event_id, tabindex: 0 },
      el("td", {}, ev.date ? ev.date.value : ""),
      el("td", {}, actorLabel(ev.source)),
      el("td", {}, el("span", { class: `quad q${ev.quad_class}` }, ev.cameo), " ", ev.cameo_name || ""),
      el("td", {}, actorLabel(ev.target)),
      el("td", {}, ev.modality || ""),
      el("td", {}, place || ""),
      el("td", { class: "num" }, ev.goldstein ?? ""),
      el("td", { class: "evidence" }, ev.evidence ? ev.evidence.sentence || "" : ""),
      withReports ? el("td", { class: "num" }, ev.num_mentions ?? "") : null);
    const open = () => { window.location.href = "/events/" + encodeURIComponent(ev.event_id); };
    row.addEventListener("click", open);
    row.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    return row;
  }

  function shortRow(ev) {
    const row = el("tr", { "data-id": ev.event_id },
      el("td", {}, ev.date ? ev.date.value : ""),
      el("td", {}, actorLabel(ev.source)),
      el("td", {}, el("span", { class: `quad q${ev.quad_class}` }, ev.cameo), " ", ev.cameo_name || ""),
      el("td", {}, actorLabel(ev.target)),
      el("td", { class: "num" }, ev.goldstein ?? ""),
      el("td", { class: "evidence" }, ev.evidence ? ev.evidence.sentence || "" : ""));
    row.addEventListener("click", () => { window.location.href = "/events/" + encodeURIComponent(ev.event_id); });
    return row;
  }

  function showEvents(tableId, events, titleId, title) {
    const table = document.getElementById(tableId);
    table.hidden = false;
    table.tBodies[0].replaceChildren(...events.map(shortRow));
    if (titleId) { const t = document.getElementById(titleId); t.hidden = false; t.textContent = title; }
  }

  // -- charts ------------------------------------------------------------------------------------

  const QUADS = [
    { q: 1, name: "verbal cooperation", colour: "#4a9d5b" },
    { q: 2, name: "material cooperation", colour: "#1f6f3a" },
    { q: 3, name: "verbal conflict", colour: "#e08a2c" },
    { q: 4, name: "material conflict", colour: "#c0392b" },
  ];
  const QUAD_COLOURS = Object.fromEntries(QUADS.map((d) => [d.q, d.colour]));
  const quadName = (q) => (QUADS.find((d) => d.q === q) || { name: `QuadClass ${q}` }).name;
  const quadScale = () => ({ domain: QUADS.map((d) => d.name), range: QUADS.map((d) => d.colour) });
  function goldsteinColour(g) {
    if (g > 0.5) return "#2e8b57";
    if (g < -0.5) return "#c0392b";
    return "#888";
  }
  // The d3 time interval of a store period: weeks start on Monday, as the store counts them.
  const interval = (by) => ({ day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth, year: d3.utcYear })[by];
  const day = (iso) => new Date(iso + "T00:00:00Z");

  // An Observable Plot chart. Plot adds a <style> element, which the page's Content-Security-Policy
  // refuses (no inline styles): it is removed before the chart joins the page, and app.css styles
  // the class "kplot" instead.
  function plot(options) {
    const chart = Plot.plot({ className: "kplot", ...options });
    chart.querySelectorAll("style").forEach((s) => s.remove());
    return chart;
  }
  const widthOf = (node, fallback) => Math.max(320, Math.floor(node.clientWidth || fallback || 900) - 16);

  // -- a chart's data: a table and a CSV download --------------------------------------------------

  // A cell that a spreadsheet would read as a formula (=, +, @, or - before a letter) is quoted.
  function csvCell(value) {
    if (value === null || value === undefined) return "";
    let text = String(value);
    if (typeof value === "string" && /^([=+@\t\r]|-[^-\d.])/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  const csv = (rows, columns) => [columns.map((c) => csvCell(c.label)).join(","),
    ...rows.map((r) => columns.map((c) => csvCell(value(r, c))).join(","))].join("\r\n") + "\r\n";
  const value = (row, column) => (typeof column.value === "function" ? column.value(row) : row[column.key]);

  function dataTable(rows, columns) {
    return el("table", { class: "data compact" },
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, c.label)))),
      el("tbody", {}, rows.map((r) => el("tr", {}, columns.map((c) => {
        const v = value(r, c);
        return el("td", typeof v === "number" ? { class: "num" } : {}, v ?? "");
      })))));
  }

  // Put a chart's data beside it: a "Table" toggle and a CSV download link, in the figure `id`.
  function dataBlock(id, rows, columns, filename) {
    const host = document.querySelector(`#${id} .chart-data`);
    if (!host) return;
    if (host.dataset.url) URL.revokeObjectURL(host.dataset.url);
    host.dataset.url = URL.createObjectURL(new Blob([csv(rows, columns)], { type: "text/csv" }));
    const link = el("a", { class: "csv", download: filename, href: host.dataset.url }, `CSV (${rows.length} rows)`);
    const details = el("details", {}, el("summary", {}, "Table"));
    details.addEventListener("toggle", () => {  // built when first opened: a page draws sooner
      if (details.open && !details.querySelector("table")) details.append(dataTable(rows, columns));
    });
    host.replaceChildren(link, details);
  }

  // A legend for a chart's colour scale (colours set through the CSSOM, which the CSP allows).
  function swatches(scale) {
    return el("p", { class: "legend swatches" }, scale.domain.flatMap((name) => {
      const sw = el("span", { class: "sw" });
      sw.style.background = scale.apply(name);
      return [sw, ` ${name} `];
    }));
  }

  function showChart(id, chart) {
    const box = document.querySelector(`#${id} .chart`);
    box.replaceChildren(chart);
    return box;
  }

  function emptyChart(id, message) {
    document.querySelector(`#${id} .chart`).replaceChildren(el("p", { class: "muted empty" }, message));
    const data = document.querySelector(`#${id} .chart-data`);
    if (data) data.replaceChildren();
  }

  // Suggestions for an actor input from the store: codes with their names, and people and organisations.
  function actorSuggestions(input, list) {
    let asked = 0;  // answers can come back out of order: only the latest is shown
    const fill = async () => {
      const mine = ++asked;
      try {
        const body = await api("/api/actor-codes", { q: input.value.trim(), limit: 15 });
        if (mine !== asked) return;
        list.replaceChildren(...body.data.map((a) => el("option", { value: a.value, label: `${a.label} · ${a.events} events` })));
      } catch (e) { /* suggestions are optional */ }
    };
    input.addEventListener("input", debounce(fill, 200));
    input.addEventListener("focus", fill, { once: true });
  }

  // Tells tests and the load-time benchmark that the page has drawn what it loads first.
  const ready = () => { document.documentElement.dataset.ready = "true"; };

  return { ready, el, svg, api, formParams, fillForm, status, actorLabel, debounce, short, highlighted, eventRow, shortRow,
    showEvents, QUADS, QUAD_COLOURS, quadName, quadScale, goldsteinColour, interval, day, plot, widthOf, csv,
    dataTable, dataBlock, swatches, showChart, emptyChart, actorSuggestions };
})();
