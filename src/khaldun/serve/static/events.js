"use strict";
(() => {
  const form = document.getElementById("filters");
  const table = document.getElementById("events");
  const state = { offset: 0, sort: "", total: 0, limit: 50 };
  const initial = new URLSearchParams(window.location.search);
  K.fillForm(form, initial);
  state.offset = Number(initial.get("offset") || 0);
  state.sort = initial.get("sort") || "";

  async function load() {
    const params = K.formParams(form);
    state.limit = Number(params.get("limit") || 50);
    if (state.offset) params.set("offset", state.offset);
    if (state.sort) params.set("sort", state.sort);
    history.replaceState(null, "", "?" + params.toString());
    const clustered = params.get("level") === "clustered";
    document.querySelectorAll(".clustered-only").forEach((n) => { n.hidden = !clustered; });
    K.status("Loading…");
    try {
      const body = await K.api("/api/events", params);
      state.total = body.meta.total;
      table.tBodies[0].replaceChildren(...body.data.map((ev) => K.eventRow(ev, clustered)));
      const first = body.data.length ? state.offset + 1 : 0;
      document.getElementById("range").textContent = `${first}–${state.offset + body.data.length} of ${state.total}`;
      document.getElementById("prev").disabled = state.offset === 0;
      document.getElementById("next").disabled = state.offset + state.limit >= state.total;
      K.status(`${state.total} ${params.get("level") || "raw"} events`);
    } catch (e) {
      table.tBodies[0].replaceChildren();
      K.status(e.message, true);
    }
    K.ready();
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); state.offset = 0; load(); });
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; load(); });
  table.querySelectorAll("th[data-sort]").forEach((th) => {
    th.classList.add("sortable");
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === key ? "-" + key : key;
      state.offset = 0;
      load();
    });
  });
  load();
})();
