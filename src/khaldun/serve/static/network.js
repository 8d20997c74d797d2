"use strict";
(() => {
  const form = document.getElementById("net-form");
  const graph = document.getElementById("graph");
  K.fillForm(form, new URLSearchParams(window.location.search));

  // A small force layout: deterministic start on a circle, springs on edges, repulsion between nodes.
  function layout(nodes, edges, W, H) {
    const n = nodes.length, pos = new Map();
    nodes.forEach((d, i) => pos.set(d.id, { x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }));
    const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.45;
    for (let step = 0; step < 300; step++) {
      const t = 8 * (1 - step / 300) + 0.5, disp = new Map(nodes.map((d) => [d.id, { x: 0, y: 0 }]));
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
        const a = pos.get(nodes[i].id), b = pos.get(nodes[j].id);
        let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / d; dx /= d; dy /= d;
        disp.get(nodes[i].id).x += dx * f; disp.get(nodes[i].id).y += dy * f;
        disp.get(nodes[j].id).x -= dx * f; disp.get(nodes[j].id).y -= dy * f;
      }
      for (const e of edges) {
        const a = pos.get(e.source), b = pos.get(e.target);
        if (a === b) continue;
        let dx = a.x - b.x, dy = a.y - b.y; const d = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (d * d) / k; dx /= d; dy /= d;
        disp.get(e.source).x -= dx * f; disp.get(e.source).y -= dy * f;
        disp.get(e.target).x += dx * f; disp.get(e.target).y += dy * f;
      }
      for (const d of nodes) {  // gravity keeps separate components near the middle
        const p = pos.get(d.id), v = disp.get(d.id);
        v.x += (W / 2 - p.x) * 0.6; v.y += (H / 2 - p.y) * 0.6;
      }
      for (const d of nodes) {
        const p = pos.get(d.id), v = disp.get(d.id), len = Math.max(Math.hypot(v.x, v.y), 0.01);
        p.x = Math.min(W - 40, Math.max(40, p.x + (v.x / len) * Math.min(len, t)));
        p.y = Math.min(H - 30, Math.max(30, p.y + (v.y / len) * Math.min(len, t)));
      }
    }
    return pos;
  }

  function draw(data, query) {
    const W = 900, H = 560;
    const root = K.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "plot", role: "img", "aria-label": "actor network" });
    const defs = K.svg("defs", {}, K.svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      K.svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#999" })));
    root.append(defs);
    const pos = layout(data.nodes, data.edges, W, H);
    const maxW = Math.max(1, ...data.edges.map((e) => e.weight));
    const radius = (d) => 6 + 10 * Math.sqrt((d.in + d.out) / Math.max(1, ...data.nodes.map((x) => x.in + x.out)));
    const rOf = new Map(data.nodes.map((d) => [d.id, radius(d)]));
    for (const e of data.edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01), r = rOf.get(e.target) + 2;
      const edge = K.svg("line", { x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * r, y2: b.y - ((b.y - a.y) / d) * r,
        stroke: K.goldsteinColour(e.goldstein_mean), "stroke-width": 1 + 5 * (e.weight / maxW), class: "edge", "marker-end": "url(#arrow)",
        "data-source": e.source, "data-target": e.target });
      edge.append(K.svg("title", {}, `${e.source} → ${e.target}: ${e.weight} events, ${e.cooperation} cooperation, ${e.conflict} conflict, Goldstein mean ${e.goldstein_mean}`));
      edge.addEventListener("click", () => edgeEvents(e, query));
      root.append(edge);
    }
    for (const d of data.nodes) {
      const p = pos.get(d.id);
      const g = K.svg("g", { class: "node", "data-id": d.id, transform: `translate(${p.x},${p.y})` },
        K.svg("circle", { r: rOf.get(d.id) }), K.svg("text", { y: -rOf.get(d.id) - 4, "text-anchor": "middle" }, d.id),
        K.svg("title", {}, `${d.id}: ${d.out} events as source, ${d.in} as target`));
      g.addEventListener("click", () => { window.location.href = "/actors/" + encodeURIComponent(d.id); });
      root.append(g);
    }
    graph.replaceChildren(root);
  }

  async function edgeEvents(e, query) {
    const params = new URLSearchParams();
    for (const k of ["since", "until", "level"]) if (query.get(k)) params.set(k, query.get(k));
    const nodes = query.get("nodes") === "country" ? ["source", "target"] : null;
    if (nodes) { params.set("source", e.source); params.set("target", e.target); } else { params.append("dyad", e.source); params.append("dyad", e.target); }
    if ((query.get("modality") || "asserted") !== "any") params.set("modality", query.get("modality") || "asserted");
    params.set("level", query.get("level") || "clustered");
    params.set("limit", "200");
    try {
      const body = await K.api("/api/events", params);
      K.showEvents("edge-events", body.data);
    } catch (err) { K.status(err.message, true); }
  }

  async function load() {
    const params = K.formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    try {
      const body = await K.api("/api/network", params);
      K.status(`${body.data.nodes.length} actors, ${body.data.edges.length} directed edges`);
      draw(body.data, params);
    } catch (e) { graph.replaceChildren(); K.status(e.message, true); }
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
