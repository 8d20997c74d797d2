"use strict";
(() => {
  const form = document.getElementById("dyad-form");
  const chart = document.getElementById("chart");
  const params0 = new URLSearchParams(window.location.search);
  K.fillForm(form, params0);

  async function suggest() {
    try {
      const body = await K.api("/api/actors", { limit: 50 });
      const opts = [];
      for (const a of body.data) for (const c of [...a.codes, ...a.countries]) opts.push(c);
      document.getElementById("actor-list").replaceChildren(...[...new Set(opts)].sort().map((c) => K.el("option", { value: c })));
    } catch (e) { /* suggestions are optional */ }
  }

  function draw(rows, query) {
    const W = 900, H = 320, M = { l: 48, r: 48, t: 16, b: 40 };
    const iw = W - M.l - M.r, ih = H - M.t - M.b, mid = M.t + ih / 2;
    const max = Math.max(1, ...rows.map((r) => Math.max(r.cooperation, r.conflict)));
    const band = iw / Math.max(rows.length, 1);
    const yCount = (n) => (n / max) * (ih / 2);
    const yGold = (g) => mid - (g / 10) * (ih / 2);
    const root = K.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot", role: "img", "aria-label": "dyad time series" });
    root.append(K.svg("line", { x1: M.l, x2: W - M.r, y1: mid, y2: mid, class: "axis" }));
    root.append(K.svg("text", { x: M.l - 6, y: M.t + 10, class: "tick", "text-anchor": "end" }, max));
    root.append(K.svg("text", { x: M.l - 6, y: H - M.b, class: "tick", "text-anchor": "end" }, max));
    root.append(K.svg("text", { x: M.l - 6, y: mid + 4, class: "tick", "text-anchor": "end" }, 0));
    root.append(K.svg("text", { x: W - M.r + 6, y: M.t + 10, class: "tick" }, "+10"));
    root.append(K.svg("text", { x: W - M.r + 6, y: H - M.b, class: "tick" }, "−10"));
    const line = [];
    rows.forEach((r, i) => {
      const x = M.l + i * band, bw = Math.max(2, Math.min(40, band * 0.6)), cx = x + band / 2;
      const g = K.svg("g", { class: "point", "data-period": r.period, tabindex: 0 });
      g.append(K.svg("rect", { x, y: M.t, width: band, height: ih, class: "hit" }));
      g.append(K.svg("rect", { x: cx - bw / 2, y: mid - yCount(r.cooperation), width: bw, height: yCount(r.cooperation), fill: "#4a9d5b" }));
      g.append(K.svg("rect", { x: cx - bw / 2, y: mid, width: bw, height: yCount(r.conflict), fill: "#c0392b" }));
      g.append(K.svg("circle", { cx, cy: yGold(r.goldstein_mean), r: 4, fill: "#1f4e9c" }));
      g.append(K.svg("title", {}, `${r.period}: ${r.events} events, ${r.cooperation} cooperation, ${r.conflict} conflict, Goldstein mean ${r.goldstein_mean} (sum ${r.goldstein_sum})`));
      if (rows.length <= 24 || i % Math.ceil(rows.length / 24) === 0) {
        g.append(K.svg("text", { x: cx, y: H - M.b + 16, class: "tick", "text-anchor": "middle" }, r.period));
      }
      g.addEventListener("click", () => pointEvents(r, query));
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") pointEvents(r, query); });
      line.push(`${cx},${yGold(r.goldstein_mean)}`);
      root.append(g);
    });
    if (line.length > 1) root.insertBefore(K.svg("polyline", { points: line.join(" "), class: "gold-line" }), root.children[1]);
    chart.replaceChildren(root);
  }

  async function pointEvents(row, query) {
    const params = new URLSearchParams(query);
    params.delete("since"); params.delete("until");
    params.set("period", row.period);
    params.set("limit", "200");
    try {
      const body = await K.api("/api/dyads/events", params);
      K.showEvents("point-events", body.data, "point-title",
        `${body.data.length} events of ${params.get("a")} – ${params.get("b")}, ${body.meta.since} to ${body.meta.until}`);
    } catch (e) { K.status(e.message, true); }
  }

  async function load() {
    const params = K.formParams(form);
    if (!params.get("a") || !params.get("b")) { K.status("Pick two actors (codes such as IRQ, IRNGOV, or actor ids)."); return; }
    history.replaceState(null, "", "?" + params.toString());
    try {
      const body = await K.api("/api/dyads", params);
      const total = body.data.reduce((n, r) => n + r.events, 0);
      K.status(`${total} ${params.get("level") || "clustered"} events in ${body.data.length} periods. Click a period to list its events.`);
      draw(body.data, params);
    } catch (e) { chart.replaceChildren(); K.status(e.message, true); }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  suggest();
  load();
})();
