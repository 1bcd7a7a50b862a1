// Pilots: a coordinator plans a pilot, imports measurements (first with a bad
// row, which imports nothing and lists the row), reads the evaluation, and a
// decision-maker records the decision. Every page is checked with axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asVisitor, logIn } from '../lib/env.mjs';

const T = { timeout: 180_000 };
const TITLE = 'Kvällsöppet bibliotek med självservice';

function measurementsCsv() {
  const rows = ['unit,group,period,metric,value'];
  const units = [['Centrumbiblioteket', 'pilot'], ['Åby bibliotek', 'pilot'], ['Strandens bibliotek', 'pilot'],
    ['Norrskolans bibliotek', 'comparison'], ['Kyrkbackens bibliotek', 'comparison'], ['Västerbiblioteket', 'comparison']];
  units.forEach(([unit, group], idx) => {
    for (const [period, lift] of [['2026-03-02', 0], ['2026-03-09', 0], ['2026-04-06', 1], ['2026-04-13', 1]]) {
      const value = 120 + idx * 7 + (group === 'pilot' ? lift * 35 : lift * 2) + (period.endsWith('09') ? 3 : 0);
      rows.push(`${unit},${group},${period},Besökare per kväll,${value}`);
    }
  });
  return rows.join('\n') + '\n';
}

test('plan a pilot, import measurements, see the evaluation, record the decision', T, async () => {
  let pilotPath = '';
  await asVisitor('coordinator', async (v) => {
    const { page } = v;
    await logIn(v, 'anna.berg@exempelby.se');
    await v.goto('/pilots', 'pilot list');
    await v.navigates(() => page.getByRole('link', { name: 'Planera ett försök' }).click(), 'plan form');
    await page.getByLabel('Rubrik').fill(TITLE);
    await page.getByLabel('Vad tror ni ska hända?').fill('Fler kommer till biblioteket när det är öppet på kvällen utan personal.');
    await page.getByLabel('Hur jämför ni?').selectOption('did');
    await page.getByLabel('Mätningen före försöket börjar').fill('2026-03-01');
    await page.getByLabel('Försöket börjar', { exact: true }).fill('2026-04-01');
    await page.getByLabel('Försöket slutar').fill('2026-09-30');
    await page.getByLabel('Enheter i försöket').fill('Centrumbiblioteket\nÅby bibliotek\nStrandens bibliotek');
    await page.getByLabel('Enheter att jämföra med').fill('Norrskolans bibliotek\nKyrkbackens bibliotek\nVästerbiblioteket');
    const first = page.getByRole('group', { name: 'Mått 1' });
    await first.getByLabel('Vad ni mäter').fill('Besökare per kväll');
    await first.getByLabel('Enhet', { exact: true }).fill('personer');
    await first.getByLabel('Utgångsläge').fill('130');
    await v.navigates(() => page.getByRole('button', { name: 'Spara planen' }).click(), 'pilot overview (created)');
    await page.getByRole('status').filter({ hasText: 'Försöket är planerat' }).waitFor();
    pilotPath = new URL(page.url()).pathname;
    await v.navigates(() => page.getByRole('button', { name: 'Starta försöket' }).click(), 'pilot overview (running)');
    assert.match(await page.locator('main').innerText(), /Pågår/);

    await v.navigates(() => page.getByRole('link', { name: 'Fyll i eller läs in mätvärden' }).click(), 'measurements');
    await page.getByLabel('CSV-innehåll').fill(measurementsCsv() + 'Centrumbiblioteket,pilot,2026-04-20,Besökare per kväll,många\n');
    await v.navigates(() => page.getByRole('button', { name: 'Läs in värdena' }).click(), 'measurements (import errors)');
    const report = page.getByRole('table', { name: 'Rader som behöver rättas' });
    assert.match(await report.innerText(), /26\s+value\s+Värdet måste vara ett tal/);
    assert.match(await page.locator('main').innerText(), /Inga mätvärden ännu/);
    await page.getByLabel('CSV-innehåll').fill(measurementsCsv());
    await v.navigates(() => page.getByRole('button', { name: 'Läs in värdena' }).click(), 'measurements (imported)');
    await page.getByRole('status').filter({ hasText: '24 värden är inlästa' }).waitFor();

    await v.navigates(() => page.getByRole('link', { name: 'Utvärdering', exact: true }).click(), 'evaluation');
    const main = await page.locator('main').innerText();
    assert.match(main, /Skillnad i skillnader/);
    assert.match(main, /3 i försöket, 3 att jämföra med/);
    assert.doesNotMatch(main, /NaN|Infinity/);
    assert.ok(await page.getByRole('table', { name: /Besökare per kväll \(personer\)/ }).isVisible());
    assert.equal(await page.locator('figure.chart svg').count(), 2, 'the metric over time and the effect');
  });

  await asVisitor('decision maker', async (v) => {
    const { page } = v;
    await logIn(v, 'lena.holm@exempelby.se');
    await v.goto(pilotPath, 'pilot overview (decision maker)');
    await v.navigates(() => page.getByRole('link', { name: 'Fatta beslut om försöket' }).click(), 'decision form');
    await v.navigates(() => page.getByRole('button', { name: 'Spara beslutet' }).click(), 'decision form (errors)');
    await page.locator('.error-summary').waitFor();
    await page.getByLabel('Skala upp').check();
    await page.getByLabel('Motivering').fill('Besöken ökade tydligt i försöksbiblioteken.');
    await page.getByLabel('Det här har vi lärt oss').fill('Självservice fungerar när det finns tydlig skyltning.');
    await v.navigates(() => page.getByRole('button', { name: 'Spara beslutet' }).click(), 'pilot overview (decided)');
    await page.getByRole('status').filter({ hasText: 'Beslutet är sparat' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Skala upp[\s\S]*tydlig skyltning/);
  });
});
