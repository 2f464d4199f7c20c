import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';
import { expect, inject } from 'vitest';

/** The address of the server the global setup started. */
export const baseUrl = (): string => inject('baseUrl');

export const phone = { width: 360, height: 740 } as const;
export const desktop = { width: 1280, height: 800 } as const;

/** Headless Chromium from the system (never downloaded): CHROMIUM_PATH or /usr/bin/chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

/** A page in a fresh context (its own cookies), pointed at the server, in Vietnamese. */
export async function newPage(
  browser: Browser,
  { javaScriptEnabled = true, viewport = desktop }: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  // Nothing may go to another host (the budgets forbid third-party requests): block and remember.
  const origin = new URL(baseUrl()).origin;
  const blocked: string[] = [];
  thirdParty.set(page, blocked);
  if (!javaScriptEnabled) noScript.add(page);
  page.on('response', (response) => void keepHtml(page, response));
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return { context, page };
}

const thirdParty = new WeakMap<Page, string[]>();

/**
 * Keeps each page the journeys load, as the server sent it, for the HTML checker that runs
 * after the journeys (e2e/validity.e2e.ts). Named by path, one file per distinct body.
 */
async function keepHtml(page: Page, response: Response): Promise<void> {
  const request = response.request();
  if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
  if (response.status() >= 300 && response.status() < 400) return;
  if (!(response.headers()['content-type'] ?? '').startsWith('text/html')) return;
  try {
    const body = await response.text();
    const url = new URL(response.url());
    const name = `${request.method()} ${url.pathname}`.replace(/[^a-z0-9-]+/gi, '_').slice(0, 120);
    const hash = createHash('sha1').update(body).digest('hex').slice(0, 10);
    const comment = `<!-- ${request.method()} ${url.pathname}${url.search} → ${response.status()} -->\n`;
    await writeFile(
      join(inject('htmlDir'), `${name}.${hash}.html`),
      body.replace(/^(<!DOCTYPE html>)?/i, `$1${comment}`),
    );
  } catch {
    // the page went away before its body was read: nothing to check
  }
}

/**
 * Runs axe on the page as it is. With JavaScript off, Chromium runs no timers, so axe cannot
 * finish there: it runs instead on a copy of the same DOM (same address, same CSS, no scripts)
 * in a page where JavaScript is on.
 */
async function analyze(page: Page) {
  if (!noScript.has(page)) return new AxeBuilder({ page }).analyze();
  const url = page.url();
  const html = await page.content();
  const copy = await (await mirrorOf(page)).newPage();
  try {
    await copy.route('**/*', (route) => {
      const request = route.request();
      if (request.isNavigationRequest() && request.frame() === copy.mainFrame()) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (request.resourceType() === 'script') return route.abort('blockedbyclient');
      return route.continue();
    });
    await copy.goto(url);
    return await new AxeBuilder({ page: copy }).analyze();
  } finally {
    await copy.close();
  }
}

/** One JavaScript-enabled context per JavaScript-off context, closed with it. */
const mirrors = new WeakMap<BrowserContext, Promise<BrowserContext>>();
function mirrorOf(page: Page): Promise<BrowserContext> {
  const source = page.context();
  let mirror = mirrors.get(source);
  if (!mirror) {
    const browser = source.browser();
    if (!browser) throw new Error('no browser');
    mirror = browser.newContext({ viewport: page.viewportSize() ?? desktop, locale: 'vi-VN', javaScriptEnabled: true });
    mirrors.set(source, mirror);
    source.once('close', () => void mirror?.then((c) => c.close()).catch(() => {}));
  }
  return mirror;
}

const noScript = new WeakSet<Page>();

/**
 * Fails when the page is wider than a phone's screen (a sideways scroll hides links under others),
 * naming the innermost elements that stick out.
 */
async function checkFitsScreen(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? desktop.width;
  if (width >= 600) return;
  const overflow = await page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= screen) return [];
    const sticksOut = (e: Element) => e.getBoundingClientRect().right > screen + 1;
    return [...document.querySelectorAll('body *')]
      .filter((e) => sticksOut(e) && ![...e.children].some(sticksOut))
      .slice(0, 5)
      .map((e) => e.outerHTML.slice(0, 160));
  });
  expect(overflow, `${page.url()} is wider than the screen`).toEqual([]);
}

/**
 * Fails on any axe violation of impact serious or critical, listing each rule and element, and on
 * a phone when the page scrolls sideways.
 */
export async function checkA11y(page: Page): Promise<void> {
  await checkFitsScreen(page);
  const results = await analyze(page);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map(
          (n) =>
            `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join('\n');
  expect(thirdParty.get(page) ?? [], `third-party requests from ${page.url()}`).toEqual([]);
  expect(bad, `axe found ${bad.length} serious/critical violation(s) on ${page.url()}:\n${report}`).toEqual([]);
}

/** A full-page PNG under test-results/screenshots/ (or wherever `path` says). */
export async function screenshot(page: Page, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}
