import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultPassword } from '../src/seed/factories.ts';
import { desktop, launchBrowser, newPage, phone, screenshot } from './browser.ts';
import {
  demoOfficer,
  newFounder,
  pathOf,
  publishFromQueue,
  registerProject,
  runId,
  searchFor,
  signIn,
  signUp,
  textOf,
  visit,
} from './journeys.ts';

const browser = await launchBrowser();
afterAll(async () => {
  await browser.close();
});

// Runs first (files are ordered by name, tests in order), so only the demo data is on the home page.
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

// One journey, one page: each step starts where the previous one ended.
describe.each(journeys)('a founder $label', ({ javaScriptEnabled, viewport, tag }) => {
  const name = `Miến dong Bình Gia – lô ${runId} ${tag}`;
  let context: BrowserContext;
  let page: Page;
  let projectPath = '';

  beforeAll(async () => {
    ({ context, page } = await newPage(browser, { javaScriptEnabled, viewport }));
  });
  afterAll(async () => {
    await context?.close();
  });

  test('opens the home page', async () => {
    await visit(page, '/');
    const hasJs = await page.evaluate(() => document.documentElement.classList.contains('js'));
    expect(hasJs, 'app.js ran').toBe(javaScriptEnabled);
    if (viewport === phone) await screenshot(page, 'test-results/screenshots/home-360.png');
  });

  test('signs up at /dang-ky', async () => {
    await signUp(page, newFounder(tag));
  });

  test('registers a project with Vietnamese text at /du-an/moi and lands on its page', async () => {
    projectPath = await registerProject(page, name);
    // Public once an officer has reviewed it: the page says so meanwhile.
    expect(await textOf(page.locator('main'))).toContain('Dự án đang chờ cán bộ Sở duyệt');
  });

  test('an officer publishes it from the review queue', async () => {
    const officer = await newPage(browser, { javaScriptEnabled, viewport });
    try {
      await signIn(officer.page, demoOfficer.email, defaultPassword, { a11y: false });
      await publishFromQueue(officer.page, name, { a11y: viewport === phone });
    } finally {
      await officer.context.close();
    }
  });

  test('finds it at /tim-kiem, typing without diacritics', async () => {
    expect(projectPath).not.toBe('');
    const link = await searchFor(page, `mien dong binh gia lo ${runId} ${tag}`, name);
    expect(await link.getAttribute('href')).toBe(projectPath);
    // The plain words too, as typed on a phone keyboard without Vietnamese input.
    await searchFor(page, 'mien dong binh gia', name);
  });

  test('opens it from the results and from the directory', async () => {
    const loaded = page.waitForEvent('load');
    await page.locator('main ul.results a', { hasText: name }).click();
    await loaded;
    expect(pathOf(page)).toBe(projectPath);
    await page.locator('main h1', { hasText: name }).waitFor();
    await visit(page, projectPath);
    if (viewport === phone) await screenshot(page, 'test-results/screenshots/project-360.png');

    await visit(page, '/du-an');
    if (viewport === phone) await screenshot(page, 'test-results/screenshots/du-an-360.png');
  });
});
