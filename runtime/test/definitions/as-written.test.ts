import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantData, createHarness, type Harness } from '../support/harness.js';
import { auditEvents } from '../../src/db/schema.js';
import { definitionsDir } from '../../src/seed/seed.js';

/**
 * Definitions come back as they were written: the text an administrator sent is what is stored, what
 * the engine compiles and what is given back, key for key and byte for byte. jsonb alone reorders keys
 * (shorter keys first), so a parallel state's regions would run in an order nobody wrote.
 */

/** A parallel review whose regions are written longest name first: jsonb would put `lead` first. */
const workflowText = `{
  "kind": "workflow",
  "key": "written-order",
  "version": 1,
  "title": { "zh-CN": "书写顺序", "en": "Written order" },
  "form": "standard-application",
  "machine": {
    "initial": "review",
    "states": {
      "review": {
        "type": "parallel",
        "states": {
          "cooperating": {
            "initial": "reviewing",
            "states": {
              "reviewing": {
                "meta": {
                  "task": {
                    "title": { "zh-CN": "配合部门会签", "en": "Cooperating sign-off" },
                    "queue": { "matter": "cooperating" },
                    "outcomes": ["agree"],
                    "sla": { "workingDays": 2 }
                  }
                },
                "on": { "agree": "done" }
              },
              "done": { "type": "final" }
            }
          },
          "lead": {
            "initial": "reviewing",
            "states": {
              "reviewing": {
                "meta": {
                  "task": {
                    "title": { "zh-CN": "牵头部门审查", "en": "Lead review" },
                    "queue": { "matter": "lead" },
                    "outcomes": ["approve"],
                    "sla": { "workingDays": 3 }
                  }
                },
                "on": { "approve": "done" }
              },
              "done": { "type": "final" }
            }
          }
        },
        "onDone": "approved"
      },
      "approved": { "type": "final" }
    }
  }
}
`;

const matterText = `{
  "kind": "matter",
  "key": "d1.written-order",
  "version": 1,
  "title": { "zh-CN": "书写顺序事项", "en": "Written-order matter" },
  "category": "government-duty",
  "lead": "d1.minzheng",
  "cooperating": ["d1.weijian"],
  "timeLimit": { "workingDays": 10 },
  "legalBasis": [],
  "materials": [],
  "form": "standard-application",
  "workflow": "written-order"
}
`;

describe('definitions as written', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    // a draft of the workflow above, sent as its text
    const uploaded = await upload(workflowText);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
  });
  afterAll(async () => {
    await h.close();
  });

  /** POSTs `text` as the raw body, as a client sending a file would. */
  async function upload(text: string) {
    const cookie = await h.login('admin');
    return h.call(cookie, {
      method: 'POST',
      url: '/api/definitions',
      headers: { 'content-type': 'application/json' },
      payload: text,
    });
  }

  it('should accept a publish with a JSON content type and no body', async () => {
    // given a draft (beforeAll), when it is published by a client that always sends Content-Type: application/json
    const cookie = await h.login('admin');
    const published = await h.call(cookie, {
      method: 'POST',
      url: '/api/definitions/workflow/written-order/1/publish',
      headers: { 'content-type': 'application/json' },
    });

    // then the empty body is no reason to refuse it
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ key: 'written-order', status: 'published' });
  });

  it('should give a definition back with its keys in the order they were written', async () => {
    const got = await h.json<{ body: { machine: Record<string, unknown> }; source: string }>(
      'admin',
      'GET',
      '/api/definitions/workflow/written-order/1',
    );
    expect(Object.keys(got.body.machine)).toEqual(['initial', 'states']);
    const review = (got.body.machine.states as Record<string, { states: Record<string, unknown> }>).review;
    expect(Object.keys(review?.states ?? {})).toEqual(['cooperating', 'lead']);
    // and the text itself, byte for byte
    expect(got.source).toBe(workflowText);
  });

  it('should run parallel regions in the order written after a round trip through the database', async () => {
    // given the workflow above behind a matter, stored and read back from the database (published
    // here unless the test above did)
    await h.request('admin', 'POST', '/api/definitions/workflow/written-order/1/publish');
    const matter = await upload(matterText);
    expect(matter.statusCode, matter.body).toBe(201);
    await h.json('admin', 'POST', '/api/definitions/matter/d1.written-order/1/publish');

    // when a resident applies
    const started = await h.json<{ id: string }>(
      'resident',
      'POST',
      '/api/cases',
      { matter: 'd1.written-order', data: applicantData },
      201,
    );

    // then the regions are entered as written: the cooperating department's task opens first
    // (the case's audit trail records each task as the engine opened it, in order)
    const events = await h.runtime.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, started.id), eq(auditEvents.action, 'task.opened')))
      .orderBy(asc(auditEvents.seq));
    const opened = events.map((event) => String((event.data as { state: string }).state).split('.')[2]);
    expect(opened).toEqual(['cooperating', 'lead']);
  });

  it('should store every library file as written, byte for byte', async () => {
    // given the library the harness imported (definitions/)
    const listed = await h.items<{ kind: string; key: string; version: number }>(
      'admin',
      'GET',
      '/api/definitions',
    );
    const library = listed.filter((row) => !row.key.includes('written-order'));
    expect(library.length).toBeGreaterThan(90);
    for (const row of library) {
      // then what comes back is the file's text
      const got = await h.json<{ source: string }>(
        'admin',
        'GET',
        `/api/definitions/${row.kind}/${row.key}/${row.version}`,
      );
      const file = join(definitionsDir, `${row.kind}s`, `${row.key}.json`);
      expect(got.source, file).toBe(readFileSync(file, 'utf8'));
    }
  });
});
