"use strict";
(() => {
  const form = document.getElementById("code-form");
  const list = document.getElementById("coded");
  K.ready();  // nothing to load until a text is sent
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = form.elements.namedItem("text").value;
    const published = form.elements.namedItem("published").value || null;
    const token = form.elements.namedItem("token");
    const headers = { "Content-Type": "application/json" };
    if (token && token.value) headers.Authorization = "Bearer " + token.value;
    K.status("Coding… (the first text loads the model)");
    document.getElementById("code-button").disabled = true;
    try {
      const body = await K.api("/api/code", null, { method: "POST", headers, body: JSON.stringify({ text, published }) });
      list.replaceChildren(...body.data.map((ev) => {
        const s = ev.evidence;
        return K.el("li", { class: "coded-event" },
          K.el("div", { class: "dyad" }, K.actorLabel(ev.source), " → ", K.actorLabel(ev.target)),
          K.el("div", {}, K.el("span", { class: `quad q${ev.quad_class}` }, ev.cameo), ` ${ev.cameo_name} · ${ev.plover || ""} · ${ev.modality}`,
            ev.date ? ` · ${ev.date.value}` : "", ev.location ? ` · ${ev.location.name}` : "", ` · confidence ${ev.confidence}`),
          K.el("blockquote", {}, K.highlighted(text, s.start, s.end, ev.highlights)));
      }));
      K.status(`${body.data.length} events in ${body.meta.chars} characters.`);
    } catch (err) {
      list.replaceChildren();
      K.status(err.message, true);
    } finally {
      document.getElementById("code-button").disabled = false;
    }
  });
})();
