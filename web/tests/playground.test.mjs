// The playground in a real browser (Debian's Chromium, driven by
// playwright-core): it loads with no request beyond its own files, finds a
// typo as it is typed and forgets it when corrected, and says about every
// bundled example what `trustlint check` says. Run by web/test.sh, which
// serves web/dist and sets PLAYGROUND_URL and TRUSTLINT_BIN.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { BIN, PLAYGROUND_URL, ROOT, SHOTS, launch, openPlayground, requireEnv } from "./browser.mjs";

requireEnv("PLAYGROUND_URL", "TRUSTLINT_BIN");

let browser;
let page;
const problems = [];
const foreign = [];

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch({ viewport: { width: 1200, height: 1400 } });
  const origin = new URL(PLAYGROUND_URL).origin;
  page = await openPlayground(browser.context, problems, (request) => {
    if (new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
});

after(async () => {
  await browser?.close();
});

function trustlint(...args) {
  try {
    return execFileSync(BIN, args, { cwd: ROOT, encoding: "utf8" });
  } catch (error) {
    // Exit status 1 means findings, not failure.
    if (error.status === 1) return error.stdout;
    throw error;
  }
}

async function checks() {
  return Number(await page.evaluate(() => document.body.dataset.checked || 0));
}

// Replaces the editor's text as a paste would, and waits for the check.
async function paste(text) {
  const before = await checks();
  await page.fill("#source", text);
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before);
}

// What the page shows, finding by finding.
async function shown() {
  return page.$$eval("#diagnostics > li", (items) =>
    items.map((item) => ({
      code: item.dataset.code,
      level: item.className,
      line: Number(item.dataset.line),
      column: Number(item.dataset.column),
      message: item.querySelector(".message").textContent,
    })),
  );
}

async function setLanguage(lang) {
  const before = await checks();
  await page.selectOption("#lang", lang);
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, before);
}

test("the page opens with init's Danish template and checks it", async () => {
  const text = await page.inputValue("#source");
  assert.equal(text, trustlint("init", "--lang", "da", "-"));
  const lines = await page.textContent("#lines");
  assert.equal(lines.trim().split("\n").length, text.split("\n").length);
  // The template's TODO placeholders are findings until filled in.
  const findings = await shown();
  assert.ok(findings.some((f) => f.code === "TL003"), JSON.stringify(findings));
  assert.match(await page.textContent("#summary"), /\d+ fejl/);
  assert.equal(await page.getAttribute("html", "lang"), "da");
});

test("a misspelt key is found as it is typed, highlighted, and gone once its fix is applied", async () => {
  const draft = readFileSync(join(ROOT, "examples/kept/afvigelsesrapportering.da.krav"), "utf8");
  assert.ok(draft.includes("  formål:"), "the example has the key the test misspells");
  await paste("");
  await page.focus("#source");
  const before = await checks();
  await page.keyboard.type(draft.replace("  formål:", "  formaal:"));
  await page.waitForSelector('#diagnostics > li[data-code="TL002"]');
  // Typing was debounced: far fewer checks than keystrokes.
  assert.ok((await checks()) - before < draft.length / 4);

  const typo = (await shown()).find((f) => f.code === "TL002");
  const line = draft.split("\n").findIndex((l) => l.startsWith("  formål:")) + 1;
  assert.deepEqual([typo.level, typo.line, typo.column], ["error", line, 3]);
  assert.match(await page.textContent('#diagnostics > li[data-code="TL002"] .help'), /formål/);
  assert.deepEqual(await page.$$eval("#backdrop mark.error", (marks) => marks.map((m) => m.textContent)), ["formaal"]);
  await page.screenshot({ path: join(SHOTS, "typo.png"), fullPage: true });

  // "Explain" shows what `trustlint explain` prints.
  await page.click('#diagnostics > li[data-code="TL002"] button.explain');
  assert.equal(
    await page.textContent('#diagnostics > li[data-code="TL002"] .explanation'),
    trustlint("explain", "--lang", "da", "TL002"),
  );

  // The fix button writes what the help suggests, through the library's
  // edits (the same as `trustlint check --fix`), and the finding is gone.
  const fix = '#diagnostics > li[data-code="TL002"] button.fix';
  assert.equal(await page.textContent(fix), "Ret til formål");
  const fixed = await checks();
  await page.click(fix);
  await page.waitForFunction((n) => Number(document.body.dataset.checked) > n, fixed);
  await page.waitForFunction(() => !document.querySelector('#diagnostics > li[data-code="TL002"]'));
  assert.equal(await page.inputValue("#source"), draft);
  assert.equal(await page.$$eval("#backdrop mark.error", (marks) => marks.length), 0);
  // The burden of the corrected draft, as `trustlint burden` counts it.
  assert.match(await page.textContent("#burden-total"), /^20 timer om året/);
});

function examples(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? examples(path) : name.endsWith(".krav") ? [path] : [];
    })
    .sort();
}

test("every bundled example shows what `trustlint check` says, in both languages", async () => {
  const files = examples(join(ROOT, "examples"));
  assert.ok(files.length >= 8, `only ${files.length} examples found`);
  for (const lang of ["da", "en"]) {
    await setLanguage(lang);
    for (const file of files) {
      const cli = JSON.parse(trustlint("check", "--lang", lang, "--format", "json", relative(ROOT, file)));
      const expected = cli.diagnostics.map((d) => ({
        code: d.code,
        level: d.level,
        line: d.span.line,
        column: d.span.column,
        message: d.message,
      }));
      await paste(readFileSync(file, "utf8"));
      assert.deepEqual(await shown(), expected, `${relative(ROOT, file)} in ${lang}`);
    }
  }
  await setLanguage("da");
});

test("the language switch turns the untouched template and the page to English", async () => {
  await page.click("#reset");
  await setLanguage("en");
  assert.equal(await page.inputValue("#source"), trustlint("init", "--lang", "en", "-"));
  assert.equal(await page.textContent("h1"), "trustlint playground");
  assert.match(await page.textContent("#summary"), /\d+ errors?/);
  await page.screenshot({ path: join(SHOTS, "english.png"), fullPage: true });
  await setLanguage("da");
});

test("nothing was fetched from elsewhere and nothing went wrong on the page", () => {
  assert.deepEqual(foreign, []);
  assert.deepEqual(problems, []);
});
