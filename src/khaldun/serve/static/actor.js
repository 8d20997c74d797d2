"use strict";
// An actor: events over time by QuadClass (GET /api/series), the codes it was given, its top partners.
(() => {
  const data = JSON.parse(document.getElementById("actor-data").textContent);

  async function timeline() {
    const body = await K.api("/api/series", { actor: data.actor, level: "raw" });
    const d = body.data, rows = d.series.map((r) => ({ period: r.period, quad: K.quadName(r.quad_class), events: r.events }));
    if (!rows.some((r) => r.events)) { K.emptyChart("timeline", "No dated events."); return; }
    const box = document.querySelector("#timeline .chart");
    K.showChart("timeline", K.plot({
      width: K.widthOf(box, 1100), height: 240, marginLeft: 44,
      x: { type: "utc", label: null }, y: { grid: true, label: `raw events per ${d.by}` }, color: K.quadScale(),
      marks: [Plot.rectY(rows, { x: (r) => K.day(r.period), interval: K.interval(d.by), y: "events", fill: "quad",
        order: K.QUADS.map((q) => q.name), tip: true }), Plot.ruleY([0])],
    }));
    K.dataBlock("timeline", rows, [{ key: "period", label: "period" }, { key: "quad", label: "quad_class" },
      { key: "events", label: "events" }], `actor-events-by-${d.by}.csv`);
  }

  function codes() {
    const rows = data.codes.map((r) => ({ ...r, date: K.day(r.period) }));
    if (!rows.length) { K.emptyChart("codes-chart", "No dated events."); return; }
    const box = document.querySelector("#codes-chart .chart");
    const chart = K.plot({
      width: K.widthOf(box, 540), height: 240, marginLeft: 40,
      x: { type: "utc", label: null }, y: { grid: true, label: "raw events per month" },
      color: { scheme: "tableau10" },
      marks: [Plot.rectY(rows, { x: "date", interval: "month", y: "events", fill: "code", tip: true }), Plot.ruleY([0])],
    });
    K.showChart("codes-chart", chart).prepend(K.swatches(chart.scale("color")));
    K.dataBlock("codes-chart", data.codes, [{ key: "period", label: "period" }, { key: "code", label: "code" },
      { key: "events", label: "events" }], "actor-codes.csv");
  }

  function partners() {
    const rows = [...data.partners].sort((a, b) => b.events - a.events || (a.code < b.code ? -1 : 1)).slice(0, 15).map((r) => ({ ...r, href: "/dyads?" + new URLSearchParams({ a: data.actor, b: r.code, modality: "any" }).toString() }));
    if (!rows.length) { K.emptyChart("partners-chart", "No partners."); return; }
    const long = rows.flatMap((r) => [
      { code: r.code, kind: "cooperation", events: r.cooperation, href: r.href },
      { code: r.code, kind: "conflict", events: r.conflict, href: r.href },
      { code: r.code, kind: "other", events: r.events - r.cooperation - r.conflict, href: r.href },
    ]);
    const box = document.querySelector("#partners-chart .chart");
    K.showChart("partners-chart", K.plot({
      width: K.widthOf(box, 540), height: 36 + 20 * rows.length, marginLeft: 90,
      x: { grid: true, label: "events", axis: "top" }, y: { domain: rows.map((r) => r.code), label: null },
      color: { domain: ["cooperation", "conflict", "other"], range: ["#4a9d5b", "#c0392b", "#9aa3ad"] },
      marks: [Plot.barX(long, { y: "code", x: "events", fill: "kind", href: "href", title: (r) => `${r.code}: ${r.events} ${r.kind}` }), Plot.ruleX([0])],
    }));
    K.dataBlock("partners-chart", data.partners, ["code", "events", "as_source", "as_target", "cooperation", "conflict", "goldstein_mean"]
      .map((key) => ({ key, label: key })), "actor-partners.csv");
  }

  codes();
  partners();
  timeline().catch((e) => K.emptyChart("timeline", e.message)).finally(K.ready);
})();
