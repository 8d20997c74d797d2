"use strict";
// The overview: events over time by QuadClass, top actors and dyads, modality shares (GET /api/overview).
(() => {
  const form = document.getElementById("overview-form");
  K.fillForm(form, new URLSearchParams(window.location.search));
  K.actorSuggestions(form.elements.namedItem("actor"), document.getElementById("actor-list"));

  function span(d) {
    const s = d.span;
    const text = s.first ? `${s.first} to ${s.last} · ${s.dated} dated, ${s.undated} undated ${d.level} events · by ${d.by}` : "no dated events";
    document.getElementById("span").textContent = text;
  }

  function timeline(d) {
    const rows = d.series.map((r) => ({ period: r.period, quad: K.quadName(r.quad_class), events: r.events }));
    if (!rows.some((r) => r.events)) { K.emptyChart("timeline", "No dated events for these filters."); return; }
    const box = document.querySelector("#timeline .chart");
    const chart = K.plot({
      width: K.widthOf(box, 1100), height: 300, marginLeft: 50,
      x: { type: "utc", label: null },
      y: { grid: true, label: `${d.level} events per ${d.by}` },
      color: K.quadScale(),
      marks: [
        Plot.rectY(rows, { x: (r) => K.day(r.period), interval: K.interval(d.by), y: "events", fill: "quad",
          order: K.QUADS.map((q) => q.name), tip: true, title: (r) => `${r.period} · ${r.quad}: ${r.events}` }),
        Plot.ruleY([0]),
      ],
    });
    K.showChart("timeline", chart);
    K.dataBlock("timeline", rows, [{ key: "period", label: "period" }, { key: "quad", label: "quad_class" },
      { key: "events", label: "events" }], `events-by-${d.by}.csv`);
  }

  // A horizontal bar chart whose bars are links; `rows` carry label, events and href.
  function bars(id, rows, fill, empty) {
    if (!rows.length) { K.emptyChart(id, empty); return; }
    const box = document.querySelector(`#${id} .chart`);
    const chart = K.plot({
      width: K.widthOf(box, 360), height: 28 + 22 * rows.length, marginLeft: 180, marginRight: 36,
      x: { grid: true, label: "events", axis: "top" },
      y: { domain: rows.map((r) => r.label), label: null, tickFormat: (t) => K.short(t, 30) },
      marks: [
        Plot.barX(rows, { y: "label", x: "events", fill, href: "href", title: (r) => `${r.label}: ${r.events} events` }),
        Plot.text(rows, { y: "label", x: "events", text: (r) => String(r.events), dx: 4, textAnchor: "start" }),
        Plot.ruleX([0]),
      ],
    });
    K.showChart(id, chart);
  }

  function topActors(d) {
    const rows = d.top_actors.map((a) => ({ ...a, label: `${a.name} [${a.code}]`, href: "/actors/" + encodeURIComponent(a.code) }));
    bars("top-actors", rows, "#1f4e9c", "No actors.");
    K.dataBlock("top-actors", rows, [{ key: "code", label: "code" }, { key: "name", label: "name" },
      { key: "events", label: "events" }, { key: "as_source", label: "as_source" }, { key: "as_target", label: "as_target" }], "top-actors.csv");
  }

  function topDyads(d) {
    const params = K.formParams(form);
    const rows = d.top_dyads.map((r) => {
      const link = new URLSearchParams({ a: r.a, b: r.b, level: d.level, modality: params.get("modality") || "any" });
      return { ...r, label: `${r.a_name} – ${r.b_name}`, href: "/dyads?" + link.toString() };
    });
    bars("top-dyads", rows, "#7d3c98", "No dyads.");
    K.dataBlock("top-dyads", rows, [{ key: "a", label: "a" }, { key: "b", label: "b" }, { key: "a_name", label: "a_name" },
      { key: "b_name", label: "b_name" }, { key: "events", label: "events" }, { key: "a_to_b", label: "a_to_b" },
      { key: "b_to_a", label: "b_to_a" }, { key: "cooperation", label: "cooperation" }, { key: "conflict", label: "conflict" }],
    "top-dyads.csv");
  }

  function modalities(d) {
    const rows = d.modalities.map((m) => ({ ...m, modality: m.modality || "(none)", percent: Math.round(m.share * 1000) / 10 }));
    if (!rows.length) { K.emptyChart("modalities", "No events."); return; }
    const box = document.querySelector("#modalities .chart");
    const chart = K.plot({
      width: K.widthOf(box, 360), height: 28 + 22 * rows.length, marginLeft: 90, marginRight: 44,
      x: { grid: true, label: "% of events", axis: "top", domain: [0, 100] },
      y: { domain: rows.map((r) => r.modality), label: null },
      marks: [
        Plot.barX(rows, { y: "modality", x: "percent", fill: (r) => (r.modality === "asserted" ? "#1f4e9c" : "#9aa8b8"),
          title: (r) => `${r.modality}: ${r.events} events (${r.percent}%)` }),
        Plot.text(rows, { y: "modality", x: "percent", text: (r) => `${r.percent}%`, dx: 4, textAnchor: "start" }),
        Plot.ruleX([0]),
      ],
    });
    K.showChart("modalities", chart);
    K.dataBlock("modalities", rows, [{ key: "modality", label: "modality" }, { key: "events", label: "events" },
      { key: "share", label: "share" }], "modalities.csv");
  }

  async function load() {
    const params = K.formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    K.status("Loading…");
    try {
      const body = await K.api("/api/overview", params);
      const d = { ...body.data, level: body.meta.level };
      span(d); timeline(d); topActors(d); topDyads(d); modalities(d);
      K.status("");
    } catch (e) { K.status(e.message, true); }
    K.ready();
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
