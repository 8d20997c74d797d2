"use strict";
(() => {
  const data = JSON.parse(document.getElementById("actor-data").textContent);
  const box = document.getElementById("codes-chart");
  const periods = [...new Set(data.codes.map((r) => r.period))].sort();
  const codes = [...new Set(data.codes.map((r) => r.code))].sort();
  if (!periods.length) { box.append(K.el("p", { class: "muted" }, "No dated events.")); return; }
  const palette = ["#1f4e9c", "#4a9d5b", "#e08a2c", "#c0392b", "#7d3c98", "#16a085", "#7f8c8d"];
  const W = 900, H = 220, M = { l: 40, r: 140, t: 10, b: 34 };
  const iw = W - M.l - M.r, ih = H - M.t - M.b, band = iw / periods.length;
  const totals = periods.map((p) => data.codes.filter((r) => r.period === p).reduce((n, r) => n + r.events, 0));
  const max = Math.max(1, ...totals);
  const root = K.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot", role: "img", "aria-label": "codes over time" });
  root.append(K.svg("text", { x: M.l - 6, y: M.t + 10, class: "tick", "text-anchor": "end" }, max));
  periods.forEach((p, i) => {
    let y = M.t + ih;
    for (const [ci, code] of codes.entries()) {
      const row = data.codes.find((r) => r.period === p && r.code === code);
      if (!row) continue;
      const h = (row.events / max) * ih;
      y -= h;
      const rect = K.svg("rect", { x: M.l + i * band + band * 0.15, y, width: band * 0.7, height: h, fill: palette[ci % palette.length] });
      rect.append(K.svg("title", {}, `${p}: ${code}, ${row.events} events`));
      root.append(rect);
    }
    if (periods.length <= 24 || i % Math.ceil(periods.length / 24) === 0) {
      root.append(K.svg("text", { x: M.l + i * band + band / 2, y: H - M.b + 16, class: "tick", "text-anchor": "middle" }, p));
    }
  });
  codes.forEach((code, ci) => {
    root.append(K.svg("rect", { x: W - M.r + 12, y: M.t + ci * 18, width: 12, height: 12, fill: palette[ci % palette.length] }));
    root.append(K.svg("text", { x: W - M.r + 30, y: M.t + ci * 18 + 10, class: "tick" }, code));
  });
  box.append(root);
})();
