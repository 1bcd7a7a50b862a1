// The accessibility statement and the feedback form (no log-in needed), and
// the other public pages: forgotten password, reset link, a missing page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor } from '../lib/env.mjs';

const T = { timeout: 120_000 };

test('accessibility feedback works without logging in and gives a receipt number', T, async () => {
  await asVisitor('citizen with feedback', async (v) => {
    const { page } = v;
    await v.goto('/organisations', 'organisations');
    await v.navigates(() => page.locator('footer').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click(),
      'accessibility statement');
    assert.equal(await page.locator('h1').innerText(), 'Tillgänglighetsredogörelse');
    await v.navigates(() => page.locator('footer').getByRole('link', { name: 'Rapportera brist i tillgänglighet' }).click(),
      'accessibility feedback');
    assert.equal(await page.locator('h1').innerText(), 'Synpunkter på tillgänglighet');
    assert.equal(await page.locator('input[name=page_url]').inputValue(), '/accessibility',
      'the form knows which page the problem was on');

    await v.navigates(() => page.getByRole('button', { name: 'Skicka' }).click(), 'accessibility feedback (with errors)');
    await page.locator('.error-summary').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), true);
    assert.equal(await page.locator('.error-summary a').getAttribute('href'), '#field-message');
    assert.equal(await page.locator('#field-message').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('Vad fungerade inte?').fill('Knappen Skicka syns dåligt när jag förstorar till 400 %.');
    await page.getByLabel(/E-post eller telefon/).fill('sara@example.org');
    await v.navigates(() => page.getByRole('button', { name: 'Skicka' }).click(), 'accessibility feedback (receipt)');
    const receipt = page.getByRole('status');
    assert.match(await receipt.innerText(), /Tack för dina synpunkter!/);
    assert.match(await receipt.innerText(), /De har nummer \d+\./);
  });
});

test('forgotten password, reset link and a missing page', T, async () => {
  await asVisitor('person who forgot', async (v) => {
    const { page } = v;
    await v.goto('/login', 'log-in');
    await v.navigates(() => page.getByRole('link', { name: 'Har du glömt ditt lösenord?' }).click(), 'forgot password');
    await v.navigates(() => page.getByRole('button', { name: 'Skicka länk' }).click(), 'forgot password (with errors)');
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('E-postadress').fill('ingen.alls@exempel.se');
    await v.navigates(() => page.getByRole('button', { name: 'Skicka länk' }).click(), 'forgot password (sent)');
    assert.match(await page.getByRole('status').innerText(), /Om adressen hör till ett konto/);

    await v.goto('/password/reset?token=inte-en-riktig-nyckel', 'reset password');
    await page.getByLabel('Nytt lösenord').fill('ett helt nytt lösenord');
    await v.navigates(() => page.getByRole('button', { name: 'Spara lösenord' }).click(), 'reset password (bad link)');
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('main').innerText(), /Länken fungerar inte längre/);

    const res = await v.goto('/finns/inte', 'missing page');
    assert.equal(res.status(), 404);
    assert.ok(await page.getByRole('link', { name: 'Till startsidan' }).isVisible());
  });
});
