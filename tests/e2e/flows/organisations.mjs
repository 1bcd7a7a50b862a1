// Joining an organisation, the admin's approval, and the directory search
// with and without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { env, asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 120_000 };
const ORG = '/o/exempelby-kommun/';

test('join Exempelby kommun; the admin approves; the profile shows the membership', T, async () => {
  assert.ok(env.newPerson, 'the registration test created a person');
  const person = env.newPerson;
  await asVisitor('new person', async (v) => {
    const { page } = v;
    await logIn(v, person.email, person.password);
    await v.goto(ORG, 'organisation page');
    assert.equal(await page.locator('h1').innerText(), 'Exempelby kommun');
    await page.getByLabel(/Meddelande till administratören/).fill('Jag arbetar på Kommunledningskontoret.');
    await v.navigates(() => page.getByRole('button', { name: 'Ansök om medlemskap' }).click(),
      'organisation page (request sent)');
    await page.getByRole('status').filter({ hasText: 'Din ansökan till Exempelby kommun har skickats' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ansök om medlemskap' }).count(), 0,
      'no second request button');
    await v.goto('/profile', 'profile (request pending)');
    assert.match(await page.locator('main').innerText(), /Du har ansökt om att gå med i:\s*Exempelby kommun/);
  });

  await asVisitor('organisation admin', async (v) => {
    const { page } = v;
    await logIn(v, env.admin);
    await v.goto(ORG, 'organisation page (admin)');
    await v.navigates(() => page.getByRole('link', { name: 'Hantera medlemmar' }).click(), 'members');
    const requests = page.getByRole('table', { name: 'Ansökningar om medlemskap' });
    const row = requests.getByRole('row').filter({ hasText: person.name });
    assert.match(await row.innerText(), /Kommunledningskontoret/);
    await v.navigates(() => row.getByRole('button', { name: `Godkänn ${person.name}` }).click(),
      'members (request approved)');
    await page.getByRole('status').filter({ hasText: 'Ansökan är godkänd' }).waitFor();
    const members = page.getByRole('table', { name: 'Medlemmar och deras roller' });
    assert.match(await members.getByRole('row').filter({ hasText: person.name }).innerText(), /Medarbetare/);
    assert.equal(await page.getByRole('table', { name: 'Ansökningar om medlemskap' }).count(), 0);

    // A wrong e-mail in "give a role" is an error next to the field.
    await page.getByLabel('Personens e-postadress').fill('finns.inte@exempel.se');
    await v.navigates(() => page.getByRole('button', { name: 'Ge roll' }).click(), 'members (give role, error)');
    await page.locator('.error-summary').waitFor();
    assert.equal(await page.getByLabel('Personens e-postadress').inputValue(), 'finns.inte@exempel.se');
  });

  await asVisitor('new member', async (v) => {
    const { page } = v;
    await logIn(v, person.email, person.password);
    await v.goto('/profile', 'profile (member)');
    const table = page.getByRole('table', { name: 'Dina organisationer' });
    const row = table.getByRole('row').filter({ hasText: 'Exempelby kommun' });
    assert.match(await row.innerText(), /Medarbetare/);
    await v.goto(ORG, 'organisation page (member)');
    assert.ok(await page.getByText('Du är medlem här').isVisible());
  });
});

test('the directory search finds Håbo kommun, with JavaScript (live) and without (form)', T, async () => {
  await asVisitor('searcher with JavaScript', async (v) => {
    const { page } = v;
    await v.goto('/organisations', 'organisations');
    // A marker that a full page load would wipe out.
    await page.evaluate(() => { window.__e2eNoReload = true; });
    await page.getByLabel('Sök på namn').pressSequentially('håbo', { delay: 40 });
    const results = page.locator('#organisation-results');
    await results.getByRole('link', { name: 'Håbo kommun' }).waitFor();
    assert.equal(await page.evaluate(() => window.__e2eNoReload), true, 'the list updated in place');
    assert.equal(await results.getByRole('link').count(), 1, 'only Håbo kommun matches');
    assert.match(await results.innerText(), /Antal organisationer: 1\b/);
    assert.match(decodeURIComponent(new URL(page.url()).search), /q=håbo/, 'the address can be shared');
    await v.axe('organisations (live search result)');
    // The focus stays in the search field while the list changes.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'field-q');
  });

  await asVisitor('searcher without JavaScript', async (v) => {
    const { page } = v;
    await v.goto('/organisations', 'organisations (no script)');
    await page.getByLabel('Sök på namn').fill('håbo');
    await v.navigates(() => page.getByRole('button', { name: 'Sök' }).click(), 'organisations (no script, result)');
    const results = page.locator('#organisation-results');
    assert.ok(await results.getByRole('link', { name: 'Håbo kommun' }).isVisible());
    assert.equal(await results.getByRole('link').count(), 1);
    assert.equal(await page.getByLabel('Sök på namn').inputValue(), 'håbo', 'the search words are kept');
    await page.getByLabel('Sök på namn').fill('finns-inte-någonstans');
    await v.navigates(() => page.getByRole('button', { name: 'Sök' }).click(), 'organisations (no script, nothing found)');
    assert.match(await results.innerText(), /Ingen organisation har det namnet/);
  }, { javaScript: false });
});
