"use strict";
// A dyad over time (GET /api/dyads): with no actors given, the busiest dyad (GET /api/dyads/top).
(() => {
  const form = document.getElementById("dyad-form");
  const field = (name) => form.elements.namedItem(name);
  K.fillForm(form, new URLSearchParams(window.location.search));
  for (const side of ["a", "b"]) K.actorSuggestions(field(side), document.getElementById(`actor-list-${side}`));
  const names = {};  // code -> label, from the top dyads
  const label = (code) => (names[code] ? `${names[code]} [${code}]` : code);

  async function topDyads(params) {
    const query = new URLSearchParams({ limit: 15, nodes: document.getElementById("top-nodes").value });
    for (const k of ["level", "modality", "since", "until"]) if (params.get(k)) query.set(k, params.get(k));
    const body = await K.api("/api/dyads/top", query);
    const list = document.getElementById("top-dyads");
    list.replaceChildren(...body.data.map((r) => {
      names[r.a] = r.a_name; names[r.b] = r.b_name;
      const pick = new URLSearchParams({ ...Object.fromEntries(query), a: r.a, b: r.b });
      pick.delete("limit"); pick.delete("nodes");
      const link = K.el("a", { href: "?" + pick.toString() },
        `${r.a_name} – ${r.b_name}`);
      link.addEventListener("click", (e) => { e.preventDefault(); field("a").value = r.a; field("b").value = r.b; load(); });
      return K.el("li", { "data-a": r.a, "data-b": r.b }, link, " ", K.el("span", { class: "n" }, r.events));
    }));
    return body.data;
  }

  function markCurrent(a, b) {
    for (const li of document.querySelectorAll("#top-dyads li")) {
      const same = (li.dataset.a === a && li.dataset.b === b) || (li.dataset.a === b && li.dataset.b === a);
      li.classList.toggle("current", same);
    }
  }

  function xDomain(rows, iv) { return [rows[0].date, iv.offset(rows[rows.length - 1].date)]; }

  function drawCounts(rows, by, query) {
    const iv = K.interval(by), box = document.querySelector("#dyad-chart .chart");
    const chart = K.plot({
      width: K.widthOf(box, 880), height: 300, marginLeft: 50, marginRight: 20,
      x: { type: "utc", label: null, domain: xDomain(rows, iv) },
      y: { grid: true, label: "↓ conflict · cooperation ↑ (events)", tickFormat: (v) => String(Math.abs(v)),
        ticks: d3.ticks(-d3.max(rows, (r) => r.conflict), d3.max(rows, (r) => r.cooperation), 8).filter(Number.isInteger) },
      marks: [
        Plot.rectY(rows, { x: "date", interval: iv, y: "cooperation", fill: "#4a9d5b", inset: 0.5 }),
        Plot.rectY(rows, { x: "date", interval: iv, y: (r) => -r.conflict, fill: "#c0392b", inset: 0.5 }),
        Plot.ruleY([0]),
      ],
    });
    // One transparent target a period, over the whole height: click (or Enter) lists its events.
    const x = chart.scale("x"), [yBottom, yTop] = chart.scale("y").range;
    const hits = K.svg("g", { class: "hits" });
    for (const r of rows) {
      const x0 = x.apply(r.date), x1 = x.apply(iv.offset(r.date));
      const hit = K.svg("rect", { class: "point", "data-period": r.period, tabindex: 0, x: x0, width: Math.max(1, x1 - x0),
        y: Math.min(yTop, yBottom), height: Math.abs(yBottom - yTop) },
      K.svg("title", {}, `${r.period}: ${r.events} events, ${r.cooperation} cooperation, ${r.conflict} conflict`
        + (r.goldstein_mean === null ? "" : `, mean Goldstein ${r.goldstein_mean}`)));
      hit.addEventListener("click", () => pointEvents(r, query));
      hit.addEventListener("keydown", (e) => { if (e.key === "Enter") pointEvents(r, query); });
      hits.append(hit);
    }
    chart.append(hits);
    K.showChart("dyad-chart", chart);
    K.dataBlock("dyad-chart", rows, ["period", "events", "a_to_b", "b_to_a", "verbal_cooperation", "material_cooperation",
      "verbal_conflict", "material_conflict", "cooperation", "conflict", "goldstein_sum", "goldstein_mean"]
      .map((key) => ({ key, label: key })), `dyad-${query.get("a")}-${query.get("b")}-by-${by}.csv`);
  }

  function drawGoldstein(rows, by) {
    const iv = K.interval(by), box = document.querySelector("#goldstein-chart .chart");
    const mid = (r) => new Date((+r.date + +iv.offset(r.date)) / 2);
    const dated = rows.filter((r) => r.goldstein_mean !== null);
    const chart = K.plot({
      width: K.widthOf(box, 880), height: 170, marginLeft: 50, marginRight: 20,
      x: { type: "utc", label: null, domain: xDomain(rows, iv) },
      y: { domain: [-10, 10], grid: true, label: "mean Goldstein", ticks: [-10, -5, 0, 5, 10] },
      marks: [
        Plot.ruleY([0], { stroke: "#99a3ad" }),
        Plot.lineY(rows, { x: mid, y: "goldstein_mean", stroke: "#1f4e9c", strokeWidth: 1.5 }),
        Plot.dot(dated, { x: mid, y: "goldstein_mean", r: 2.5, fill: "#1f4e9c",
          title: (r) => `${r.period}: mean Goldstein ${r.goldstein_mean} over ${r.events} events` }),
      ],
    });
    K.showChart("goldstein-chart", chart);
    K.dataBlock("goldstein-chart", rows, ["period", "events", "goldstein_sum", "goldstein_mean"].map((key) => ({ key, label: key })),
      `dyad-goldstein-by-${by}.csv`);
  }

  async function pointEvents(row, query) {
    const params = new URLSearchParams(query);
    params.delete("since"); params.delete("until");
    params.set("period", row.period);
    params.set("limit", "200");
    try {
      const body = await K.api("/api/dyads/events", params);
      K.showEvents("point-events", body.data, "point-title",
        `${body.data.length} events of ${label(params.get("a"))} – ${label(params.get("b"))}, ${body.meta.since} to ${body.meta.until}`);
    } catch (e) { K.status(e.message, true); }
  }

  async function load() {
    let params = K.formParams(form);
    try {
      const top = await topDyads(params);
      if (!params.get("a") || !params.get("b")) {
        if (!top.length) throw new Error("No dyad has events under these filters: pick two actors, or widen the filters.");
        field("a").value = top[0].a; field("b").value = top[0].b;  // the busiest dyad
        params = K.formParams(form);
      }
      history.replaceState(null, "", "?" + params.toString());
      markCurrent(params.get("a"), params.get("b"));
      document.getElementById("dyad-title").textContent = `${label(params.get("a"))} – ${label(params.get("b"))}`;
      const body = await K.api("/api/dyads", params);
      const rows = body.data.map((r) => ({ ...r, date: K.day(r.period) }));
      const total = rows.reduce((n, r) => n + r.events, 0);
      K.status(`${total} ${body.meta.level} events in ${rows.length} periods (by ${body.meta.by}). Click a period to list its events.`);
      if (!rows.length) {
        K.emptyChart("dyad-chart", "No dated events for this dyad under these filters.");
        K.emptyChart("goldstein-chart", "No dated events.");
      } else {
        drawCounts(rows, body.meta.by, params);
        drawGoldstein(rows, body.meta.by);
      }
    } catch (e) {
      K.emptyChart("dyad-chart", "Nothing to draw.");
      K.emptyChart("goldstein-chart", "Nothing to draw.");
      K.status(e.message, true);
    }
    K.ready();
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.getElementById("top-nodes").addEventListener("change", () => {
    topDyads(K.formParams(form)).then(() => markCurrent(field("a").value, field("b").value)).catch((e) => K.status(e.message, true));
  });
  load();
})();
