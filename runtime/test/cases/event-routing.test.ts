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
      data: { eventType, urgency: 'sameDay', location: '和平街 3 号楼', description: '巡查发现' },
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
