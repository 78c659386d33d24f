// whodid dashboard: vanilla JS over the whodid HTTP API (docs/api.md). No framework, no network beyond the API.
// Data from the store is always inserted as text (textContent), never as HTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 50;
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = [["q1", "verbal cooperation"], ["q2", "material cooperation"], ["q3", "verbal conflict"],
  ["q4", "material conflict"], ["q0", "no class"], ["hist", "historical"]];
const WORLD_VIEW = [-180, -85, 360, 145]; // x = longitude, y = -latitude: 85N to 60S
const MAX_MONTHS = 180; // a longer span is drawn by year
const state = { offset: 0, total: 0, world: false };

const $ = (id) => document.getElementById(id);
const fmt = (n) => Number(n).toLocaleString("en-US");

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
  return (e.date || "–") + (e.date_mod ? ` ${e.date_mod}` : "") + (e.date && e.date_source !== "text" ? " (pub.)" : "");
}

function quadOf(e) {
  return e.historical ? "hist" : `q${e.quad_class || 0}`;
}

// ---- timeline: stacked bars by quad class; historical events in their own strip below ----
function nextPeriod(period, by) {
  if (by === "year") return String(Number(period) + 1).padStart(4, "0");
  let [y, m] = period.split("-").map(Number);
  m += 1;
  if (m > 12) { m = 1; y += 1; }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

// The periods the axis covers: those of the current (not historical) events, so that a war recalled from decades
// ago does not squeeze this year's events into one bar; only historical events: theirs.
function span(series) {
  const current = series.filter((s) => s.total > s.historical);
  const used = current.length ? current : series;
  return used.length ? [used[0].period, used[used.length - 1].period] : null;
}

// Every period of the span, empty ones included, so the axis is time; historical events outside it are counted.
function continuous(series, by) {
  const range = span(series);
  if (!range) return { periods: [], outside: 0 };
  const have = new Map(series.map((s) => [s.period, s]));
  const periods = [];
  for (let p = range[0]; p <= range[1]; p = nextPeriod(p, by)) {
    periods.push(have.get(p) || { period: p, q1: 0, q2: 0, q3: 0, q4: 0, q0: 0, historical: 0, total: 0 });
  }
  const outside = series.filter((s) => s.period < range[0] || s.period > range[1]).reduce((t, s) => t + s.total, 0);
  return { periods, outside };
}

function niceMax(n) {
  const step = 10 ** Math.floor(Math.log10(Math.max(n, 1)));
  for (const k of [1, 2, 2.5, 5, 10]) if (k * step >= n) return k * step;
  return 10 * step;
}

function drawTimeline(data) {
  const svg = $("timeline");
  svg.replaceChildren();
  const { periods: series, outside } = continuous(data.series, data.by);
  if (!series.length) {
    svg.append(el("svg:text", { x: 400, y: 110, class: "empty" }, "no dated events"));
    $("legend").replaceChildren();
    return;
  }
  const W = 800, left = 42, right = 6, top = 8, mainH = 150, histTop = 192, histH = 40;
  const bw = Math.min((W - left - right) / series.length, 36); // a few periods: narrow bars, centred
  const x0 = left + (W - left - right - bw * series.length) / 2;
  const maxMain = niceMax(Math.max(1, ...series.map((s) => s.q1 + s.q2 + s.q3 + s.q4 + s.q0)));
  const maxHist = Math.max(1, ...series.map((s) => s.historical));
  for (const f of [0, 0.5, 1]) {
    const y = top + mainH - f * mainH;
    svg.append(el("svg:line", { x1: left, x2: W - right, y1: y, y2: y, class: f ? "gridline" : "axisline" }));
    if (Number.isInteger(f * maxMain)) svg.append(el("svg:text", { x: left - 5, y: y + 3, class: "axis num" }, fmt(f * maxMain)));
  }
  svg.append(el("svg:text", { x: left - 5, y: histTop + histH / 2 + 3, class: "axis num" }, "hist."));
  svg.append(el("svg:line", { x1: left, x2: W - right, y1: histTop + histH, y2: histTop + histH, class: "axisline" }));
  const every = Math.max(1, Math.ceil(series.length / 10));
  series.forEach((s, i) => {
    const x = x0 + i * bw;
    const g = el("svg:g", { class: "bar", "data-period": s.period });
    g.append(el("svg:rect", { x, y: top, width: bw, height: histTop + histH - top, class: "hover" }));
    let y = top + mainH;
    for (const q of ["q1", "q2", "q3", "q4", "q0"]) {
      if (!s[q]) continue;
      const h = (s[q] / maxMain) * mainH;
      y -= h;
      g.append(el("svg:rect", { x: x + bw * 0.08, y, width: Math.max(bw * 0.84, 0.8), height: h, class: q }));
    }
    if (s.historical) {
      const h = Math.max((s.historical / maxHist) * histH, 1.5);
      g.append(el("svg:rect", { x: x + bw * 0.08, y: histTop + histH - h, width: Math.max(bw * 0.84, 0.8), height: h, class: "hist" }));
    }
    const parts = QUADS.filter(([q]) => q !== "hist" && s[q]).map(([q, label]) => `${fmt(s[q])} ${label}`);
    if (s.historical) parts.push(`${fmt(s.historical)} historical`);
    g.append(el("svg:title", {}, `${s.period}: ${fmt(s.total)} events${parts.length ? "\n" + parts.join("\n") : ""}`));
    if (s.total) g.addEventListener("click", () => { $("f-since").value = s.period; $("f-until").value = s.period; apply(); });
    svg.append(g);
    if (i % every === 0) {
      svg.append(el("svg:line", { x1: x, x2: x, y1: top + mainH, y2: top + mainH + 4, class: "axisline" }));
      const end = x > W - right - 45; // the last labels end at the tick, so they are not cut off
      svg.append(el("svg:text", { x: end ? x + bw : x + 1, y: top + mainH + 16, class: "axis", "text-anchor": end ? "end" : "start" }, s.period));
    }
  });
  const legend = $("legend");
  legend.replaceChildren();
  for (const [cls, label] of QUADS) {
    const item = el("span");
    item.append(el("i", { class: `sw ${cls}` }), label);
    legend.append(item);
  }
  const unit = data.by === "year" ? "a year" : "a month";
  const hidden = [];
  if (outside) hidden.push(`${fmt(outside)} historical outside these dates`);
  if (data.coarser) hidden.push(`${fmt(data.coarser)} dated coarser than ${unit}`);
  if (data.undated) hidden.push(`${fmt(data.undated)} undated`);
  if (hidden.length) legend.append(el("span", { class: "note" }, `not drawn: ${hidden.join(", ")}`));
}

// ---- map: Natural Earth country outlines (bundled), countries shaded by events, places as circles ----
let world = null; // the outlines: fetched once, in parallel with the first data requests

function fitView(places) {
  if (state.world || !places.length) return WORLD_VIEW;
  let [w, e, s, n] = [180, -180, 90, -90];
  for (const p of places) { w = Math.min(w, p.lon); e = Math.max(e, p.lon); s = Math.min(s, p.lat); n = Math.max(n, p.lat); }
  let width = Math.max(e - w + 16, 40), height = Math.max(n - s + 10, 16);
  const aspect = WORLD_VIEW[2] / WORLD_VIEW[3];
  if (width / height > aspect) height = width / aspect; else width = height * aspect;
  if (width >= WORLD_VIEW[2]) return WORLD_VIEW;
  const cx = (w + e) / 2, cy = -(s + n) / 2;
  const x = Math.min(Math.max(cx - width / 2, -180), 180 - width);
  const y = Math.min(Math.max(cy - height / 2, WORLD_VIEW[1]), WORLD_VIEW[1] + WORLD_VIEW[3] - height);
  return [x, y, width, height];
}

async function drawMap(places) {
  const svg = $("map");
  const countries = await world;
  svg.replaceChildren();
  const view = fitView(places);
  svg.setAttribute("viewBox", view.join(" "));
  const unit = view[2] / 360; // map units per degree at this zoom, relative to the whole world
  svg.append(el("svg:rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  const grid = el("svg:g", { class: "grat" });
  for (let lon = -180; lon <= 180; lon += 30) grid.append(el("svg:line", { x1: lon, x2: lon, y1: -90, y2: 90 }));
  for (let lat = -60; lat <= 90; lat += 30) grid.append(el("svg:line", { x1: -180, x2: 180, y1: -lat, y2: -lat }));
  svg.append(grid);
  const perCountry = {};
  for (const p of places) if (p.country) perCountry[p.country] = (perCountry[p.country] || 0) + p.events;
  const maxCountry = Math.max(1, ...Object.values(perCountry));
  const land = el("svg:g", { transform: "scale(0.1)", class: "land" });
  for (const c of countries) {
    const path = el("svg:path", { d: c.d, "data-iso3": c.iso3 });
    const n = perCountry[c.iso3];
    if (n) {
      path.classList.add("hit");
      path.style.fillOpacity = (0.25 + 0.6 * Math.sqrt(n / maxCountry)).toFixed(2);
    }
    path.append(el("svg:title", {}, `${c.name}${n ? `: ${fmt(n)} events` : ""}`));
    land.append(path);
  }
  svg.append(land);
  const maxN = Math.max(1, ...places.map((p) => p.events));
  const label = places.length <= 12 && view !== WORLD_VIEW;
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const r = unit * (1.3 + 5 * Math.sqrt(p.events / maxN));
    const c = el("svg:circle", { cx: p.lon, cy: -p.lat, r, class: "spot" });
    c.append(el("svg:title", {}, `${p.name} (${p.country || "?"}): ${fmt(p.events)} events`));
    svg.append(c);
    if (label) svg.append(el("svg:text", { x: p.lon + r + unit, y: -p.lat + 1.2 * unit, class: "place-label", "font-size": 4.2 * unit }, p.name));
  }
  $("map-note").textContent = places.length
    ? `${fmt(places.length)} places, ${fmt(places.reduce((t, p) => t + p.events, 0))} located events`
    : "no located events";
  $("map-world").textContent = state.world ? "fit to events" : "whole world";
}

// ---- events table ----
function drawTable(data) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const e of data.events) {
    const tr = el("tr", { "data-id": e.id, class: `quad-${quadOf(e)}` });
    if (e.historical) tr.classList.add("historical");
    const type = el("td");
    type.append(el("i", { class: `sw ${quadOf(e)}` }), e.event_type + (e.cameo ? ` ${e.cameo}` : ""));
    tr.append(el("td", { class: "nowrap" }, when(e)), type, el("td", {}, names(e.actors)), el("td", { class: "arrow" }, "→"),
      el("td", {}, names(e.recipients)), el("td", { class: `status ${e.status}` }, e.status),
      el("td", {}, e.location ? e.location.name || e.location.text : "–"), el("td", { class: "trigger" }, e.trigger.text));
    tr.tabIndex = 0; // reachable by keyboard: Enter opens it as a click does
    tr.addEventListener("click", () => openEvent(e.id, tr));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.id, tr); });
    body.append(tr);
  }
  if (!data.events.length) {
    const tr = el("tr", { class: "empty" });
    tr.append(el("td", { colspan: 8, class: "hint" }, "no events match these filters"));
    body.append(tr);
  }
  state.total = data.total;
  const last = Math.min(state.offset + PAGE, data.total);
  $("page-info").textContent = data.total ? `${fmt(state.offset + 1)}–${fmt(last)} of ${fmt(data.total)}` : "none";
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
  const head = el("div", { class: "event-head" });
  head.append(el("span", { class: `chip ${quadOf(e)}` }, e.event_type), ` ${names(e.actors)} → ${names(e.recipients)}`);
  view.replaceChildren(head, highlighted(h || { sentence: e.text, spans: [] }));
  const dl = el("dl");
  const rows = [["type", `${e.event_type}${e.mode ? ` (${e.mode})` : ""} · CAMEO ${e.cameo || "–"} · quad class ${e.quad_class ?? "–"}`],
    ["date", `${when(e)}${e.date_text ? ` from “${e.date_text}”` : ""}${e.historical ? " · historical" : ""}`],
    ["status", e.status], ["place", e.location ? `${e.location.name || e.location.text} (${e.location.country || "?"})${e.location.confidence != null ? ` · confidence ${e.location.confidence}` : ""}` : "–"],
    ["said by", e.attribution ? e.attribution.name || e.attribution.text : "–"], ["confidence", e.confidence]];
  if (story) rows.push(["story", `${story.title || story.id}${story.published ? ` · ${story.published}` : ""}${story.source ? ` · ${story.source}` : ""}`]);
  for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v));
  view.append(dl);
  if (mentions) {
    view.append(el("h3", {}, mentions.length ? `Other mentions of this event (${mentions.length})` : "No other mention of this event"));
    const list = el("ul", { id: "mentions" });
    for (const m of mentions) {
      const li = el("li", { "data-id": m.id });
      li.append(el("span", { class: "src" }, `${m.story_id} · sentence ${m.sentence_id}`), el("br"), m.text);
      li.addEventListener("click", () => openEvent(m.id, null));
      list.append(li);
    }
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
let lastPlaces = [];

async function loadEvents() {
  const p = filterParams();
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  drawTable(await api(`/events?${p}`));
}

async function loadTimeline(p) {
  const monthly = await api(`/timeline?${p}`);
  const range = span(monthly.series);
  if (!range) return monthly;
  const [y0, m0] = range[0].split("-").map(Number), [y1, m1] = range[1].split("-").map(Number);
  if ((y1 - y0) * 12 + (m1 - m0) <= MAX_MONTHS) return monthly;
  p.set("by", "year");
  return api(`/timeline?${p}`);
}

async function refresh() {
  const p = filterParams();
  $("summary").textContent = "loading…";
  try {
    const [timeline, places] = await Promise.all([loadTimeline(new URLSearchParams(p)), api(`/places?${p}`), loadEvents()]);
    drawTimeline(timeline);
    lastPlaces = places.places;
    await drawMap(lastPlaces);
    $("summary").textContent = `${fmt(timeline.total)} events`;
  } catch (err) {
    $("summary").textContent = err.message;
  }
}

function apply() {
  state.offset = 0;
  refresh();
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
    $("code-status").textContent = d.events.length === 1 ? "1 event" : `${d.events.length} events`;
    for (const e of d.events) {
      const li = el("li", { "data-id": e.id });
      li.append(el("span", { class: `chip ${quadOf(e)}` }, e.event_type),
        ` ${names(e.actors)} → ${names(e.recipients)} · ${when(e)} · ${e.status} · “${e.trigger.text}”`);
      li.addEventListener("click", () => {
        list.querySelectorAll("li.selected").forEach((x) => x.classList.remove("selected"));
        li.classList.add("selected");
        showEvent(e, d.highlights[e.id], null, null);
      });
      list.append(li);
    }
  } catch (err) {
    $("code-status").textContent = err.message;
  }
}

function init() {
  const select = $("f-type");
  for (const t of TYPES) select.append(el("option", {}, t));
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  $("reset").addEventListener("click", () => { $("filters").reset(); apply(); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents(); });
  $("map-world").addEventListener("click", () => { state.world = !state.world; drawMap(lastPlaces); });
  $("code").addEventListener("click", codeStory);
  world = api("/static/world.json").then((d) => d.countries).catch(() => []);
  for (const id of ["f-a", "f-b"]) {
    $(id).addEventListener("input", async (ev) => {
      const q = ev.target.value.trim();
      if (q.length < 2) return;
      const d = await api(`/actors?q=${encodeURIComponent(q)}&limit=15`).catch(() => ({ actors: [] }));
      const list = $("actor-list");
      list.replaceChildren(...d.actors.map((a) => el("option", { value: a.country || a.code || a.name }, `${a.name || a.code || ""} · ${fmt(a.events)} events`)));
    });
  }
  refresh();
}

document.addEventListener("DOMContentLoaded", init);
