import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../../src/db/schema.js';
import { definitionsDir } from '../../src/seed/seed.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * A grid worker reports an event without saying whose it is: the responsibility list maps the event
 * type to its matter, and the matter's lead department gets the task. No dispatcher, and no second
 * dispatch: the case carries the matter from its first moment.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

interface EventMatter {
  key: string;
  lead: string;
  workflow: string;
  eventTypes?: string[];
}
const eventMatters = readdirSync(`${definitionsDir}/matters`)
  .map((file) => JSON.parse(readFileSync(`${definitionsDir}/matters/${file}`, 'utf8')) as EventMatter)
  .filter((matter) => matter.workflow === 'grid-event' && matter.eventTypes !== undefined);
const routes = eventMatters.flatMap((matter) =>
  (matter.eventTypes ?? []).map((eventType) => ({ eventType, matter: matter.key, lead: matter.lead })),
);

async function report(eventType: string) {
  const grid = await h.login('grid');
  return h.call(grid, {
    method: 'POST',
    url: '/api/cases',
    payload: {
      workflow: 'grid-event',
      data: {
        eventType,
        urgency: 'sameDay',
        community: 'd1.s1.c1',
        location: '和平街 3 号楼',
        description: '巡查发现',
      },
    },
  });
}

describe('grid events routed by the responsibility list', () => {
  it('should have event types to route', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  it.each(routes)('should give a $eventType report to $lead, the lead of $matter', async (route) => {
    // when a grid worker reports the event without naming a matter
    const response = await report(route.eventType);

    // then the case is the matter's, and its first task waits in the lead department's queue
    expect(response.statusCode).toBe(201);
    const kase = response.json() as { id: string; tasks: Array<{ department: string }> };
    expect(kase.tasks.map((task) => task.department)).toEqual([route.lead]);
    const [row] = await h.runtime.db
      .select({ matter: cases.matterKey })
      .from(cases)
      .where(eq(cases.id, kase.id));
    expect(row?.matter).toBe(route.matter);
  });

  it('should send the on-site check to the community the report names, where its grid worker verifies it', async () => {
    // given a report of dumped garbage in Heping Community 1, handled by city management
    const grid = await h.login('grid');
    const chengguan = await h.login('chengguan');
    const reported = await report('garbage');
    expect(reported.statusCode).toBe(201);
    const kase = reported.json() as { id: string; tasks: Array<{ id: string }> };
    const handle = kase.tasks[0]?.id;
    await h.call(chengguan, { method: 'POST', url: `/api/tasks/${handle}/claim` });
    const resolved = await h.call(chengguan, {
      method: 'POST',
      url: `/api/tasks/${handle}/complete`,
      payload: { outcome: 'resolved', data: { opinion: '已清运' } },
    });

    // when it is resolved, then the check waits in the community's queue (not nowhere: no 422)
    expect(resolved.statusCode, resolved.body).toBe(200);
    const opened = (resolved.json() as { openedTasks: Array<{ id: string; department: string }> })
      .openedTasks;
    expect(opened.map((task) => task.department)).toEqual(['d1.s1.c1']);

    // and the community's grid worker confirms it on site, which closes the loop and tells the reporter
    const verify = opened[0]?.id;
    expect((await h.call(grid, { method: 'POST', url: `/api/tasks/${verify}/claim` })).statusCode).toBe(200);
    const confirmed = await h.call(grid, {
      method: 'POST',
      url: `/api/tasks/${verify}/complete`,
      payload: { outcome: 'confirmed', data: { verifiedOnSite: true } },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ caseStatus: 'done' });
  });

  it('should refuse a report that does not say in which community the event happened', async () => {
    const grid = await h.login('grid');
    const data = {
      eventType: 'garbage',
      urgency: 'sameDay',
      location: '和平街 3 号楼',
      description: '巡查发现',
    };
    const missing = await h.call(grid, {
      method: 'POST',
      url: '/api/cases',
      payload: { workflow: 'grid-event', data },
    });
    expect(missing.statusCode).toBe(422);
    expect((missing.json() as { details: Array<{ path: string }> }).details.map((d) => d.path)).toEqual([
      '/community',
    ]);
    const nowhere = await h.call(grid, {
      method: 'POST',
      url: '/api/cases',
      payload: { workflow: 'grid-event', data: { ...data, community: 'd1.s9.c9' } },
    });
    // the choices by their names, once, not one "must be d1.s1.c1" per community
    expect(nowhere.statusCode).toBe(422);
    expect((nowhere.json() as { details: Array<{ path: string; message: string }> }).details).toEqual([
      {
        path: '/community',
        message: expect.stringContaining(
          '和平街道第一社区、和平街道第二社区、光明街道第一社区、光明街道第二社区',
        ),
      },
    ]);
  });

  it('should refuse a report whose event type no matter handles, naming the field', async () => {
    // given the form's catch-all type, which the list assigns to no department
    expect(routes.map((route) => route.eventType)).not.toContain('other');

    // when it is reported, then nobody is left to guess: 400 at /data/eventType
    const response = await report('other');
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: string; details: Array<{ path: string; message: string }> };
    expect(body.error).toBe('TB_REQUEST_INVALID');
    expect(body.details.map((detail) => detail.path)).toEqual(['/data/eventType']);
  });
});
