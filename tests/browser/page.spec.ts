/**
 * The page as a person sees it, at each viewport the projects give (a laptop and a phone): the photo
 * drawn at its own shape with the outline on it, the gallery input, the loading failure, the page
 * without JavaScript, the words of a result, and the help, with axe and a screenshot in each state.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import {
  ACCEPTED_DOCUMENTS,
  DEAD_END,
  NOT_NHS_LOGIN,
  PHOTO_DONTS,
  PHOTO_DOS,
} from '../../src/app/content/text.ts';
import { SETTINGS } from '../../src/app/settings.ts';
import { RULE_IDS } from '../../src/pipeline/types.ts';
import { CheckerPage } from './support/CheckerPage.ts';
import { FIXTURES_DIR, fixtureManifest, pickFixture } from './support/fixtures.ts';
import { expect, test } from './support/test.ts';

const today = () => fixtureManifest().today;

for (const shape of ['landscape', 'portrait'] as const) {
  test(`a ${shape} photo is drawn at its own shape, with the outline where the checker found it`, async ({
    checker,
  }, testInfo) => {
    const fixture = pickFixture('clean', 'four-corners', 'pass');
    // The fixtures are landscape: a quarter turn makes a portrait photo (as a phone held upright takes).
    const buffer = await sharp(fixture.path)
      .rotate(shape === 'portrait' ? 90 : 0)
      .jpeg({ quality: 90 })
      .toBuffer();
    const { width = 0, height = 0 } = await sharp(buffer).metadata();
    expect(shape === 'portrait' ? height > width : width > height).toBe(true);
    await checker.open(today());
    await checker.choosePhoto({ name: `${shape}.jpg`, mimeType: 'image/jpeg', buffer });
    await checker.waitForResult();
    await checker.screenshot(`result-${shape}`, testInfo);

    const drawn = await checker.page.evaluate(() => {
      const canvas = document.querySelector('.app-photo__image')!.getBoundingClientRect();
      const polygon = document.querySelector<SVGPolygonElement>('.app-photo__outline')!;
      const toScreen = polygon.getScreenCTM()!;
      const screen = [...Array(polygon.points.numberOfItems).keys()].map((i) => {
        const point = polygon.points.getItem(i).matrixTransform(toScreen);
        return [point.x, point.y];
      });
      const image = [...Array(polygon.points.numberOfItems).keys()].map((i) => {
        const point = polygon.points.getItem(i);
        return [point.x, point.y];
      });
      return {
        canvas: { x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height },
        screen,
        image,
        viewportHeight: innerHeight,
      };
    });
    // Drawn at the file's own aspect ratio (within 1%), and no taller than 70% of the screen.
    const fileRatio = width / height;
    expect(Math.abs(drawn.canvas.width / drawn.canvas.height / fileRatio - 1)).toBeLessThan(0.01);
    expect(drawn.canvas.height).toBeLessThanOrEqual(0.7 * drawn.viewportHeight + 1);
    // Each outline corner lies on the drawn photo where the checker put it in the photo's pixels (2%).
    expect(drawn.image).toHaveLength(4);
    drawn.image.forEach(([x, y], i) => {
      const [sx, sy] = drawn.screen[i]!;
      const expectedX = drawn.canvas.x + (x! / width) * drawn.canvas.width;
      const expectedY = drawn.canvas.y + (y! / height) * drawn.canvas.height;
      expect(Math.abs(sx! - expectedX), `corner ${i}, x`).toBeLessThan(0.02 * drawn.canvas.width);
      expect(Math.abs(sy! - expectedY), `corner ${i}, y`).toBeLessThan(0.02 * drawn.canvas.height);
    });
    // And that is where the document is: the fixture's truth, turned as the photo was.
    // sharp turns clockwise: (x, y) in the landscape photo is (its height − y, x) in the portrait one.
    const truth = fixture.outline.map(([x, y]) => (shape === 'portrait' ? [width - y, x] : [x, y]));
    for (const [x, y] of drawn.image) {
      const nearest = Math.min(...truth.map(([tx, ty]) => Math.hypot(x! - tx!, y! - ty!)));
      expect(nearest).toBeLessThan(0.03 * Math.max(width, height));
    }
  });
}

test('the photo input is the gallery (no capture), first on a phone screen, and names the photo being checked', async ({
  checker,
}, testInfo) => {
  const photo = pickFixture('blur');
  await checker.open(today());
  // No `capture`: a phone offers its gallery as well as its camera. The live camera is "Use camera".
  await expect(checker.fileInput).not.toHaveAttribute('capture');
  await expect(checker.fileInput).toHaveAttribute('accept', 'image/*');
  const box = await checker.photoInput.boundingBox();
  const viewport = checker.page.viewportSize()!;
  expect(box!.y + box!.height, 'the input is within the first screen').toBeLessThanOrEqual(viewport.height);
  // Dragging and pasting are offered only where there is a mouse.
  const touch = testInfo.project.use.hasTouch === true;
  for (const hint of await checker.page.locator('.app-pointer-only').all())
    await (touch ? expect(hint).toBeHidden() : expect(hint).toBeVisible());
  await expect(checker.photoInput).toContainText('No file chosen');

  await checker.choosePhoto(photo.path);
  await expect(checker.page.locator('[data-step]')).toBeVisible();
  await expect(checker.photoInput).toContainText(photo.file);
  await checker.waitForResult();
});

test('when the checker cannot load, the page says so and offers to try again', async ({
  checker,
  context,
}, testInfo) => {
  // As on a first visit that loses its connection: OpenCV's WebAssembly never arrives.
  const fail = (route: import('@playwright/test').Route) => route.abort('internetdisconnected');
  await context.route(/\/assets\/opencv-[\w-]+\.wasm$/u, fail);
  await checker.page.goto(`/?today=${today()}`);
  const failed = checker.page.locator('[data-error-code="load-failed"]');
  await expect(failed).toBeVisible({ timeout: 60_000 });
  await expect(failed).toBeFocused();
  await expect(checker.page.locator('h1')).toHaveText('The checker could not load');
  // Not blamed on a photo: there is no photo input to choose one with.
  await expect(checker.photoInput).toHaveCount(0);
  await checker.screenshot('load-failed', testInfo);
  await checker.expectAccessible('load-failed', testInfo);

  await context.unroute(/\/assets\/opencv-[\w-]+\.wasm$/u, fail);
  await checker.page.getByRole('button', { name: 'Try again' }).click();
  await checker.waitUntilReady();
  await expect(checker.photoInput).toBeVisible();
});

test('without JavaScript, the page shows the guidance and says why it cannot check', async ({
  browser,
  baseURL,
  page,
}, testInfo) => {
  const { viewport, isMobile, hasTouch } = testInfo.project.use;
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: false,
    viewport,
    isMobile,
    hasTouch,
  });
  const withoutJs = new CheckerPage(await context.newPage());
  await withoutJs.page.goto('/');
  await expect(withoutJs.page.locator('[data-no-javascript]')).toContainText('needs JavaScript');
  await expect(withoutJs.page.locator('header')).toHaveText(SETTINGS.serviceName);
  await expect(withoutJs.page.locator('h1')).toHaveText('Check your ID photo before you upload it');
  // The same words as the app's own tables.
  const items = (kind: string) => withoutJs.page.locator(`[data-guidance-list="${kind}"] li`).allInnerTexts();
  expect(await items('tick')).toStrictEqual(PHOTO_DOS);
  expect(await items('cross')).toStrictEqual(PHOTO_DONTS);
  const documents = withoutJs.page.locator('h2:has-text("Documents NHS login accepts") + ul li');
  expect(await documents.allInnerTexts()).toStrictEqual(ACCEPTED_DOCUMENTS);
  await expect(withoutJs.page.locator('footer')).toContainText(NOT_NHS_LOGIN);
  await withoutJs.screenshot('no-javascript', testInfo);
  const html = await (await context.request.get('/')).text();
  await context.close();

  // axe needs JavaScript: it reads the same markup, served from the same origin, with the <noscript>
  // unwrapped and the app's script left out.
  const unwrapped = html
    .replace(/<\/?noscript>/gu, '')
    .replace(/<script type="module"[^>]*><\/script>/gu, '')
    .replace(/<link rel="modulepreload"[^>]*>/gu, '');
  await page.route('/no-javascript.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: unwrapped }),
  );
  await page.goto('/no-javascript.html');
  await new CheckerPage(page).expectAccessible('no-javascript', testInfo);
});

test('by default: no NHS logo, the header link named by its text, and the caveat beside the result', async ({
  checker,
}, testInfo) => {
  const photo = pickFixture('expired', 'in-date', 'fail');
  await checker.open(today());
  await expect(checker.page.locator('.nhsuk-header__logo')).toHaveCount(0);
  await expect(checker.page.getByRole('link', { name: SETTINGS.serviceName, exact: true })).toBeVisible();
  await checker.openHelp();
  for (const link of SETTINGS.helpLinks)
    await expect(checker.page.getByRole('link', { name: link.text })).toHaveAttribute('href', link.href);
  await checker.screenshot('help-open', testInfo);
  await checker.expectAccessible('help-open', testInfo);

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await expect(checker.page.locator('.app-verdict')).toContainText(NOT_NHS_LOGIN);
  // Expired more than 12 months ago: the verdict says first that a new photo will not help, then the
  // ways that can (another document in the next steps; without photo ID; the help centre, a link).
  await expect(checker.page.locator('[data-rule="in-date"]')).toHaveAttribute('data-reason', 'expired');
  await expect(checker.page.locator('[data-verdict-body]')).toHaveText(DEAD_END.body);
  const wayForward = checker.page.locator('.app-verdict [data-way-forward]');
  expect(await wayForward.locator('li').allInnerTexts()).toStrictEqual(DEAD_END.gpDetails);
  await expect(wayForward.getByRole('link', { name: DEAD_END.helpCentre })).toHaveAttribute(
    'href',
    'https://help.login.nhs.uk/',
  );
  await expect(checker.page.locator('[data-next-step]').first()).toContainText(
    'Use a different photo ID that is in date, or that expired less than 12 months ago.',
  );
  // Dates written out ("25 May 2024"), never as ISO.
  const main = await checker.main.innerText();
  expect(main).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/u);
  await expect(checker.page.locator('[data-rule="in-date"]')).toContainText(/\d{1,2} [A-Z][a-z]+ \d{4}/u);
  // Countries by name, not ICAO code.
  const issuedBy = checker.page.locator('.nhsuk-summary-list__row', { hasText: 'Issued by' });
  await expect(issuedBy.locator('dd')).not.toHaveText(/^[A-Z<]{1,3}$/u);
  // Each next step said once.
  const steps = await checker.page.locator('[data-next-step]').allInnerTexts();
  expect(new Set(steps).size).toBe(steps.length);
  expect(steps.length).toBeGreaterThan(0);
  // The help is still there.
  await checker.openHelp();
  await checker.screenshot('result-help-open', testInfo);
  await checker.expectAccessible('result-help-open', testInfo);
});

test('a result and an error are each announced once: by focus, not also by a live region', async ({
  checker,
}) => {
  const photo = pickFixture('clean', 'four-corners', 'pass');
  await checker.open(today());
  const spoken = () =>
    checker.page
      .locator('[aria-live], [role="alert"], [role="status"]')
      .evaluateAll((regions) => regions.map((region) => region.textContent ?? '').join(' | '));
  await checker.choosePhoto({ name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) });
  await expect(checker.errorSummary).toBeFocused();
  await expect(checker.errorSummary).toContainText('The selected file is empty');
  expect(await spoken()).not.toContain('selected file');

  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await expect(checker.page.locator('#result-heading')).toBeFocused();
  const heading = await checker.page.locator('#result-heading').innerText();
  expect(await spoken()).not.toContain(heading);
  expect(await spoken()).not.toContain('Check finished');
  for (const rule of RULE_IDS) await checker.expectRule(rule, photo.expected[rule]);
});

test('the code at the bottom of the ID is shown, reachable by keyboard, and not at all for a document without one', async ({
  checker,
}, testInfo) => {
  const passport = pickFixture('clean', 'valid-details', 'pass');
  const licence = fixtureManifest().images.find(
    (image) => image.document.kind === 'uk-driving-licence' && image.document.mrz === null,
  );
  await checker.open(today());
  await checker.choosePhoto(passport.path);
  await checker.waitForResult();
  const code = checker.page.locator('[data-code-row]');
  await expect(code.locator('dt')).toHaveText('The code at the bottom of your ID');
  // It scrolls sideways on a phone: the keyboard can reach it.
  await expect(code.getByRole('region')).toHaveAttribute('tabindex', '0');
  await checker.screenshot('result-code', testInfo);

  if (!licence) throw new Error('The fixtures have no UK driving licence');
  await checker.checkAnother();
  await checker.choosePhoto(join(FIXTURES_DIR, licence.file));
  await checker.waitForResult();
  await expect(checker.page.locator('.nhsuk-summary-list')).toBeVisible();
  await expect(code).toHaveCount(0);
  await checker.screenshot('result-licence', testInfo);
  await checker.expectAccessible('result-licence', testInfo);
});

test('an unsure result says what to do next once, beside the verdict', async ({ checker }, testInfo) => {
  const photo = pickFixture('issuer-mismatch', 'valid-details', 'unsure');
  await checker.open(today());
  await checker.choosePhoto(photo.path);
  await checker.waitForResult();
  await checker.expectRule('valid-details', photo.expected['valid-details']);
  await expect(checker.result).toHaveAttribute('data-verdict', 'unsure');
  await expect(checker.page.locator('.app-verdict [data-next-step]')).not.toHaveCount(0);
  await checker.screenshot('result-unsure', testInfo);
  await checker.expectAccessible('result-unsure', testInfo);
});
