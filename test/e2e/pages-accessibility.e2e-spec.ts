import { Browser, BrowserContext } from 'playwright-core';
import { keepScreenshot, launchChromium, seriousViolations } from '../support/browser';
import { loadFoundingCase } from '../support/founding-case';
import { startTestApp, TestApp } from '../support/test-app';

/** Every page type, in both languages: no serious or critical axe-core violation, usable by keyboard, landmarks and headings. */
const PAGE_TYPES: Array<[string, string]> = [
  ['home', '/'],
  ['home-search', '/?q=open'],
  ['stakeholder', '/stakeholders/openai'],
  ['timeline', '/stakeholders/openai/timeline'],
  ['commitment', '/commitments/openai-no-domestic-surveillance'],
  ['card', '/commitments/anthropic-no-mass-surveillance/card'],
  ['topic', '/topics/surveillance'],
  ['pinned-as-of', '/stakeholders/openai?asOf=2026-02-28&knownAt=40'],
  ['not-found', '/stakeholders/nobody-here'],
  ['no-such-page', '/no/such/page'],
];

describe('pages for everyone: axe-core, keyboard, landmarks', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp();
    await loadFoundingCase(t);
    browser = await launchChromium();
    // axe-core runs as a script in the page, so this context keeps JavaScript on (the pages have none of their own).
    context = await browser.newContext({ baseURL: t.baseUrl, locale: 'en-GB' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each(PAGE_TYPES.flatMap(([name, path]) => (['en', 'fr'] as const).map((lang): [string, string, string] => [name, path, lang])))(
    '%s (%s, %s) has no serious or critical violation, one h1, and a main landmark',
    async (name, path, lang) => {
      const page = await context.newPage();
      await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('main').count()).toBe(1);
      if (lang === 'en' && name !== 'home') await keepScreenshot(page, `${name}-axe-${lang}`);
      await page.close();
    },
  );

  it('would see a violation if there were one (the check is not vacuous)', async () => {
    const page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>x</h1><img src="a.png"><a href="/"></a></main></body></html>');
    expect((await seriousViolations(page)).join('\n')).toMatch(/image-alt|link-name|html-has-lang/);
    await page.close();
  });

  it('can be used by keyboard: the first Tab reaches "Skip to content", which leads into the main content', async () => {
    const page = await context.newPage();
    await page.goto('/stakeholders/openai?lang=en');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Following an in-page link is a navigation the browser finishes after the key press returns:
    // wait for it (a lost race once failed CI here), then check where focus and the URL went.
    await page.waitForURL((url) => url.hash === '#content', { timeout: 5_000 });
    expect(new URL(page.url()).hash).toBe('#content');
    // Tabbing on reaches the links of the say-do table, in reading order.
    const reached: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href') ?? ''));
    }
    expect(reached).toContain('/commitments/openai-no-domestic-surveillance');
    await page.close();
  });

  it('gives the print stylesheet to print media', async () => {
    const page = await context.newPage();
    await page.goto('/stakeholders/openai');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.asof').isVisible()).toBe(false);
    expect(await page.locator('aside.cite').isVisible()).toBe(true);
    await page.close();
  });
});
