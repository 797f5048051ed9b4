// The playground's "download the committee report" button, in a real
// browser: the file it saves is the report `trustlint report` writes for
// the same text, byte for byte, in the page's language. Run by web/test.sh,
// which serves web/dist and sets PLAYGROUND_URL and TRUSTLINT_BIN.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, PLAYGROUND_URL, ROOT, launch, openPlayground, requireEnv } from "./browser.mjs";

requireEnv("PLAYGROUND_URL", "TRUSTLINT_BIN");

let browser;
let page;
let folder;
const problems = [];

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "trustlint-report-"));
  browser = await launch({ acceptDownloads: true, viewport: { width: 1200, height: 1400 } });
  const origin = new URL(PLAYGROUND_URL).origin;
  page = await openPlayground(browser.context, problems, (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "blob:" && url.origin !== origin) problems.push(`request: ${request.url()}`);
  });
});

after(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

// Pastes `text`, waits for its check, clicks the button, returns the file.
async function download(text) {
  const checks = Number(await page.evaluate(() => document.body.dataset.checked || 0));
  await page.fill("#source", text);
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, checks);
  const [saved] = await Promise.all([page.waitForEvent("download"), page.click("#report")]);
  return { name: saved.suggestedFilename(), html: readFileSync(await saved.path(), "utf8") };
}

// The binary's report of `text` in a file named as the page names it.
function binary(text, lang, name) {
  writeFileSync(join(folder, name), text);
  const run = spawnSync(BIN, ["report", "--lang", lang, name], { cwd: folder, encoding: "utf8" });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run.stdout;
}

test("the button saves the Danish committee report of the text, as the command line writes it", async () => {
  const text = readFileSync(join(ROOT, "examples/abolished/daily-face-to-face.krav"), "utf8");
  assert.equal(await page.textContent("#report"), "Hent rapporten til udvalget (HTML)");
  const saved = await download(text);
  assert.equal(saved.name, "rapport.html");
  assert.ok(saved.html.startsWith('<!DOCTYPE html>\n<html lang="da">'));
  assert.ok(saved.html.includes("<table class=\"checklist\">"));
  assert.ok(saved.html.includes("<figure class=\"chart\">"));
  assert.equal(saved.html, binary(text, "da", "forslag.krav"));
});

test("in English, and what the author wrote stays text", async () => {
  await page.selectOption("#lang", "en");
  const text = readFileSync(join(ROOT, "examples/kept/individual-supervision-agreements.krav"), "utf8").replace(
    /requirement "[^"]*"/,
    'requirement "<script>alert(1)</script>"',
  );
  const saved = await download(text);
  assert.equal(saved.name, "report.html");
  assert.ok(saved.html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
  assert.ok(!saved.html.includes("<script"));
  assert.ok(saved.html.includes("<h2>&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</h2>"));
  assert.equal(saved.html, binary(text, "en", "proposal.krav"));
  await page.selectOption("#lang", "da");
});

test("no request left the page and nothing went wrong on it", () => {
  assert.deepEqual(problems, []);
});
