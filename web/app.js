// The playground page: an editor, and as the user types, trustlint's own
// check (the library compiled to WebAssembly) shown under it. Everything a
// finding says comes from the library; this file only lays it out. No
// request leaves the page after it has loaded.
import init, { check, explain, report, template } from "./trustlint_web.js";

// The page's own words (headings and buttons); every finding's text comes
// from the library in the chosen language.
const WORDS = {
  da: {
    title: "trustlint – legeplads",
    intro: "Skriv et forslag til et kontrol- eller dokumentationskrav. trustlint vurderer det efter Kodeks for tillid, mens du skriver, og regner ud, hvor meget tid kravet tager.",
    language: "Sprog",
    reset: "Start forfra med skabelonen",
    report: "Hent rapporten til udvalget (HTML)",
    reportFile: "rapport.html",
    editor: "Forslaget",
    loading: "Indlæser trustlint …",
    failed: "trustlint kunne ikke indlæses: ",
    burden: "Tidsforbrug",
    burdenTable: "Pr. krav og pr. gruppe",
    burdenNone: "Ingen byrde at regne på endnu.",
    findings: "Fund",
    levels: { error: "fejl", warning: "advarsel", note: "bemærkning" },
    at: (line, column) => `linje ${line}, kolonne ${column}`,
    help: "Hjælp: ",
    explain: "Forklar",
    hideExplanation: "Skjul forklaringen",
    fix: "Ret det",
    fixUnsafe: "Ret det (tjek resultatet)",
    hours: (n) => (n === 1 ? "time om året" : "timer om året"),
    fte: "årsværk",
    dkk: "kr. om året",
    frontline: (share) => `${share} % af tiden tages fra arbejdet med borgerne`,
    footer: "trustlint kører helt i din browser: teksten sendes ingen steder hen.",
  },
  en: {
    title: "trustlint playground",
    intro: "Write a proposed control or documentation requirement. trustlint judges it against the Kodeks for tillid as you type, and works out how much time it takes.",
    language: "Language",
    reset: "Start again from the template",
    report: "Download the committee report (HTML)",
    reportFile: "report.html",
    editor: "The proposal",
    loading: "Loading trustlint …",
    failed: "trustlint could not be loaded: ",
    burden: "Time it takes",
    burdenTable: "Per requirement and per group",
    burdenNone: "No burden to estimate yet.",
    findings: "Findings",
    levels: { error: "error", warning: "warning", note: "note" },
    at: (line, column) => `line ${line}, column ${column}`,
    help: "Help: ",
    explain: "Explain",
    hideExplanation: "Hide the explanation",
    fix: "Fix it",
    fixUnsafe: "Fix it (check the result)",
    hours: (n) => (n === 1 ? "hour a year" : "hours a year"),
    fte: "FTE",
    dkk: "DKK a year",
    frontline: (share) => `${share} % of it taken from time with citizens`,
    footer: "trustlint runs entirely in your browser: the text is sent nowhere.",
  },
};

// Long enough not to check on every keystroke of a fast typist, short
// enough to feel live.
const DEBOUNCE_MS = 200;

const $ = (id) => document.getElementById(id);
const source = $("source");
const backdrop = $("backdrop");
const lines = $("lines");
const summary = $("summary");
const list = $("diagnostics");

let lang = "da";
let timer = 0;
// The text the shown findings belong to, its byte→UTF-16 offset table, and
// the findings.
let checkedText = null;
let offsets = null;
let diagnostics = [];
const explanations = new Map();

function words() {
  return WORDS[lang];
}

function applyWords() {
  document.documentElement.lang = lang;
  document.title = words().title;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = words()[element.dataset.text];
  }
}

// The library's spans are byte offsets into the UTF-8 text; the textarea
// counts UTF-16 units. table[byte] is the UTF-16 offset at each character
// boundary.
function offsetTable(text) {
  const table = new Uint32Array(new TextEncoder().encode(text).length + 1);
  let byte = 0;
  let unit = 0;
  for (const char of text) {
    const code = char.codePointAt(0);
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let i = 0; i < bytes; i++) table[byte + i] = unit;
    byte += bytes;
    unit += char.length;
  }
  table[byte] = unit;
  return table;
}

function unitOffset(byte) {
  return offsets[Math.min(byte, offsets.length - 1)];
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

const SEVERITY = { error: 3, warning: 2, note: 1 };

// The backdrop: the text with each finding's primary span marked in its
// level's colour (the most serious one where spans overlap), and findings
// at a point (start = end) marked by a bar.
function drawHighlights(current) {
  const text = source.value;
  const events = [];
  const points = new Map();
  diagnostics.forEach((d, i) => {
    const start = unitOffset(d.span.start);
    const end = unitOffset(d.span.end);
    if (start === end) {
      if (!points.has(start)) points.set(start, []);
      points.get(start).push(d.level);
    } else {
      events.push([start, 1, d.level, i], [end, -1, d.level, i]);
    }
  });
  for (const at of points.keys()) events.push([at, 0, null, -1]);
  events.sort((a, b) => a[0] - b[0]);
  const active = { error: 0, warning: 0, note: 0 };
  const activeIndex = new Set();
  let html = "";
  let at = 0;
  const open = () => {
    const level = Object.keys(SEVERITY).find((l) => active[l] > 0);
    return level ? `<mark class="${level}${activeIndex.has(current) ? " current" : ""}">` : "";
  };
  for (const [offset, step, level, index] of events) {
    if (offset > at) {
      const opening = open();
      html += opening + escapeHtml(text.slice(at, offset)) + (opening ? "</mark>" : "");
      at = offset;
    }
    if (step === 0) {
      const levels = points.get(offset) || [];
      const worst = levels.sort((a, b) => SEVERITY[b] - SEVERITY[a])[0];
      if (worst) html += `<span class="point ${worst}"></span>`;
      points.delete(offset);
    } else {
      active[level] += step;
      if (step > 0) activeIndex.add(index);
      else activeIndex.delete(index);
    }
  }
  html += escapeHtml(text.slice(at));
  // A final line break needs a character after it to take up a line.
  backdrop.innerHTML = html + "\n ";
  syncScroll();
}

function drawLineNumbers() {
  const count = source.value.split("\n").length;
  if (lines.dataset.count !== String(count)) {
    lines.textContent = Array.from({ length: count }, (_, i) => i + 1).join("\n") + "\n ";
    lines.dataset.count = String(count);
  }
}

function syncScroll() {
  backdrop.scrollTop = source.scrollTop;
  backdrop.scrollLeft = source.scrollLeft;
  lines.parentElement.scrollTop = source.scrollTop;
}

function format(number, digits) {
  return new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: digits }).format(number);
}

function drawBurden(result) {
  const total = result.burden.total;
  const w = words();
  if (result.burden.requirements.length === 0) {
    $("burden-total").textContent = w.burdenNone;
  } else {
    const hours = Math.round(total.hours_per_year * 10) / 10;
    const parts = [`${format(hours, 1)} ${w.hours(hours)}`, `${format(total.fte, 2)} ${w.fte}`, `${format(total.cost_dkk, 0)} ${w.dkk}`];
    let text = parts.join(" · ");
    if (total.hours_per_year > 0) {
      text += `; ${w.frontline(format((100 * total.frontline_hours_per_year) / total.hours_per_year, 0))}`;
    }
    $("burden-total").textContent = text;
  }
  $("burden-table").textContent = result.burden_table;
}

// A fix is a list of edits (span and replacement); a fix written as a single
// edit is taken as a list of one.
function editsOf(fix) {
  return Array.isArray(fix.edits) ? fix.edits : [fix];
}

function applyFix(fix) {
  if (source.value !== checkedText) return;
  const edits = editsOf(fix)
    .map((edit) => ({
      start: unitOffset((edit.span || edit).start),
      end: unitOffset((edit.span || edit).end),
      text: edit.replacement ?? edit.content ?? "",
    }))
    .sort((a, b) => b.start - a.start);
  for (const edit of edits) source.setRangeText(edit.text, edit.start, edit.end, "end");
  source.focus();
  runCheck();
}

function select(index) {
  const d = diagnostics[index];
  source.focus();
  source.setSelectionRange(unitOffset(d.span.start), unitOffset(d.span.end));
  // Scroll the finding's line into the middle of the editor.
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight);
  source.scrollTop = Math.max(0, (d.span.line - 1) * lineHeight - source.clientHeight / 2);
  drawHighlights(index);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawDiagnostic(d, index, rules) {
  const w = words();
  const item = element("li", d.level);
  item.dataset.code = d.code;
  item.dataset.line = d.span.line;
  item.dataset.column = d.span.column;
  const head = element("div", "head");
  head.append(element("span", "level", w.levels[d.level]), "[", element("code", "", d.code), "]: ", element("span", "message", d.message));
  item.append(head);

  const where = element("button", "where", w.at(d.span.line, d.span.column));
  where.type = "button";
  where.addEventListener("click", () => select(index));
  const label = d.labels.find((l) => l.primary);
  const place = element("div", "place");
  place.append(where);
  if (label && label.message) place.append(`: ${label.message}`);
  item.append(place);

  const rule = rules[d.code];
  // The quote is shown apart, below the help, not among the notes.
  const notes = d.notes.filter((note) => !rule || note !== rule.quote_note);
  if (notes.length > 0) {
    const list = element("ul", "notes");
    for (const note of notes) list.append(element("li", "", note));
    item.append(list);
  }
  if (d.help) item.append(element("p", "help", w.help + d.help));
  // Each quote under its own document and section.
  for (const q of (rule && rule.quotes) || []) {
    const quote = element("blockquote", "quote", `“${q.text.trim()}”`);
    quote.append(element("cite", "", q.source));
    item.append(quote);
  }

  const actions = element("div", "actions");
  for (const fix of d.fixes || []) {
    const safe = fix.safe ?? fix.applicability !== "unsafe";
    const button = element("button", "fix", fix.message || (safe ? w.fix : w.fixUnsafe));
    button.type = "button";
    button.addEventListener("click", () => applyFix(fix));
    actions.append(button);
  }
  const explainButton = element("button", "explain", `${w.explain} ${d.code}`);
  explainButton.type = "button";
  const explanation = element("pre", "explanation");
  explanation.hidden = true;
  explainButton.addEventListener("click", () => {
    if (explanation.hidden) {
      const key = `${lang}:${d.code}`;
      if (!explanations.has(key)) explanations.set(key, explain(d.code, lang));
      explanation.textContent = explanations.get(key);
      explanation.hidden = false;
      explainButton.textContent = w.hideExplanation;
    } else {
      explanation.hidden = true;
      explainButton.textContent = `${w.explain} ${d.code}`;
    }
  });
  actions.append(explainButton);
  item.append(actions, explanation);
  return item;
}

function runCheck() {
  clearTimeout(timer);
  const text = source.value;
  const result = JSON.parse(check(text, lang));
  if (result.error) {
    summary.textContent = result.error;
    summary.classList.add("failed");
    return;
  }
  summary.classList.remove("failed");
  checkedText = text;
  offsets = offsetTable(text);
  diagnostics = result.report.diagnostics;
  summary.textContent = result.summary;
  list.replaceChildren(...diagnostics.map((d, i) => drawDiagnostic(d, i, result.rules)));
  drawLineNumbers();
  drawHighlights(-1);
  drawBurden(result);
  document.body.dataset.checked = String(Number(document.body.dataset.checked || 0) + 1);
}

// The committee's report of the text as it stands (`trustlint report`,
// made by the library), saved as a file: made on the page, sent nowhere.
function downloadReport() {
  let html;
  try {
    html = report(source.value, lang);
  } catch (error) {
    summary.textContent = String(error);
    summary.classList.add("failed");
    return;
  }
  const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
  const link = element("a");
  link.href = url;
  link.download = words().reportFile;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function scheduleCheck() {
  drawLineNumbers();
  // Until the new check, the old marks would sit on the wrong characters.
  if (checkedText !== source.value) backdrop.textContent = source.value + "\n ";
  syncScroll();
  clearTimeout(timer);
  timer = setTimeout(runCheck, DEBOUNCE_MS);
}

function setLanguage(next) {
  // An untouched template follows the language; the user's own text stays.
  const untouched = source.value === template(lang);
  lang = next;
  applyWords();
  if (untouched) source.value = template(lang);
  runCheck();
}

async function start() {
  applyWords();
  try {
    await init();
  } catch (error) {
    summary.textContent = words().failed + error;
    summary.classList.add("failed");
    return;
  }
  source.value = template(lang);
  source.addEventListener("input", scheduleCheck);
  source.addEventListener("scroll", syncScroll);
  $("lang").addEventListener("change", (event) => setLanguage(event.target.value));
  $("report").addEventListener("click", downloadReport);
  $("reset").addEventListener("click", () => {
    source.value = template(lang);
    runCheck();
  });
  runCheck();
  document.body.dataset.ready = "true";
}

start();
