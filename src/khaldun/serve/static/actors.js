"use strict";
(() => {
  const form = document.getElementById("actor-search");
  const tbody = document.querySelector("#actors tbody");
  K.fillForm(form, new URLSearchParams(window.location.search));
  async function load() {
    const params = K.formParams(form);
    params.set("limit", "50");
    try {
      const body = await K.api("/api/actors", params);
      tbody.replaceChildren(...body.data.map((a) => {
        const row = K.el("tr", {}, K.el("td", {}, a.name || ""), K.el("td", {}, K.el("code", {}, a.id)),
          K.el("td", {}, a.codes.join(", ")), K.el("td", { class: "num" }, a.events));
        row.addEventListener("click", () => { window.location.href = "/actors/" + encodeURIComponent(a.id); });
        return row;
      }));
    } catch (e) { K.status(e.message, true); }
    K.ready();
  }
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });
  load();
})();
