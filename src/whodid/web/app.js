// whodid dashboard: vanilla JS over the whodid HTTP API (docs/api.md). No framework, no network beyond the API.
// Data from the store is always inserted as text (textContent), never as HTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 50;
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = [["q1", "verbal coop."], ["q2", "material coop."], ["q3", "verbal conflict"],
  ["q4", "material conflict"], ["q0", "no class"], ["hist", "historical"]];
const state = { offset: 0, total: 0, selected: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
  return body;
}

// The filters form as query parameters of /events, /timeline and /places.
function filterParams() {
  const p = new URLSearchParams();
  const a = $("f-a").value.trim(), b = $("f-b").value.trim();
  if (a && b) p.set("dyad", `${a},${b}`);
  else if (a || b) p.set("actor", a || b);
  for (const [id, name] of [["f-type", "event_type"], ["f-status", "status"], ["f-since", "since"], ["f-until", "until"]]) {
    const v = $(id).value.trim();
    if (v) p.set(name, v);
  }
  return p;
}

function names(actors) {
  return (actors || []).map((a) => a.code || a.name || a.text).join(", ") || "–";
}

function when(e) {
  return (e.date || "–") + (e.date_mod ? ` ${e.date_mod}` : "") + (e.date_source === "text" ? "" : " (pub.)");
}

// ---- timeline: stacked bars by quad class; historical events in their own strip below ----
function drawTimeline(data) {
  const svg = $("timeline");
  svg.replaceChildren();
  const series = data.series;
  if (!series.length) { svg.append(el("svg:text", { x: 10, y: 20, class: "axis" }, "no dated events")); return; }
  const W = 800, top = 10, mainH = 140, histTop = 175, histH = 35, left = 30;
  const bw = (W - left - 5) / series.length;
  const maxMain = Math.max(1, ...series.map((s) => s.q1 + s.q2 + s.q3 + s.q4 + s.q0));
  const maxHist = Math.max(1, ...series.map((s) => s.historical));
  svg.append(el("svg:line", { x1: left, x2: W, y1: top + mainH, y2: top + mainH, class: "axisline" }));
  svg.append(el("svg:text", { x: 0, y: top + 8, class: "axis" }, maxMain));
  svg.append(el("svg:text", { x: 0, y: histTop + 8, class: "axis" }, "hist."));
  series.forEach((s, i) => {
    const x = left + i * bw;
    let y = top + mainH;
    for (const q of ["q1", "q2", "q3", "q4", "q0"]) {
      if (!s[q]) continue;
      const h = (s[q] / maxMain) * mainH;
      y -= h;
      const r = el("svg:rect", { x: x + 0.5, y, width: Math.max(bw - 1, 0.5), height: h, class: q });
      r.append(el("svg:title", {}, `${s.period}: ${s[q]} ${q}`));
      svg.append(r);
    }
    if (s.historical) {
      const h = (s.historical / maxHist) * histH;
      const r = el("svg:rect", { x: x + 0.5, y: histTop + histH - h, width: Math.max(bw - 1, 0.5), height: h, class: "hist" });
      r.append(el("svg:title", {}, `${s.period}: ${s.historical} historical`));
      svg.append(r);
    }
    const every = Math.ceil(series.length / 12);
    if (i % every === 0) svg.append(el("svg:text", { x, y: top + mainH + 14, class: "axis" }, s.period));
  });
  const legend = $("legend");
  legend.replaceChildren();
  for (const [cls, label] of QUADS) {
    const item = el("span");
    const swatch = el("i");
    swatch.style.background = `var(--${cls})`;
    item.append(swatch, label);
    legend.append(item);
  }
  if (data.coarser || data.undated) legend.append(el("span", {}, `not shown: ${data.coarser} dated coarser than a month, ${data.undated} undated`));
}

// ---- map: equirectangular, graticule + land dots (towns of 15,000+) + event places ----
let basemap = null;
async function drawMap(places) {
  const svg = $("map");
  svg.replaceChildren();
  const grid = el("svg:g", { class: "grat" });
  for (let lon = -180; lon <= 180; lon += 30) grid.append(el("svg:line", { x1: lon, x2: lon, y1: -90, y2: 90 }));
  for (let lat = -60; lat <= 60; lat += 30) grid.append(el("svg:line", { x1: -180, x2: 180, y1: -lat, y2: -lat }));
  svg.append(grid);
  if (basemap === null) basemap = (await api("/basemap").catch(() => ({ cells: [] }))).cells;
  const land = el("svg:path", { class: "land", d: basemap.map(([x, y]) => `M${x - 0.5},${-y - 0.5}h1v1h-1z`).join("") });
  svg.append(land);
  const maxN = Math.max(1, ...places.map((p) => p.events));
  for (const p of places) {
    const c = el("svg:circle", { cx: p.lon, cy: -p.lat, r: 1 + 4 * Math.sqrt(p.events / maxN), class: "spot" });
    c.append(el("svg:title", {}, `${p.name} (${p.country || "?"}): ${p.events} events`));
    svg.append(c);
  }
}

// ---- events table ----
function drawTable(data) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const e of data.events) {
    const tr = el("tr", { "data-id": e.id });
    if (e.historical) tr.classList.add("historical");
    for (const v of [when(e), e.event_type + (e.cameo ? ` ${e.cameo}` : ""), names(e.actors), names(e.recipients),
      e.status, e.location ? e.location.name || e.location.text : "–", e.trigger.text]) tr.append(el("td", {}, v));
    tr.addEventListener("click", () => openEvent(e.id, tr));
    body.append(tr);
  }
  state.total = data.total;
  const last = Math.min(state.offset + PAGE, data.total);
  $("page-info").textContent = data.total ? `${state.offset + 1}–${last} of ${data.total}` : "none";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= data.total;
}

// ---- one event: its sentence with trigger, actors, date and place highlighted ----
function highlighted(h) {
  const p = el("p", { class: "sentence" });
  let at = 0;
  for (const s of h.spans) {
    if (s.start > at) p.append(h.sentence.slice(at, s.start));
    p.append(el("mark", { class: s.kind, title: s.kind }, h.sentence.slice(s.start, s.end)));
    at = s.end;
  }
  p.append(h.sentence.slice(at));
  return p;
}

function showEvent(e, h, story, mentions) {
  const view = $("event-view");
  view.replaceChildren(highlighted(h));
  const dl = el("dl");
  const rows = [["type", `${e.event_type}${e.mode ? ` (${e.mode})` : ""} · CAMEO ${e.cameo || "–"} · quad ${e.quad_class ?? "–"}`],
    ["actors", names(e.actors)], ["recipients", names(e.recipients)],
    ["date", `${when(e)}${e.date_text ? ` from “${e.date_text}”` : ""}${e.historical ? " · historical" : ""}`],
    ["status", e.status], ["place", e.location ? `${e.location.name || e.location.text} (${e.location.country || "?"})` : "–"],
    ["said by", e.attribution ? e.attribution.name || e.attribution.text : "–"], ["confidence", e.confidence]];
  if (story) rows.push(["story", `${story.title || story.id}${story.published ? ` · ${story.published}` : ""}`]);
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v));
  view.append(dl);
  if (mentions) {
    view.append(el("h3", {}, `Other mentions (${mentions.length})`));
    const list = el("ul", { id: "mentions" });
    for (const m of mentions) list.append(el("li", {}, `${m.story_id} #${m.sentence_id}: ${m.text}`));
    view.append(list);
  }
}

async function openEvent(id, row) {
  document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
  if (row) row.classList.add("selected");
  try {
    const d = await api(`/events/${encodeURIComponent(id)}`);
    showEvent(d.event, d.highlights, d.story, d.mentions);
  } catch (err) {
    $("event-view").replaceChildren(el("p", { class: "error" }, err.message));
  }
}

// ---- loading ----
async function loadEvents() {
  const p = filterParams();
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  drawTable(await api(`/events?${p}`));
}

async function refresh() {
  const p = filterParams();
  $("summary").textContent = "loading…";
  try {
    const [timeline, places] = await Promise.all([api(`/timeline?${p}`), api(`/places?${p}`), loadEvents()]);
    drawTimeline(timeline);
    await drawMap(places.places);
    $("summary").textContent = `${timeline.total} events`;
  } catch (err) {
    $("summary").textContent = err.message;
  }
}

async function codeStory() {
  const text = $("story").value;
  const published = $("published").value.trim() || null;
  $("code-status").textContent = "coding…";
  const list = $("coded");
  list.replaceChildren();
  try {
    const d = await api("/code", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, published }) });
    $("code-status").textContent = `${d.events.length} events`;
    for (const e of d.events) {
      const li = el("li", { "data-id": e.id }, `${e.event_type} ${names(e.actors)} → ${names(e.recipients)}, ${when(e)}, ${e.status}: “${e.trigger.text}”`);
      li.addEventListener("click", () => showEvent(e, d.highlights[e.id], null, null));
      list.append(li);
    }
  } catch (err) {
    $("code-status").textContent = err.message;
  }
}

function init() {
  const select = $("f-type");
  for (const t of TYPES) select.append(el("option", {}, t));
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.offset = 0; refresh(); });
  $("reset").addEventListener("click", () => { $("filters").reset(); state.offset = 0; refresh(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  $("code").addEventListener("click", codeStory);
  for (const id of ["f-a", "f-b"]) {
    $(id).addEventListener("input", async (ev) => {
      const q = ev.target.value.trim();
      if (q.length < 2) return;
      const d = await api(`/actors?q=${encodeURIComponent(q)}&limit=15`).catch(() => ({ actors: [] }));
      const list = $("actor-list");
      list.replaceChildren(...d.actors.map((a) => el("option", { value: a.code || a.country || a.name }, `${a.name || ""} ${a.events}`)));
    });
  }
  refresh();
}

document.addEventListener("DOMContentLoaded", init);
