"use strict";
// The actor network (GET /api/network): the busiest actors, laid out by d3-force. The layout is a
// function of the data alone (nodes in id order, each starting from a point its id gives, a seeded
// random source, a fixed number of steps), so the same data is drawn the same way on every load.
(() => {
  const form = document.getElementById("net-form");
  K.fillForm(form, new URLSearchParams(window.location.search));
  const W = 1100, H = 660;
  const goldstein = d3.scaleLinear().domain([-10, 0, 10]).range(["#c0392b", "#9aa3ad", "#2e8b57"]).clamp(true);

  function seedPosition(id) {  // FNV-1a hash of the id -> a point on a ring around the centre
    let h = 2166136261;
    for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 16777619); }
    h >>>= 0;
    const angle = ((h % 3600) / 3600) * 2 * Math.PI, radius = 60 + ((h >>> 12) % 240);
    return { x: W / 2 + radius * Math.cos(angle), y: H / 2 + radius * Math.sin(angle) };
  }

  function layout(data, allEdges) {
    const most = d3.max(data.nodes, (n) => n.in + n.out) || 1;
    const nodes = data.nodes.map((n) => ({ ...n, ...seedPosition(n.id), radius: 5 + 15 * Math.sqrt((n.in + n.out) / most) }))
      .sort((a, b) => d3.ascending(a.id, b.id));
    const link = (e) => ({ ...e, from: e.source, to: e.target });
    const links = data.edges.filter((e) => e.source !== e.target).map(link);
    const pulls = allEdges.filter((e) => e.source !== e.target).map(link);  // every edge shapes the layout
    const heaviest = d3.max(links, (l) => l.weight) || 1;
    const simulation = d3.forceSimulation(nodes).randomSource(d3.randomLcg(18))
      .force("link", d3.forceLink(pulls).id((d) => d.id).distance(95).strength((l) => 0.05 + 0.5 * (l.weight / heaviest)))
      .force("charge", d3.forceManyBody().strength(-650))
      .force("collide", d3.forceCollide((d) => d.radius + 12))
      .force("x", d3.forceX(W / 2).strength(0.06))
      .force("y", d3.forceY(H / 2).strength(0.09))
      .stop();
    for (let i = 0; i < 300; i++) simulation.tick();
    fill(nodes);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const l of links) { l.source = byId.get(l.from); l.target = byId.get(l.to); }
    return { nodes, links, heaviest };
  }

  // Stretch the layout over the drawing (not the drawing over the layout): circles, labels and
  // arrows keep their size however tight the actors cluster.
  // A loner far out would squeeze the rest: the box is the middle 94% of the actors, the others clamped.
  function fill(nodes) {
    const xs = nodes.map((n) => n.x).sort(d3.ascending), ys = nodes.map((n) => n.y).sort(d3.ascending);
    const [x0, x1] = [d3.quantileSorted(xs, 0.03), d3.quantileSorted(xs, 0.97)];
    const [y0, y1] = [d3.quantileSorted(ys, 0.03), d3.quantileSorted(ys, 0.97)];
    const sx = d3.scaleLinear([x0, x1 > x0 ? x1 : x0 + 1], [110, W - 110]).clamp(true);
    const sy = d3.scaleLinear([y0, y1 > y0 ? y1 : y0 + 1], [40, H - 50]).clamp(true);
    for (const n of nodes) { n.x = nodes.length > 1 ? sx(n.x) : W / 2; n.y = nodes.length > 1 ? sy(n.y) : H / 2; }
  }

  // The strongest edges only (the API sends them heaviest first), so that a dense network stays legible.
  const strongest = (edges, most) => (most && edges.length > most ? edges.slice(0, most) : edges);

  // A curved edge (so A→B and B→A stay apart), trimmed to the circles it joins.
  function edgePath(l) {
    const s = l.source, t = l.target, dx = t.x - s.x, dy = t.y - s.y, len = Math.hypot(dx, dy) || 1;
    const cx = (s.x + t.x) / 2 - (dy / len) * len * 0.12, cy = (s.y + t.y) / 2 + (dx / len) * len * 0.12;
    const trim = (from, to, r) => { const ux = to.x - from.x, uy = to.y - from.y, d = Math.hypot(ux, uy) || 1; return [from.x + (ux / d) * r, from.y + (uy / d) * r]; };
    const [x0, y0] = trim(s, { x: cx, y: cy }, s.radius + 1);
    const [x1, y1] = trim(t, { x: cx, y: cy }, t.radius + 3);
    return `M${x0},${y0}Q${cx},${cy} ${x1},${y1}`;
  }

  function draw(data, query, allEdges) {
    const { nodes, links, heaviest } = layout(data, allEdges);
    const svg = d3.create("svg").attr("class", "netgraph").attr("viewBox", `0 0 ${W} ${H}`)
      .attr("role", "img").attr("aria-label", "actor network");
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 0 10 10").attr("refX", 9).attr("refY", 5)
      .attr("markerWidth", 8).attr("markerHeight", 8).attr("markerUnits", "userSpaceOnUse").attr("orient", "auto")
      .append("path").attr("d", "M0,0L10,5L0,10z").attr("fill", "#7d8790");
    const world = svg.append("g");
    world.append("g").selectAll("path").data(links).join("path")
      .attr("class", "edge").attr("d", edgePath).attr("stroke", (l) => goldstein(l.goldstein_mean))
      .attr("stroke-width", (l) => 1 + 6 * Math.sqrt(l.weight / heaviest)).attr("marker-end", "url(#arrow)")
      .attr("stroke-opacity", (l) => 0.25 + 0.65 * Math.sqrt(l.weight / heaviest))
      .attr("data-source", (l) => l.from).attr("data-target", (l) => l.to)
      .on("click", (event, l) => edgeEvents(l, query))
      .append("title").text((l) => `${l.source.name} → ${l.target.name}: ${l.weight} events, ${l.cooperation} cooperation, `
        + `${l.conflict} conflict, mean Goldstein ${l.goldstein_mean}`);
    const node = world.append("g").selectAll("g").data(nodes).join("g")
      .attr("class", (n) => (n.unknown ? "node unknown" : "node")).attr("data-id", (n) => n.id)
      .attr("transform", (n) => `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`)
      .on("click", (event, n) => { if (n.id !== "---") window.location.href = "/actors/" + encodeURIComponent(n.id); });
    node.append("circle").attr("r", (n) => n.radius);
    node.append("text").attr("y", (n) => n.radius + 12).attr("text-anchor", "middle").text((n) => K.short(n.name, 24));
    node.append("title").text((n) => `${n.name} [${n.id}]: ${n.out} events as source, ${n.in} as target`);
    svg.call(d3.zoom().scaleExtent([0.3, 8]).on("zoom", (event) => world.attr("transform", event.transform)));
    K.showChart("network", svg.node());
    const names = new Map(nodes.map((n) => [n.id, n.name]));
    K.dataBlock("network", allEdges, [{ key: "source", label: "source" }, { label: "source_name", value: (e) => names.get(e.source) },
      { key: "target", label: "target" }, { label: "target_name", value: (e) => names.get(e.target) }, { key: "weight", label: "events" },
      { key: "cooperation", label: "cooperation" }, { key: "conflict", label: "conflict" }, { key: "goldstein_mean", label: "goldstein_mean" }],
    "network-edges.csv");
  }

  async function edgeEvents(l, query) {
    const params = new URLSearchParams();
    for (const k of ["since", "until"]) if (query.get(k)) params.set(k, query.get(k));
    if ((query.get("modality") || "asserted") !== "any") params.set("modality", query.get("modality") || "asserted");
    params.set("level", query.get("level") || "clustered");
    params.set("limit", "500");
    const grouped = (id) => id === "---" && query.get("unknown") === "group";
    const byCountry = query.get("nodes") === "country";
    if (!grouped(l.from)) params.set("source", l.from);
    if (!grouped(l.to)) params.set("target", l.to);
    if (!byCountry && !grouped(l.from) && !grouped(l.to)) { params.delete("source"); params.delete("target"); params.append("dyad", l.from); params.append("dyad", l.to); }
    const quads = new Set(query.getAll("quad").map(Number));
    const sideOf = (ev, role) => (ev[role] ? (byCountry ? ev[role].country : ev[role].code) || "" : "");
    const keep = (ev) => (!quads.size || quads.has(ev.quad_class))
      && (!grouped(l.from) || sideOf(ev, "source").startsWith("---")) && (!grouped(l.to) || sideOf(ev, "target").startsWith("---"));
    try {
      const body = await K.api("/api/events", params);
      const events = body.data.filter(keep);
      K.showEvents("edge-events", events, "edge-title", `${events.length} events, ${l.source.name} → ${l.target.name}`);
    } catch (err) { K.status(err.message, true); }
  }

  async function load() {
    const params = K.formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    K.status("Loading…");
    try {
      const body = await K.api("/api/network", params);
      const m = body.meta, d = body.data;
      const shown = strongest(d.edges, Number(params.get("edges") || 0));
      const unknown = { hide: "actors of no country hidden", group: "actors of no country grouped", show: "actors of no country shown" }[m.unknown];
      const edges = shown.length < d.edges.length ? `the ${shown.length} strongest of ${d.edges.length} edges between them` : `${d.edges.length} edges between them`;
      K.status(`${d.nodes.length} of ${m.total_nodes} actors (the busiest by events), ${edges} (${m.total_edges} in all); ${unknown}; QuadClass ${m.quad.join(", ")}.`);
      if (d.nodes.length) draw({ ...d, edges: shown }, params, d.edges); else K.emptyChart("network", "No interactions under these filters.");
    } catch (e) { K.emptyChart("network", "Nothing to draw."); K.status(e.message, true); }
    K.ready();
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
