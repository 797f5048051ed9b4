// The committee report (`trustlint report`) and the audit page (`audit
// --format html`) for the bundled examples, in a real browser (Debian's
// Chromium, driven by playwright-core): an HTML5 parser (html5lib) finds no
// parse error; the page makes no request and logs no error; the checklist and
// the charts are drawn; at A4's printable width nothing is wider than the
// page and no table cell cuts its content; Chromium prints it to an A4 PDF.
// Screenshots and the PDF go to web/test-output/ to be looked at. Run by
// web/test.sh, which sets TRUSTLINT_BIN (.ci/run installs chromium and
// python3-html5lib with apt-get when missing).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BIN, ROOT, SHOTS, launch, requireEnv } from "./browser.mjs";

requireEnv("TRUSTLINT_BIN");
// A4 less the report's 15 mm side margins (@page), in CSS pixels (96 a inch).
const PRINTABLE_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

let browser;
const documents = {};

// Writes a document with the binary (exit 1 is findings: written all the same).
function write(name, args) {
  const file = join(SHOTS, name);
  const run = spawnSync(BIN, [...args, "-o", file], { cwd: ROOT, encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, `trustlint ${args.join(" ")}: ${run.status} ${run.stderr}`);
  assert.equal(run.stderr, "");
  documents[name] = { file, html: readFileSync(file, "utf8") };
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  write("rapport.html", ["report", "--lang", "da", "examples/"]);
  write("report-register.html", [
    "report",
    "--lang",
    "en",
    "--register",
    "examples/register",
    "examples/abolished/daily-face-to-face.krav",
  ]);
  write("audit.html", ["audit", "--lang", "da", "--today", "2026-12-05", "--format", "html", "examples/register"]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

// Opens a document in a new tab, collecting what goes wrong and every
// request beyond the file itself.
async function open(name, viewport) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const problems = [];
  const url = pathToFileURL(documents[name].file).href;
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
  await page.goto(url);
  await page.waitForLoadState("load");
  return { page, problems };
}

// What is wider than the page, and what a table cell cuts off.
function overflow(width) {
  const wide = [...document.querySelectorAll("body *")]
    .filter((e) => e.getBoundingClientRect().right > width + 0.5)
    .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 40)}`);
  const cut = [...document.querySelectorAll("th, td")]
    .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
    .map((cell) => cell.textContent.slice(0, 40));
  return { scroll: document.documentElement.scrollWidth, wide, cut };
}

// html5lib (Debian's python3-html5lib) follows the HTML5 parsing algorithm
// and records every parse error, of the tokenizer and of tree construction.
const PARSE = `
import sys, html5lib
parser = html5lib.HTMLParser()
parser.parse(open(sys.argv[1], "rb").read())
for (line, column), code, data in parser.errors:
    print(f"{line}:{column} {code} {data}")
`;

test("every document parses with no HTML5 parse error", () => {
  for (const [name, { file }] of Object.entries(documents)) {
    const run = spawnSync(process.env.PYTHON || "/usr/bin/python3", ["-c", PARSE, file], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, "", `${name}: parse errors`);
  }
  // The check can fail: a stray end tag is an error.
  const broken = join(SHOTS, "broken.html");
  writeFileSync(broken, documents["audit.html"].html.replace("</table>", "</table></div>"));
  const run = spawnSync(process.env.PYTHON || "/usr/bin/python3", ["-c", PARSE, broken], { encoding: "utf8" });
  assert.match(run.stdout, /end-tag-too-early/);
});

test("the Danish report of the examples: checklist and charts, within A4, printed on A4", async () => {
  const { page, problems } = await open("rapport.html", { width: PRINTABLE_WIDTH, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const measured = await page.evaluate(overflow, PRINTABLE_WIDTH);
  assert.deepEqual(measured.wide, [], "wider than A4's printable width");
  assert.deepEqual(measured.cut, [], "a table cell cuts its content");
  assert.ok(measured.scroll <= PRINTABLE_WIDTH, `scroll width ${measured.scroll}`);

  const drawn = await page.evaluate(() => ({
    proposals: document.querySelectorAll("section.proposal").length,
    checklists: [...document.querySelectorAll("table.checklist")].map((t) => t.querySelectorAll("tbody tr").length),
    statuses: [...document.querySelectorAll("table.checklist td.status")].map((td) => td.textContent),
    bars: [...document.querySelectorAll("figure.chart svg rect")].filter((r) => r.getBoundingClientRect().width > 0)
      .length,
    charts: [...document.querySelectorAll("figure.chart svg")].filter((s) => s.getBoundingClientRect().height > 20)
      .length,
  }));
  assert.equal(drawn.proposals, 17);
  assert.equal(drawn.checklists.length, 17);
  assert.ok(drawn.checklists.every((rows) => rows >= 10), `${drawn.checklists}`);
  assert.ok(drawn.statuses.includes("opfyldt") && drawn.statuses.includes("ikke opfyldt"));
  assert.ok(drawn.charts >= 17, `${drawn.charts} charts`);
  assert.ok(drawn.bars >= drawn.charts, `${drawn.bars} bars`);

  const pdf = await page.pdf({ path: join(SHOTS, "rapport.pdf"), preferCSSPageSize: true, printBackground: true });
  const text = pdf.toString("latin1");
  assert.ok(text.startsWith("%PDF"));
  // Every page A4: 595.28 × 841.89 points, as Chromium rounds them.
  const boxes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 17, `${boxes.length} pages`);
  for (const [, w, h] of boxes) {
    assert.ok(Math.abs(w - 595.28) < 1 && Math.abs(h - 841.89) < 1, `page ${w} × ${h}`);
  }
  await page.screenshot({ path: join(SHOTS, "rapport-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.screenshot({ path: join(SHOTS, "rapport.png"), fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test("with a register, the chart and table show each group before and after", async () => {
  const { page, problems } = await open("report-register.html", { width: PRINTABLE_WIDTH, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const measured = await page.evaluate(overflow, PRINTABLE_WIDTH);
  assert.deepEqual(measured.wide, []);
  assert.deepEqual(measured.cut, []);
  const bars = await page.evaluate(() =>
    [...document.querySelectorAll("figure.chart svg rect")].map((r) => r.querySelector("title").textContent),
  );
  assert.deepEqual(bars, ["this proposal: 30.4", "in force now: 36.7", "with the proposal: 67.1"]);
  assert.equal(await page.locator("table.loads tbody tr").count(), 1);
  await page.pdf({ path: join(SHOTS, "report-register.pdf"), preferCSSPageSize: true, printBackground: true });
  await page.screenshot({ path: join(SHOTS, "report-register.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the audit page: its tables and chart within A4", async () => {
  const { page, problems } = await open("audit.html", { width: PRINTABLE_WIDTH, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const measured = await page.evaluate(overflow, PRINTABLE_WIDTH);
  assert.deepEqual(measured.wide, []);
  assert.deepEqual(measured.cut, []);
  assert.equal(await page.locator("table.candidates tbody tr").count(), 3);
  assert.equal(await page.locator("figure.chart svg rect").count(), 4);
  await page.pdf({ path: join(SHOTS, "audit.pdf"), preferCSSPageSize: true, printBackground: true });
  await page.screenshot({ path: join(SHOTS, "audit.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
