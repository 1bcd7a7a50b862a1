// Knowledge bank: an employee describes an experience, the coordinator
// publishes it, another organisation (Uppsala kommun, whose coordinator the
// platform admin appoints here) records that it has adopted it, and the
// spread shows on the case page. Then the document library and a document
// page with its transcript. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 180_000 };
const TITLE = 'Sms-påminnelser minskade uteblivna besök på familjecentralen';

test('publish a case, adopt it from another organisation, see the spread', T, async () => {
  let casePath = '';
  await asVisitor('employee', async (v) => {
    const { page } = v;
    await logIn(v, 'omar.said@exempelby.se');
    await v.goto('/cases', 'case bank');
    await v.navigates(() => page.getByRole('link', { name: 'Beskriv en erfarenhet' }).click(), 'case form');
    await v.navigates(() => page.getByRole('button', { name: 'Spara utkast' }).click(), 'case form (errors)');
    await page.getByRole('link', { name: 'Skriv en rubrik' }).waitFor();
    await page.getByLabel('Rubrik').fill(TITLE);
    await page.getByLabel('Problemet').fill('Var femte familj kom inte till sin tid.');
    await page.getByLabel('Lösningen').fill('Ett sms två dagar före besöket med en länk för att boka om.');
    await page.getByLabel('Mått').fill('Uteblivna besök');
    await page.getByLabel('Före').fill('21');
    await page.getByLabel('Efter').fill('9');
    await page.getByLabel('Enhet').fill('procent');
    await page.getByLabel('Källa').fill('Bokningssystemet 2025');
    await v.navigates(() => page.getByRole('button', { name: 'Spara utkast' }).click(), 'case (draft)');
    await page.getByRole('status').filter({ hasText: 'Utkastet är sparat' }).waitFor();
    casePath = new URL(page.url()).pathname;
    await v.navigates(() => page.getByRole('button', { name: 'Skicka för granskning' }).click(), 'case (in review)');
  });

  await asVisitor('anonymous', async (v) => {
    const response = await v.goto(casePath, 'case in review (not found)');
    assert.equal(response.status(), 404, 'a case in review is not visible to others');
  });

  await asVisitor('coordinator', async (v) => {
    const { page } = v;
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto(casePath, 'case (review)');
    await v.navigates(() => page.getByRole('button', { name: 'Publicera' }).click(), 'case (published)');
    await page.getByRole('status').filter({ hasText: 'publicerad' }).waitFor();
  });

  await asVisitor('platform admin', async (v) => {
    const { page } = v;
    await logIn(v, 'admin@nyttig.example.org');
    await v.goto('/o/uppsala-kommun/members', 'Uppsala members');
    await page.getByLabel('Personens e-postadress').fill('lena.holm@exempelby.se');
    await page.getByLabel('Roll').selectOption('coordinator');
    await v.navigates(() => page.getByRole('button', { name: 'Ge roll' }).click(), 'Uppsala members (granted)');
  });

  await asVisitor('adopter', async (v) => {
    const { page } = v;
    await logIn(v, 'lena.holm@exempelby.se');
    await v.goto(casePath, 'case (to adopt)');
    assert.match(await page.locator('#spread').innerText(), /Ingen annan organisation/);
    await page.getByLabel('Organisation').selectOption({ label: 'Uppsala kommun' });
    await page.getByLabel('Vi provar detta').check();
    await page.getByLabel('Omfattning, till exempel vilka verksamheter').fill('Två familjecentraler');
    await v.navigates(() => page.getByRole('button', { name: 'Berätta att ni infört detta' }).click(), 'case (adopted)');
    await page.getByRole('status').filter({ hasText: 'Ert införande syns nu' }).waitFor();
    const spread = await page.getByRole('table', { name: 'Organisationer som har infört eller provar detta' }).innerText();
    assert.match(spread, /Uppsala kommun\s+Vi provar detta/);
    assert.match(await page.locator('#spread').innerText(), /Uppsala län: 1/);
  });

  await asVisitor('visitor', async (v) => {
    const { page } = v;
    await v.goto('/cases', 'case bank (published)');
    assert.match(await page.locator('main').innerText(), new RegExp(TITLE));
    await v.goto('/documents', 'document library');
    await v.navigates(() => page.getByRole('link', { name: /Innovationsstrategi för Exempelby/ }).click(), 'document page');
    const main = await page.locator('main').innerText();
    assert.match(main, /Kommunfullmäktige/);
    assert.match(main, /Varje förvaltning prövar minst en ny lösning per år/);
    assert.ok(await page.getByRole('link', { name: 'Ladda ned originalet' }).isVisible());
    assert.ok(await page.getByRole('heading', { name: 'Relaterade dokument' }).isVisible());
  });
});
