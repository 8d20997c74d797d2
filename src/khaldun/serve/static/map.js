"use strict";
// The map: Natural Earth country outlines (vendored TopoJSON) drawn with d3-geo, shaded by events
// (GET /api/map/countries), and places as circles (GET /api/map); d3-zoom zooms and pans. No tiles.
(() => {
  const form = document.getElementById("map-form");
  K.fillForm(form, new URLSearchParams(window.location.search));
  K.actorSuggestions(form.elements.namedItem("actor"), document.getElementById("actor-list"));
  const W = 1100, H = 560;
  const projection = d3.geoEqualEarth(), path = d3.geoPath(projection);
  const svg = d3.create("svg").attr("class", "worldmap").attr("viewBox", `0 0 ${W} ${H}`)
    .attr("role", "img").attr("aria-label", "map of events");
  const world = svg.append("g");
  const sphere = world.append("path").attr("class", "sphere");
  const graticule = world.append("path").attr("class", "graticule");
  const countryLayer = world.append("g"), placeLayer = world.append("g");
  let scale = 1, places = [], countryRows = [];
  const zoom = d3.zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [W, H]])
    .on("zoom", (event) => { world.attr("transform", event.transform); scale = event.transform.k; resize(); });
  svg.call(zoom);

  async function outlines() {
    const response = await fetch("/static/vendor/countries-110m.json");
    if (!response.ok) throw new Error(`the country outlines did not load (HTTP ${response.status})`);
    const topo = await response.json();
    const features = topojson.feature(topo, topo.objects.countries).features;
    projection.fitExtent([[4, 4], [W - 4, H - 4]], { type: "Sphere" });
    sphere.datum({ type: "Sphere" }).attr("d", path);
    graticule.datum(d3.geoGraticule10()).attr("d", path);
    countryLayer.selectAll("path").data(features).join("path")
      .attr("class", "country").attr("d", path).attr("data-name", (f) => f.properties.name)
      .on("click", (event, f) => countryEvents(f))
      .append("title");
    K.showChart("map", svg.node());
  }

  // A country's row: by its ISO numeric code, else (Kosovo, N. Cyprus, Somaliland have none) by name.
  function rowOf(feature) {
    return countryRows.find((r) => (feature.id !== undefined && r.numeric === feature.id) || (feature.id === undefined && r.name === feature.properties.name));
  }

  // Countries with events but no outline at 1:110m (Bahrain, Singapore, ...): named in the status.
  function unmatched() {
    const drawn = new Set(countryLayer.selectAll("path.country").data().map((f) => rowOf(f)).filter(Boolean));
    return countryRows.filter((r) => !drawn.has(r));
  }

  function shade() {
    const most = d3.max(countryRows, (r) => r.events) || 1;
    const colour = d3.scaleSequentialSqrt([0, most], (t) => d3.interpolateBlues(0.12 + 0.8 * t));
    countryLayer.selectAll("path.country")
      .attr("fill", (f) => { const r = rowOf(f); return r ? colour(r.events) : "#e2e6ea"; })
      .attr("data-events", (f) => (rowOf(f) || { events: 0 }).events)
      .select("title").text((f) => { const r = rowOf(f); return `${f.properties.name}: ${r ? r.events : 0} events`; });
  }

  function drawPlaces() {
    const most = d3.max(places, (p) => p.events) || 1;
    placeLayer.selectAll("circle").data(places, (p) => p.key).join("circle")
      .attr("class", (p) => `place q${p.quad}`).attr("data-name", (p) => p.name)
      .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1])
      .attr("fill", (p) => K.QUAD_COLOURS[p.quad] || "#888")
      .property("radius", (p) => 2.5 + 16 * Math.sqrt(p.events / most))
      .on("click", (event, p) => placeEvents(p))
      .selectAll("title").data((p) => [p]).join("title")
      .text((p) => `${p.name} (${p.country || "?"}): ${p.events} events; ` + K.QUADS.map((q) => `${q.name} ${p.quads[q.q] || 0}`).join(", "));
    resize();
  }

  function resize() {  // circles keep their size on screen whatever the zoom
    placeLayer.selectAll("circle").attr("r", function () { return this.radius / Math.sqrt(scale); })
      .attr("stroke-width", 0.8 / scale);
    countryLayer.selectAll("path").attr("stroke-width", 0.5 / scale);
  }

  function fit() {
    if (!places.length) { svg.call(zoom.transform, d3.zoomIdentity); return; }
    const xy = places.map((p) => projection([p.lon, p.lat]));
    const [x0, x1] = d3.extent(xy, (d) => d[0]), [y0, y1] = d3.extent(xy, (d) => d[1]);
    const k = Math.max(1, Math.min(6, 0.8 / Math.max((x1 - x0 + 40) / W, (y1 - y0 + 40) / H)));
    svg.call(zoom.transform, d3.zoomIdentity.translate(W / 2, H / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2));
  }

  // The events of a place (same name, same spot) or country, under the form's filters.
  function eventParams() {
    const params = K.formParams(form);
    params.delete("by");
    params.set("limit", "200");
    return params;
  }
  async function listEvents(params, keep, title) {
    try {
      const body = await K.api("/api/events", params);
      const events = body.data.filter(keep);
      K.showEvents("place-events", events, "map-title", `${title}: ${events.length} events${body.meta.total > 200 ? " (first 200)" : ""}`);
    } catch (e) { K.status(e.message, true); }
  }
  function placeEvents(p) {
    const params = eventParams();
    params.set("place", p.name);
    listEvents(params, (ev) => ev.location && ev.location.name === p.name && ev.location.lat === p.lat && ev.location.lon === p.lon, p.name);
  }
  function countryEvents(feature) {
    const row = rowOf(feature);
    if (!row) { K.status(`${feature.properties.name}: no events under these filters.`); return; }
    const params = eventParams(), byActor = form.elements.namedItem("by").value === "actor";
    params.set(byActor ? "country" : "place", row.country);
    const keep = byActor ? () => true : (ev) => ev.location && ev.location.country === row.country;
    listEvents(params, keep, byActor ? `${row.name} (its actors)` : `${row.name} (events there)`);
  }

  function placesFrom(rows) {  // /api/map gives a row per place and QuadClass: one circle per place
    const byKey = new Map();
    for (const r of rows) {
      const key = `${r.name}|${r.lat}|${r.lon}`;
      const p = byKey.get(key) || { key, name: r.name, country: r.country, lat: r.lat, lon: r.lon, events: 0, quads: {} };
      p.events += r.events; p.quads[r.quad_class] = (p.quads[r.quad_class] || 0) + r.events;
      byKey.set(key, p);
    }
    for (const p of byKey.values()) p.quad = Number(Object.entries(p.quads).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0]);
    return [...byKey.values()].sort((a, b) => b.events - a.events || d3.ascending(a.key, b.key));
  }

  function bars(id, rows, href, label) {
    const top = rows.slice(0, 12);
    if (!top.length) { K.emptyChart(id, "No events."); return; }
    const box = document.querySelector(`#${id} .chart`);
    K.showChart(id, K.plot({
      width: K.widthOf(box, 520), height: 30 + 22 * top.length, marginLeft: 150, marginRight: 40,
      x: { grid: true, label: "events", axis: "top" }, y: { domain: top.map(label), label: null, tickFormat: (t) => K.short(t, 24) },
      marks: [Plot.barX(top, { y: label, x: "events", fill: "#2f6fa8", href }),
        Plot.text(top, { y: label, x: "events", text: (r) => String(r.events), dx: 4, textAnchor: "start" }), Plot.ruleX([0])],
    }));
  }

  async function load() {
    const params = K.formParams(form);
    history.replaceState(null, "", "?" + params.toString());
    K.status("Loading…");
    try {
      const query = new URLSearchParams(params); query.delete("by");
      const [placed, shaded] = await Promise.all([K.api("/api/map", query), K.api("/api/map/countries", params)]);
      places = placesFrom(placed.data);
      countryRows = shaded.data;
      shade(); drawPlaces(); fit();
      const events = places.reduce((n, p) => n + p.events, 0);
      const missing = unmatched().map((r) => r.name);
      K.status(`${events} placed ${shaded.meta.level} events at ${places.length} places; ${countryRows.length} countries shaded by `
        + `${shaded.meta.by === "actor" ? "their actors' events" : "the events there"}`
        + (missing.length ? ` (too small to outline at this scale: ${missing.join(", ")}; see the table).` : "."));
      const link = (extra) => "/events?" + new URLSearchParams({ ...Object.fromEntries(query), ...extra }).toString();
      const byActor = shaded.meta.by === "actor";
      bars("countries", countryRows, (r) => link(byActor ? { country: r.country } : { place: r.country }), (r) => `${r.name} [${r.country}]`);
      bars("places", places, (p) => link({ place: p.name }), (p) => `${p.name} (${p.country || "?"})`);
      K.dataBlock("map", places, [{ key: "name", label: "place" }, { key: "country", label: "country" }, { key: "lat", label: "lat" },
        { key: "lon", label: "lon" }, { key: "events", label: "events" }, ...K.QUADS.map((q) => ({ label: q.name, value: (p) => p.quads[q.q] || 0 }))],
      "places.csv");
      K.dataBlock("countries", countryRows, ["country", "name", "numeric", "events", "verbal_cooperation", "material_cooperation",
        "verbal_conflict", "material_conflict"].map((key) => ({ key, label: key })), `countries-by-${shaded.meta.by}.csv`);
      K.dataBlock("places", places, [{ key: "name", label: "place" }, { key: "country", label: "country" }, { key: "events", label: "events" }],
        "places-top.csv");
    } catch (e) { K.status(e.message, true); }
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  document.getElementById("zoom-world").addEventListener("click", () => svg.call(zoom.transform, d3.zoomIdentity));
  document.getElementById("zoom-fit").addEventListener("click", fit);
  outlines().catch((e) => K.status(e.message, true)).then(load).finally(K.ready);
})();
