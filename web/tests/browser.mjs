// What the browser tests share: the project's folder, what web/test.sh
// gives them (the trustlint binary, the served playground), and Debian's
// Chromium started headless in a profile of its own, driven by
// playwright-core.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const BIN = process.env.TRUSTLINT_BIN;
export const PLAYGROUND_URL = process.env.PLAYGROUND_URL;
// Screenshots and the printed PDF, to be looked at.
export const SHOTS = process.env.SCREENSHOT_DIR || join(ROOT, "web", "test-output");

// Stops a test file that is not run through web/test.sh, which sets `names`.
export function requireEnv(...names) {
  if (names.some((name) => !process.env[name])) {
    throw new Error(`run through web/test.sh (${names.join(" and ")} unset)`);
  }
}

// Chromium in a fresh profile, with `options` for playwright (a viewport,
// downloads); `close()` ends it and removes the profile.
export async function launch(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), "trustlint-chromium-"));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      ...options,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const close = async () => {
      await context.close();
      removeProfile();
    };
    return { context, close };
  } catch (error) {
    removeProfile();
    throw error;
  }
}

// The playground in `context`'s first tab, once it is ready: its console
// errors and page errors go to `problems`, and every request is handed to
// `onRequest` (to tell the page's own from any other).
export async function openPlayground(context, problems, onRequest) {
  const page = context.pages()[0] || (await context.newPage());
  page.on("request", onRequest);
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.goto(PLAYGROUND_URL);
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return page;
}
