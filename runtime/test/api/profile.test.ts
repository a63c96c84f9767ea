import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantData, createHarness, type Harness } from '../support/harness.js';

/**
 * Collect once (一次采集、多方复用): what a signed-in resident submits under a data element is kept and
 * prefills their next application, matter or bundle, with the prefilled fields named so the form can
 * show them (and the resident change them). Nobody the server does not know gets anything prefilled.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Prefill {
  data: Record<string, unknown>;
  prefilled: Array<{ path: string; element: string; sensitive: boolean }>;
}

const senior = {
  person: { name: '李秀英', idNumber: '11010519491231002X', birthDate: '1949-12-31', phone: '13800000002' },
  address: { residential: '北京市东城区和平街 5 号' },
  choice: { busCard: false, healthCheck: false },
  consent: true,
};

describe('collect once', () => {
  it('should keep what a resident submitted and prefill the next application with it, saying what was prefilled', async () => {
    // given a senior services application
    expect(
      (await h.request('resident', 'POST', '/api/bundles/d1.senior-services/applications', { data: senior }))
        .statusCode,
    ).toBe(201);

    // then its data elements are kept, the ID number marked sensitive
    const kept = (await h.request('resident', 'GET', '/api/me/profile')).json<{ items: unknown[] }>()
      .items as Array<{
      element: string;
      sensitive: boolean;
    }>;
    expect(kept.map((entry) => entry.element)).toEqual([
      'address.residential',
      'person.birthDate',
      'person.idNumber',
      'person.name',
      'person.phone',
    ]);
    expect(kept.find((entry) => entry.element === 'person.idNumber')?.sensitive).toBe(true);

    // when the same resident opens a matter's form, it comes prefilled under that form's own field names
    const matter = (
      await h.request('resident', 'GET', '/api/me/prefill?matter=d1.subsistence-allowance')
    ).json() as Prefill;
    expect(matter.data).toEqual({
      applicantName: '李秀英',
      idNumber: '11010519491231002X',
      phone: '13800000002',
      address: '北京市东城区和平街 5 号',
    });
    expect(matter.prefilled).toContainEqual({
      path: '/idNumber',
      element: 'person.idNumber',
      sensitive: true,
    });

    // and another bundle's combined form is prefilled where the elements are the same
    const newborn = (
      await h.request('resident', 'GET', '/api/me/prefill?bundle=d1.newborn')
    ).json() as Prefill;
    expect(newborn.data).toEqual({
      person: { phone: '13800000002' },
      address: { residential: '北京市东城区和平街 5 号' },
    });
    expect(newborn.prefilled.map((entry) => entry.path).sort()).toEqual([
      '/address/residential',
      '/person/phone',
    ]);
  });

  it('should keep what the resident changed in a prefilled form, the latest answer winning', async () => {
    const started = await h.request('resident', 'POST', '/api/cases', {
      matter: 'd1.subsistence-allowance',
      data: { ...applicantData, applicantName: '李秀英', phone: '13900000000' },
    });
    expect(started.statusCode).toBe(201);
    const matter = (
      await h.request('resident', 'GET', '/api/me/prefill?matter=d1.subsistence-allowance')
    ).json() as Prefill;
    expect(matter.data.phone).toBe('13900000000');
  });

  it('should prefill nothing for someone not signed in, and keep nothing for staff applying for someone', async () => {
    expect((await h.request(null, 'GET', '/api/me/prefill?matter=d1.subsistence-allowance')).statusCode).toBe(
      401,
    );
    await h.request('minzheng', 'POST', '/api/cases', {
      matter: 'd1.subsistence-allowance',
      data: applicantData,
    });
    expect(await h.items('minzheng', 'GET', '/api/me/profile')).toEqual([]);
    expect((await h.request('resident', 'GET', '/api/me/prefill')).statusCode).toBe(400);
  });

  it('should forget everything kept when the resident asks', async () => {
    const removed = (await h.request('resident', 'DELETE', '/api/me/profile')).json() as { removed: number };
    expect(removed.removed).toBeGreaterThan(0);
    expect(await h.items('resident', 'GET', '/api/me/profile')).toEqual([]);
    expect(
      ((await h.request('resident', 'GET', '/api/me/prefill?bundle=d1.newborn')).json() as Prefill).data,
    ).toEqual({});
  });
});
