import { Browser, BrowserContext, Page } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../support/browser';
import { loadFoundingCase } from '../support/founding-case';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A reader walks the founding case (../shared/scenarios/frontier-ai-2023-2026.md) in a real
 * browser with JavaScript off, from the home page, by following links only, and finds the
 * scenario's conclusions; then the same in French.
 */
describe('the founding case read in a browser, without JavaScript', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    await loadFoundingCase(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const reader = (locale: string): Promise<BrowserContext> => browser.newContext({ javaScriptEnabled: false, locale, baseURL: t.baseUrl });
  const statusOf = (page: Page, commitmentId: string) => page.locator(`[data-testid="say-do-table"] tr[data-commitment="${commitmentId}"] .status`).innerText();
  const text = (page: Page) => page.locator('main').innerText();

  it('in English: OpenAI crossed and strained, Anthropic held, each verdict with its action, and a permalink that reproduces the page', async () => {
    const context = await reader('en-GB');
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toContain('What they said they would do');
    await keepScreenshot(page, 'home-en');

    await page.getByRole('link', { name: 'OpenAI', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/stakeholders/openai');
    expect(await statusOf(page, 'openai-no-military-use')).toContain('Crossed');
    expect(await statusOf(page, 'openai-no-domestic-surveillance')).toContain('Under strain');
    expect(await statusOf(page, 'openai-no-autonomous-weapons')).toContain('Under strain');
    expect(await statusOf(page, 'openai-preparedness')).toContain('Partially kept');
    const openai = await text(page);
    expect(openai).toContain('0 of 4 rated commitments kept or held');
    expect(openai).toMatch(/classified networks/);
    expect(openai).toContain('February 2026'); // a month stays a month
    expect(openai).not.toContain('1 February 2026');
    expect(openai).toMatch(/Unconfirmed suggestions/);
    // The reactions: two departures and a subscriber exodus.
    expect(await page.locator('#action-kalinowski-resigns').count()).toBeGreaterThan(0);
    expect(await page.locator('#action-chatgpt-subscriber-exodus-2026').count()).toBe(1);
    // Every fact with its source, the French articles marked as French.
    expect(await page.locator('main li[lang="fr"] cite a').count()).toBeGreaterThan(0);
    await keepScreenshot(page, 'stakeholder-en');

    const position = await page.getByTestId('position').innerText();
    const permalink = await page.getByTestId('permalink').getAttribute('href');
    expect(permalink).toMatch(new RegExp(`^/stakeholders/openai\\?knownAt=${position}&`));
    const pinned = await page.goto(permalink!);
    expect(pinned!.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const hash = await page.getByTestId('content-hash').innerText();
    // The pinned page, the JSON at the same pin, and the pin again later all say the same.
    const json = await t.inject(`/v1/stakeholders/openai/report?${permalink!.split('?')[1]}`);
    expect(json.json().contentHash).toBe(hash);
    await page.goto(permalink!);
    expect(await page.getByTestId('content-hash').innerText()).toBe(hash);
    expect(await page.getByTestId('permalink').getAttribute('href')).toBe(permalink);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical!).pathname + new URL(canonical!).search).toBe(permalink);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toMatch(/\/stakeholders\/openai\/feed\.atom$/);

    await page.getByRole('link', { name: 'Dossier' }).first().click();
    await page.waitForURL((url) => /^\/commitments\//.test(url.pathname));
    await keepScreenshot(page, 'commitment-en');

    await page.goto('/');
    await page.getByRole('link', { name: 'surveillance', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/topics/surveillance');
    const side = (id: string) => page.locator(`section[data-stakeholder="${id}"]`).innerText();
    expect(await side('openai')).toContain('Under strain');
    expect(await side('anthropic')).toContain('Held');
    await keepScreenshot(page, 'topic-en');

    await page.getByRole('link', { name: 'Anthropic' }).first().click();
    expect(await statusOf(page, 'anthropic-no-mass-surveillance')).toContain('Held');
    expect(await text(page)).toContain('2 of 2 rated commitments kept or held');
    expect(await text(page)).toMatch(/Contract refused/);

    await page.goto('/stakeholders/openai/timeline');
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThan(10);
    await keepScreenshot(page, 'timeline-en');
    await page.goto('/commitments/openai-no-domestic-surveillance/card');
    await keepScreenshot(page, 'card-en');
    await context.close();
  });

  it('in French, from Accept-Language: translated statuses, months in French, facts kept in their own language, and a switch back', async () => {
    const context = await reader('fr-FR');
    const page = await context.newPage();
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await keepScreenshot(page, 'home-fr');
    await page.getByRole('link', { name: 'OpenAI', exact: true }).click();
    expect(await statusOf(page, 'openai-no-military-use')).toContain('Franchie');
    expect(await statusOf(page, 'openai-no-domestic-surveillance')).toContain('Sous tension');
    const openai = await text(page);
    expect(openai).toContain('0 sur 4 engagements évalués tenus ou respectés');
    expect(openai).toContain('février 2026');
    expect(openai).toContain("OpenAI's technology may not be used for domestic surveillance."); // recorded in English, shown as recorded
    await keepScreenshot(page, 'stakeholder-fr');

    await page.goto('/topics/surveillance');
    expect(await page.locator('section[data-stakeholder="anthropic"]').innerText()).toContain('Respectée');

    await page.getByRole('link', { name: 'Read in English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto('/');
    expect(await page.getAttribute('html', 'lang')).toBe('en'); // the switch is remembered (cookie)
    await context.close();
  });

  it('answers an unknown stakeholder with an HTML 404 page in the reader’s language', async () => {
    const context = await reader('fr-FR');
    const page = await context.newPage();
    const response = await page.goto('/stakeholders/nobody-here');
    expect(response!.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page introuvable');
    await keepScreenshot(page, 'not-found-fr');
    await context.close();
  });
});
