import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responsibilityListToCsv, type MatterDefinition } from '@tongban/engine';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * An administrator keeps the responsibility list in a spreadsheet: exports it, changes a time limit and
 * a cooperating department, imports it back. The changed matter gets a new version, which routes and
 * times the next case; a broken file is refused by row and column, and nothing of it is stored.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const matterKey = 'd1.subsistence-allowance';

async function exported(): Promise<string> {
  const admin = await h.login('admin');
  const response = await h.call(admin, { method: 'GET', url: '/api/responsibility-list.csv' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
  return response.body;
}

async function imported(csv: string) {
  const admin = await h.login('admin');
  return h.call(admin, {
    method: 'POST',
    url: '/api/responsibility-list',
    payload: csv,
    headers: { 'content-type': 'text/csv', 'accept-language': 'en' },
  });
}

/** The CSV with the matter's row changed by `edit` (the row is plain: no quoted cells in it). */
function withRow(csv: string, edit: (cells: string[]) => void): string {
  return csv
    .split('\r\n')
    .map((line) => {
      if (!line.startsWith(`${matterKey},`)) return line;
      const cells = line.split(',');
      edit(cells);
      return cells.join(',');
    })
    .join('\r\n');
}

describe('the responsibility list as a spreadsheet', () => {
  it('should publish a changed matter as a new version that times and routes the next case', async () => {
    // given the exported list, with 20 working days for the subsistence allowance and no cooperating department
    const csv = await exported();
    const before = (await h.runtime.definitions.current()).get('matter', matterKey);
    expect(before?.timeLimit).toEqual({ workingDays: 20 });
    expect(csv).toContain(`${matterKey},${before?.version},`);

    // when the administrator shortens it to 15 working days, adds civil affairs' neighbour, and imports it
    const response = await imported(
      withRow(csv, (cells) => {
        cells[6] = 'd1.renshe';
        cells[7] = '15 working days';
      }),
    );

    // then exactly that matter is published anew, and the rest is left alone
    expect(response.statusCode).toBe(200);
    const body = response.json() as { published: string[]; unchanged: number };
    expect(body.published).toEqual([`matter:${matterKey}@${(before?.version ?? 0) + 1}`]);
    expect(body.unchanged).toBe((await h.runtime.definitions.current()).all('matter').length - 1);
    const after = (await h.runtime.definitions.current()).get('matter', matterKey);
    expect(after).toMatchObject({ timeLimit: { workingDays: 15 }, cooperating: ['d1.renshe'] });

    // and a case started now is due 15 working days out: from Monday 2026-03-09 09:00, the end of Friday
    // 03-27 (20 working days, the old limit, would have been Friday 04-03)
    const resident = await h.login('resident');
    const started = await h.call(resident, {
      method: 'POST',
      url: '/api/cases',
      payload: { matter: matterKey, data: applicantData },
    });
    expect(started.statusCode).toBe(201);
    const kase = started.json() as { dueAt: string };
    expect(kase.dueAt.slice(0, 10)).toBe('2026-03-27');

    // and importing the same file again changes nothing
    const again = await imported(await exported());
    expect(again.json()).toMatchObject({ published: [] });
  });

  it('should refuse a list with problems by row and column, storing nothing', async () => {
    // given a file whose subsistence-allowance row names a department that does not exist and no time limit unit
    const csv = await exported();
    const row = csv.split('\r\n').findIndex((line) => line.startsWith(`${matterKey},`)) + 1;
    const versionBefore = (await h.runtime.definitions.current()).get('matter', matterKey)?.version;

    const unreadable = await imported(withRow(csv, (cells) => (cells[7] = 'twenty days')));
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json()).toMatchObject({
      error: 'TB_LIST_INVALID',
      details: [{ path: `/rows/${row}/timeLimit` }],
    });

    const invalid = await imported(withRow(csv, (cells) => (cells[5] = 'd9.nowhere')));
    expect(invalid.statusCode).toBe(422);
    const details = (invalid.json() as { details: Array<{ path: string; message: string }> }).details;
    expect(details.map((detail) => detail.path)).toEqual([`/rows/${row}/lead`]);
    expect(details[0]?.message).toContain('d9.nowhere');

    // then the matter in force is the one before
    expect((await h.runtime.definitions.current()).get('matter', matterKey)?.version).toBe(versionBefore);
  });

  it('should export a title a spreadsheet would run as text, and import it back unchanged', async () => {
    // given a matter whose titles are a formula and a text that really starts with a quote
    const admin = await h.login('admin');
    const current = (await h.runtime.definitions.current()).get('matter', matterKey) as MatterDefinition;
    const { description: _description, ...matter } = current;
    const hostile = {
      ...matter,
      version: current.version + 1,
      title: { 'zh-CN': "=cmd|' /C calc'!A0", en: "'quoted' on purpose" },
    };
    const uploaded = await h.call(admin, { method: 'POST', url: '/api/definitions', payload: hostile });
    expect(uploaded.statusCode).toBe(201);
    const published = await h.call(admin, {
      method: 'POST',
      url: `/api/definitions/matter/${matterKey}/${hostile.version}/publish`,
    });
    expect(published.statusCode).toBe(200);

    // when the list is exported
    const csv = await exported();

    // then the formula is a text cell (a leading '), and the quote that was there is doubled
    const row = csv.split('\r\n').find((line) => line.startsWith(`${matterKey},`));
    expect(row).toContain(`,${hostile.version},"'=cmd|' /C calc'!A0","''quoted' on purpose",`);

    // and importing the export publishes nothing: the titles read back exactly as they were
    const again = await imported(csv);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ published: [] });
    expect((await h.runtime.definitions.current()).get('matter', matterKey)).toMatchObject({
      version: hostile.version,
      title: hostile.title,
    });
  });

  it('should refuse an event type no report form offers, or one another matter takes, by row and column', async () => {
    const matters = (await h.runtime.definitions.current()).all('matter');
    /** The list with `edit` applied, and the spreadsheet row of a matter in it (rows go by key). */
    const list = (edit: (matters: MatterDefinition[]) => MatterDefinition[]) => {
      const edited = edit(structuredClone(matters)).sort((a, b) => a.key.localeCompare(b.key));
      const rowOf = (key: string) => edited.findIndex((matter) => matter.key === key) + 2;
      return { csv: responsibilityListToCsv(edited), rowOf };
    };
    const versions = () => matters.map((matter) => matter.version);

    // given the subsistence allowance taking "garbage" reports, which its application form has no place for
    const notOffered = list((all) =>
      all.map((matter) => (matter.key === matterKey ? { ...matter, eventTypes: ['garbage'] } : matter)),
    );
    const refused = await imported(notOffered.csv);
    expect(refused.statusCode).toBe(422);
    const details = (refused.json() as { details: Array<{ path: string; message: string }> }).details;
    expect(details.map((detail) => detail.path)).toEqual([`/rows/${notOffered.rowOf(matterKey)}/eventTypes`]);
    expect(details[0]?.message).toContain('standard-application');

    // given a list without the garbage row whose noise row takes garbage too: d1.garbage, in force, has it
    const claimed = list((all) =>
      all
        .filter((matter) => matter.key !== 'd1.garbage')
        .map((matter) =>
          matter.key === 'd1.noise' ? { ...matter, eventTypes: ['noise', 'garbage'] } : matter,
        ),
    );
    const taken = await imported(claimed.csv);
    expect(taken.statusCode).toBe(422);
    const named = (taken.json() as { details: Array<{ path: string; message: string }> }).details;
    expect(named.map((detail) => detail.path)).toEqual([`/rows/${claimed.rowOf('d1.noise')}/eventTypes`]);
    expect(named[0]?.message).toContain('d1.garbage');

    // then nothing was published
    expect((await h.runtime.definitions.current()).all('matter').map((matter) => matter.version)).toEqual(
      versions(),
    );
  });

  it('should refuse a body that is not CSV text', async () => {
    const admin = await h.login('admin');
    const response = await h.call(admin, {
      method: 'POST',
      url: '/api/responsibility-list',
      payload: { key: matterKey },
    });
    expect(response.statusCode).toBe(400);
  });
});
