import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { desktop, launchBrowser, newPage, phone, screenshot } from './browser.ts';
import { newFounder, registerProject, runId, searchFor, signUp, visit } from './journeys.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Runs first (files are ordered by name, tests in order): only the demo data is on the home page.
test('the home page on a desktop, for the README', async () => {
  const { context, page } = await newPage(browser, { viewport: desktop });
  try {
    await visit(page, '/');
    await page.screenshot({ path: 'docs/screenshot-home.png', fullPage: false });
  } finally {
    await context.close();
  }
});

const journeys = [
  { label: 'with JavaScript, on a phone', javaScriptEnabled: true, viewport: phone, tag: 'js' },
  { label: 'without JavaScript, on a desktop', javaScriptEnabled: false, viewport: desktop, tag: 'nojs' },
];

describe.each(journeys)('a founder $label', ({ javaScriptEnabled, viewport, tag }) => {
  test('signs up, registers a project in Vietnamese and finds it by searching without accents', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await visit(page, '/');
      const hasJs = await page.evaluate(() => document.documentElement.classList.contains('js')).catch(() => false);
      expect(hasJs, 'app.js ran').toBe(javaScriptEnabled);

      await signUp(page, newFounder(tag));

      const name = `Miến dong Bình Gia – lô ${runId} ${tag}`;
      const projectPath = await registerProject(page, name);

      const link = await searchFor(page, `mien dong binh gia lo ${runId} ${tag}`, name);
      expect(await link.getAttribute('href')).toBe(projectPath);
      // The plain words too, as people type them on a phone keyboard without Vietnamese input.
      await searchFor(page, 'mien dong binh gia', name);

      await link.click();
      await page.waitForURL((url) => url.pathname === projectPath);
      await visit(page, projectPath);

      if (viewport.width === phone.width) {
        await screenshot(page, 'test-results/screenshots/project-360.png');
        await visit(page, '/');
        await screenshot(page, 'test-results/screenshots/home-360.png');
        await visit(page, '/du-an');
        await screenshot(page, 'test-results/screenshots/du-an-360.png');
      }
    } finally {
      await context.close();
    }
  });
});
