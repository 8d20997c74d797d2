// khaldun dashboard: shared helpers. Data from the API is untrusted (article text): it only
// ever reaches the page through textContent and setAttribute, never through innerHTML.
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
    for (const [k, v] of params.entries()) {
      const field = form.elements.namedItem(k);
      if (!field) continue;
      if (field.type === "checkbox") field.checked = v === "true"; else field.value = v;
    }
  }

  function status(message, isError) {
    const node = document.getElementById("status");
    if (!node) return;
    node.textContent = message;
    node.className = isError ? "error" : "muted";
  }

  const actorLabel = (a) => (a ? `${a.name || a.text || a.code || "?"} [${a.code || "-"}]` : "—");

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

  const QUAD_COLOURS = { 1: "#4a9d5b", 2: "#1f6f3a", 3: "#e08a2c", 4: "#c0392b" };
  function goldsteinColour(g) {
    if (g > 0.5) return "#2e8b57";
    if (g < -0.5) return "#c0392b";
    return "#888";
  }
  return { el, svg, api, formParams, fillForm, status, actorLabel, highlighted, eventRow, shortRow,
    showEvents, QUAD_COLOURS, goldsteinColour };
})();
