import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { expect, test, watchErrors, type Page } from './test';
import { startServerWithDemo, type RunningServer } from './server-fixture';
import { giasExtract, giasLinks, writeGias } from '../fixtures/gias/generate';

/**
 * The one import wizard on the questions only some files raise: a CSV whose encoding the bytes do
 * not tell, dates that could be day or month first, a commit refused because the data changed since
 * its preview, and school data from GIAS with its links file. Each step is looked at in both sizes.
 */
let server: RunningServer;
test.beforeAll(async () => {
  server = await startServerWithDemo();
});
test.afterAll(async () => {
  await server.stop();
});

interface SchoolRow {
  schoolId: number;
  urn: string;
  name: string;
  hubName: string;
  pupils: number;
}

const shots = 'test-results/screens';
async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/wizard-${name}-${width}.png` });
  }
}

async function openImports(page: Page, kind: RegExp) {
  await page.goto(server.entryUrl);
  await expect(page.getByRole('heading', { name: 'Network' })).toBeVisible();
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible();
  await page.getByRole('radio', { name: kind }).check();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-wizard-e2e-'));
// A roll into the year after the demo's latest, which the import creates: every row is a joiner.
const NEW_YEAR = '2027/28';

test('a roll saved as "CSV (Macintosh)": the wizard asks its encoding, imports the names right, and the last step undoes it', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const schools = await (async () => {
    await page.goto(server.entryUrl);
    return server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  })();
  const aspire = schools.filter((s) => s.hubName === 'Aspire Hub');
  // The ™ reads as a letter in Windows-1252 and DOS Latin and the ’ as a capital inside a word: no reading is plausible, so nothing is guessed.
  const text = ['URN,School name,Hub,Pupils,Notes', `${aspire[0]!.urn},St Anne’s Catholic Primary School,Aspire Hub,420,ThinkWell™ partner`, `${aspire[1]!.urn},${aspire[1]!.name},Aspire Hub,${aspire[1]!.pupils},`].join('\r\n');
  const file = path.join(dir, 'roll-mac.csv');
  fs.writeFileSync(file, iconv.encode(`${text}\r\n`, 'macintosh'));

  await openImports(page, /Membership roll/);
  await page.getByLabel('Year of the roll').selectOption(NEW_YEAR);
  await page.getByLabel('Roll file').setInputFiles(file);
  const question = page.getByRole('region', { name: 'Which encoding reads roll-mac.csv right?' });
  await expect(question).toBeVisible();
  await expect(question.getByText('St Anne’s Catholic Primary School,Aspire Hub,420,ThinkWell™ partner')).toBeVisible();
  await expect(question.getByText(/St AnneÕs/)).toBeVisible();
  await shoot(page, '01-encoding-question');
  await question.getByRole('button', { name: 'Read roll-mac.csv as Mac Roman' }).click();
  await expect(page.getByText('roll-mac.csv is read as Mac Roman, as you chose.')).toBeVisible();
  await expect(question).toHaveCount(0);
  await shoot(page, '02-mapping');

  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('heading', { name: `What this import would change in ${NEW_YEAR}` })).toBeVisible();
  await expect(page.getByText(/· Mac Roman/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Joiners' }).getByText('St Anne’s Catholic Primary School')).toBeVisible();
  await shoot(page, '03-preview');
  await page.getByRole('button', { name: `Import into ${NEW_YEAR}` }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeFocused();
  const record = await server.call<{ name: string }>(page, 'schoolRecord', { schoolId: aspire[0]!.schoolId });
  expect(record.name).toBe('St Anne’s Catholic Primary School');
  await shoot(page, '04-done');

  // Undo from the last step, after confirming (Cancel has the focus: Enter does not undo by accident).
  await page.getByRole('button', { name: 'Undo this import…' }).click();
  const dialog = page.getByRole('dialog', { name: /Undo import #\d+\?/ });
  await expect(dialog.getByText(/puts back every school, membership and contact/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shoot(page, '05-undo-confirm');
  await dialog.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByText(/Import #\d+ \(roll-mac\.csv\) was undone: \d+ rows restored/)).toBeVisible();
  await expect(page.getByText('Drop the membership roll here')).toBeVisible();
  expect((await server.call<{ name: string }>(page, 'schoolRecord', { schoolId: aspire[0]!.schoolId })).name).toBe(aspire[0]!.name);
  expect(errors).toEqual([]);
});

test('dates that could be day or month first: the preview asks, nothing is imported until answered, and the keyboard drives the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(server.entryUrl);
  const aspire = (await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' })).filter((s) => s.hubName === 'Aspire Hub');
  const rows = aspire.slice(0, 3).map((s, i) => `${s.urn},${s.name},Aspire Hub,${s.pupils},0${i + 3}/04/2027`);
  const file = path.join(dir, 'roll-us-dates.csv');
  fs.writeFileSync(file, ['URN,School name,Hub,Pupils,Fee paid', ...rows].join('\n') + '\n');

  await openImports(page, /Membership roll/);
  await page.getByLabel('Year of the roll').selectOption(NEW_YEAR);
  await page.getByLabel('Roll file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  const question = page.getByRole('group', { name: 'Are the dates in “Fee paid” day first or month first?' });
  await expect(question).toBeVisible();
  await expect(question.getByRole('radio', { name: /^Day first/ })).toBeChecked();
  const importButton = page.getByRole('button', { name: `Import into ${NEW_YEAR}` });
  await expect(importButton).toBeDisabled();
  await shoot(page, '06-date-question');

  await question.getByRole('radio', { name: /^Month first/ }).check();
  await question.getByRole('button', { name: 'Read the dates month first' }).click();
  await expect(page.getByText(/Dates in “Fee paid” are read month first .*, as you chose\./)).toBeVisible();
  await expect(question).toHaveCount(0);
  await expect(importButton).toBeEnabled();
  await shoot(page, '07-date-chosen');

  // Esc goes back to the columns; "Check the rows" returns to the preview, whose summary has the focus; Enter imports.
  await page.locator('body').press('Escape');
  await expect(page.getByRole('heading', { name: 'Map the columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByRole('group', { name: 'Summary' })).toBeFocused();
  await expect(page.getByText('Enter imports · Esc goes back')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  const form = await server.call<unknown>(page, 'membershipForm', { schoolId: aspire[0]!.schoolId, year: NEW_YEAR });
  expect(JSON.stringify(form)).toContain('2027-03-04');

  // The same headers next time: the order chosen is remembered, nothing is asked.
  await page.getByRole('button', { name: 'Import another file' }).click();
  await page.getByLabel('Roll file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByText(/read month first .*, as chosen before for files with these headers/)).toBeVisible();
  await expect(question).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a commit refused because the data changed since the preview: the wizard says so, previews again, then imports', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(server.entryUrl);
  const aspire = (await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' })).filter((s) => s.hubName === 'Aspire Hub');
  const file = path.join(dir, 'roll-2028-29.csv');
  fs.writeFileSync(file, ['URN,School name,Hub,Pupils', ...aspire.slice(0, 2).map((s) => `${s.urn},${s.name},Aspire Hub,${s.pupils}`)].join('\n') + '\n');
  const years = await server.call<{ years: { label: string }[] }>(page, 'getStatus', {});
  const target = [...years.years.map((y) => y.label)].sort().at(-1) === NEW_YEAR ? '2028/29' : NEW_YEAR;

  await openImports(page, /Membership roll/);
  await page.getByLabel('Year of the roll').selectOption(target);
  await page.getByLabel('Roll file').setInputFiles(file);
  await page.getByRole('button', { name: 'Check the rows' }).click();
  await expect(page.getByText(`the year ${target} will be created`)).toBeVisible();
  // Meanwhile a roll for that year is imported elsewhere (another window, the CLI), which creates the
  // year: the preview no longer holds.
  const first = aspire[0]!;
  const elsewhere = Buffer.from(['URN,School name,Hub,Pupils', `${first.urn},${first.name},Aspire Hub,${first.pupils}`].join('\n') + '\n');
  const preview = await server.call<{ stagingId: string; sha256: string; diffHash: string }>(page, 'previewRollImport', {
    fileName: 'other-window.csv',
    contentBase64: elsewhere.toString('base64'),
    year: target,
    confirmWarnings: true,
  });
  await server.call(page, 'commitRollImport', { year: target, confirmWarnings: true, stagingId: preview.stagingId, sha256: preview.sha256, diffHash: preview.diffHash });
  await page.getByRole('button', { name: `Import into ${target}` }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The preview no longer holds: nothing was imported' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByText(/The data changed since roll-2028-29\.csv was previewed/)).toBeVisible();
  await shoot(page, '08-guard-refusal');
  const batches = await server.call<{ fileName: string }[]>(page, 'listImportBatches', {});
  expect(batches.some((b) => b.fileName === 'roll-2028-29.csv')).toBe(false);

  await refusal.getByRole('button', { name: 'Preview again' }).click();
  await expect(refusal).toHaveCount(0);
  await expect(page.getByText(`the year ${target} will be created`)).toHaveCount(0);
  await page.getByRole('button', { name: `Import into ${target}` }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('school data from GIAS with its links file: changes per school, pupils only when asked, a closed school merged into its successor', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(server.entryUrl);
  const aspire = (await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' })).filter((s) => s.hubName === 'Aspire Hub');
  const [open, closing] = [aspire[3]!, aspire[4]!];
  const extract = writeGias(
    dir,
    'edubasealldata20261130.csv',
    giasExtract([
      { urn: open.urn, name: open.name, headFirst: 'Siân', headLast: 'Ó Briain', postcode: 'L36 9TT', pupils: open.pupils + 37, censusDate: '15-01-2026' },
      { urn: closing.urn, name: closing.name, status: 'Closed', closeDate: '31-08-2026', closeReason: 'Academy converter', pupils: closing.pupils },
      { urn: '149877', name: 'Harbour Lights Academy', pupils: closing.pupils, censusDate: '15-01-2026' },
      { urn: '100001', name: 'Not A Member School' },
    ]),
  );
  const links = writeGias(dir, 'links_edubasealldata20261130.csv', giasLinks([{ urn: closing.urn, linkUrn: '149877', linkName: 'Harbour Lights Academy', linkType: 'Successor' }]));

  await openImports(page, /School data \(GIAS\)/);
  await expect(page.getByText('Drop the GIAS extract here')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Closed member schools' })).toBeVisible();
  await page.getByLabel('GIAS links file').setInputFiles(links);
  await expect(page.getByText(/GIAS’s links file: links_edubasealldata20261130\.csv, read with the file above/)).toBeVisible();
  await shoot(page, '09-gias-file');
  await page.getByLabel('GIAS extract').setInputFiles(extract);
  await expect(page.getByRole('heading', { name: 'What this school data would change' })).toBeVisible();
  await expect(page.getByText(/with links_edubasealldata20261130\.csv/)).toBeVisible();
  await expect(page.getByText(/the roll’s pupils are left alone/)).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes by school' });
  await expect(changes.getByRole('row').filter({ hasText: open.urn }).getByText(/Siân Ó Briain/)).toBeVisible();
  const closed = page.getByRole('table', { name: 'Closed member schools' }).first();
  await expect(closed.getByRole('row').filter({ hasText: closing.urn }).getByText('Harbour Lights Academy (149877)')).toBeVisible();
  await expect(page.getByRole('table', { name: /Pupils for/ })).toHaveCount(0);
  await shoot(page, '10-gias-preview');

  // The roll's pupils (which fund the hubs) follow GIAS only when the person names the year.
  await page.getByLabel("Set the roll's pupils from GIAS for").selectOption('2026/27');
  const pupils = page.getByRole('table', { name: 'Pupils for 2026/27' });
  await expect(pupils.getByRole('row').filter({ hasText: open.urn }).getByText('+37')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Funding effect' }).getByText('Aspire Hub')).toBeVisible();
  await shoot(page, '11-gias-pupils');
  await page.getByRole('button', { name: /^Update \d+ schools?$/ }).click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  const history = page.getByRole('table', { name: 'Import history' });
  await expect(history.locator('tbody tr').filter({ hasText: 'edubasealldata20261130.csv' }).getByRole('cell', { name: 'School data (GIAS)', exact: true })).toBeVisible();
  const after = await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  expect(after.find((s) => s.urn === open.urn)!.pupils).toBe(open.pupils + 37);

  // The closed member school, merged into its successor (added from the extract) in one dialog.
  const list = page.locator('section', { has: page.getByRole('heading', { name: 'Member schools GIAS shows as closed' }) });
  const row = list.getByRole('row').filter({ hasText: closing.urn });
  await expect(row.getByText('Harbour Lights Academy (149877)')).toBeVisible();
  await shoot(page, '12-gias-done');
  await row.getByRole('button', { name: 'Merge into the successor…' }).click();
  const dialog = page.getByRole('dialog', { name: `Merge ${closing.name} into another record` });
  await expect(dialog.getByTestId('merge-kept')).toHaveText('Harbour Lights Academy (URN 149877)');
  await shoot(page, '13-gias-merge');
  await dialog.getByRole('button', { name: 'Merge records' }).click();
  await expect(dialog).toHaveCount(0);
  const merged = await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' });
  expect(merged.find((s) => s.urn === '149877')?.hubName).toBe('Aspire Hub');
  expect(merged.some((s) => s.urn === closing.urn)).toBe(false);
  expect(errors).toEqual([]);
});

test('GIAS files saved as "CSV (Macintosh)": the wizard asks each file’s encoding, naming the file, and imports the names right', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(server.entryUrl);
  const school = (await server.call<SchoolRow[]>(page, 'listSchools', { year: '2026/27' })).filter((s) => s.hubName === 'Aspire Hub')[5]!;
  // Mac Roman's ’ and á read as Õ and ‡ in Windows-1252, and its ™ after a letter is plausible in no encoding: each file is asked about.
  const extract = writeGias(dir, 'edubase-mac.csv', giasExtract([{ urn: school.urn, name: school.name, headFirst: 'Siobhán', headLast: 'O’Neill', trust: 'St Anne’s ThinkWell™ Learning Trust' }], { encoding: 'macintosh' }));
  const links = writeGias(dir, 'links-mac.csv', giasLinks([{ urn: school.urn, linkUrn: '149878', linkName: 'St Anne’s ThinkWell™ Academy', linkType: 'Predecessor' }], { encoding: 'macintosh' }));

  await openImports(page, /School data \(GIAS\)/);
  await expect(page.getByLabel('Text encoding of a CSV file')).toHaveCount(0);
  await page.getByLabel('GIAS links file').setInputFiles(links);
  await page.getByLabel('GIAS extract').setInputFiles(extract);
  const extractQuestion = page.getByRole('region', { name: 'Which encoding reads edubase-mac.csv right?' });
  const linksQuestion = page.getByRole('region', { name: 'Which encoding reads links-mac.csv right?' });
  await expect(extractQuestion.getByText(/"St Anne’s ThinkWell™ Learning Trust"/)).toBeVisible();
  await expect(extractQuestion.getByText(/"St AnneÕs ThinkWellª Learning Trust"/)).toBeVisible();
  await expect(linksQuestion.getByText('"St Anne’s ThinkWell™ Academy"', { exact: false })).toBeVisible();
  const update = page.getByRole('button', { name: /^Update \d+ schools?$/ });
  await expect(update).toBeDisabled();
  await shoot(page, '14-gias-encoding-questions');

  await extractQuestion.getByRole('button', { name: 'Read edubase-mac.csv as Mac Roman' }).click();
  await expect(page.getByText('edubase-mac.csv is read as Mac Roman, as you chose.')).toBeVisible();
  await expect(extractQuestion).toHaveCount(0);
  await expect(linksQuestion).toBeVisible();
  await expect(update).toBeDisabled();
  await linksQuestion.getByRole('button', { name: 'Read links-mac.csv as Mac Roman' }).click();
  await expect(page.getByText('links-mac.csv is read as Mac Roman, as you chose.')).toBeVisible();
  await expect(linksQuestion).toHaveCount(0);
  await expect(page.getByText(/with links-mac\.csv \(Mac Roman\) · CSV · Mac Roman/)).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes by school' });
  await expect(changes.getByRole('row').filter({ hasText: school.urn }).getByText(/Siobhán O’Neill/)).toBeVisible();
  await expect(changes.getByRole('row').filter({ hasText: school.urn }).getByText(/St Anne’s ThinkWell™ Learning Trust/)).toBeVisible();
  await shoot(page, '15-gias-encoding-chosen');
  await update.click();
  await expect(page.getByRole('heading', { name: 'Imported' })).toBeVisible({ timeout: 30_000 });
  const record = await server.call<{ headteacher: string | null; trust: string | null }>(page, 'schoolRecord', { schoolId: school.schoolId });
  expect(record).toMatchObject({ headteacher: 'Siobhán O’Neill', trust: 'St Anne’s ThinkWell™ Learning Trust' });
  expect(errors).toEqual([]);
});
