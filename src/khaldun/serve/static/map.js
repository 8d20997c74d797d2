"use strict";
(() => {
  const form = document.getElementById("map-form");
  const box = document.getElementById("map");
  K.fillForm(form, new URLSearchParams(window.location.search));
  const root = K.svg("svg", { viewBox: "0 0 360 180", class: "plot worldmap", role: "img", "aria-label": "map of events" });
  const land = K.svg("path", { class: "land" });
  const grid = K.svg("g", { class: "graticule" });
  for (let lon = 0; lon <= 360; lon += 30) grid.append(K.svg("line", { x1: lon, x2: lon, y1: 0, y2: 180 }));
  for (let lat = 0; lat <= 180; lat += 30) grid.append(K.svg("line", { x1: 0, x2: 360, y1: lat, y2: lat }));
  const dots = K.svg("g", { class: "dots" });
  root.append(grid, land, dots);
  box.append(root);
  let points = [];
  const x = (lon) => lon + 180, y = (lat) => 90 - lat;

  function fit() {
    if (!points.length) { root.setAttribute("viewBox", "0 0 360 180"); return; }
    const xs = points.map((p) => x(p.lon)), ys = points.map((p) => y(p.lat));
    let x0 = Math.min(...xs) - 6, x1 = Math.max(...xs) + 6, y0 = Math.min(...ys) - 4, y1 = Math.max(...ys) + 4;
    const w = Math.max(x1 - x0, 70), h = Math.max(y1 - y0, 35);
    const cw = Math.max(w, h * 2), ch = cw / 2;  // keep the 2:1 frame
    x0 = (x0 + x1) / 2 - cw / 2; y0 = (y0 + y1) / 2 - ch / 2;
    root.setAttribute("viewBox", `${x0} ${y0} ${cw} ${ch}`);
  }
  function scale() {
    const vb = root.getAttribute("viewBox").split(" ").map(Number);
    return vb[2] / 360;
  }
  function draw() {
    const s = scale(), max = Math.max(1, ...points.map((p) => p.events));
    dots.replaceChildren(...points.map((p) => {
      const c = K.svg("circle", { cx: x(p.lon), cy: y(p.lat), r: (1.2 + 3 * Math.sqrt(p.events / max)) * Math.max(s, 0.08) * 1.2,
        fill: K.QUAD_COLOURS[p.quad_class] || "#888", class: `place q${p.quad_class}`, "data-name": p.name, tabindex: 0 });
      c.append(K.svg("title", {}, `${p.name} (${p.country || "?"}): ${p.events} events, QuadClass ${p.quad_class}, Goldstein mean ${p.goldstein_mean}`));
      c.addEventListener("click", () => placeEvents(p));
      return c;
    }));
  }
  async function placeEvents(p) {
    const params = K.formParams(form);
    params.set("place", p.name);
    params.set("limit", "200");
    try {
      const body = await K.api("/api/events", params);
      K.showEvents("place-events", body.data.filter((e) => e.quad_class === p.quad_class));
      K.status(`${p.name}: events of QuadClass ${p.quad_class}`);
    } catch (e) { K.status(e.message, true); }
  }
  async function load() {
    const params = K.formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    try {
      const body = await K.api("/api/map", params);
      points = body.data;
      K.status(`${points.reduce((n, p) => n + p.events, 0)} placed events at ${new Set(points.map((p) => p.name)).size} places`);
      fit(); draw();
    } catch (e) { K.status(e.message, true); }
  }
  async function basemap() {
    try {
      const body = await K.api("/api/basemap");
      land.setAttribute("d", body.data.path);
      document.getElementById("credit").textContent = body.data.credit;
    } catch (e) { /* the points still show */ }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.getElementById("zoom-world").addEventListener("click", () => { root.setAttribute("viewBox", "0 0 360 180"); draw(); });
  document.getElementById("zoom-fit").addEventListener("click", () => { fit(); draw(); });
  basemap();
  load();
})();
