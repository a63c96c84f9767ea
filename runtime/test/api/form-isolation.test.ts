import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllDefinitions } from '../../../engine/test/support/definitions.js';
import { createHarness, type Harness } from '../support/harness.js';

/**
 * Issue 12, point 1, through the API: one form, validated or published, must change nothing for any
 * other. Before the fix a single dry run of a form claiming the draft-07 meta-schema's `$id` removed
 * the meta-schema from the shared validator, and every form after it was "form-schema-invalid" until
 * a restart.
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h?.close();
});

const title = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const metaId = 'http://json-schema.org/draft-07/schema#';
const claimsMetaId = {
  kind: 'form',
  key: 'claims-meta-id',
  version: 1,
  title: title('冒用元模式标识的表单', 'A form claiming the meta-schema id'),
  schema: {
    $id: metaId,
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string', title: '姓名 / Name', minLength: 2 } },
  },
};
const plain = {
  kind: 'form',
  key: 'plain-after-meta',
  version: 1,
  title: title('普通表单', 'A plain form'),
  schema: {
    type: 'object',
    required: ['visit'],
    properties: { visit: { type: 'string', format: 'date', title: '日期 / Date' } },
  },
};
const workflowFor = (key: string, form: string) => ({
  kind: 'workflow',
  key,
  version: 1,
  title: title('审核', 'Review'),
  form,
  machine: {
    initial: 'review',
    states: {
      review: {
        meta: {
          task: {
            title: title('审核', 'Review'),
            queue: { department: 'd1.minzheng' },
            outcomes: ['approve'],
          },
        },
        on: { approve: 'approved' },
      },
      approved: { type: 'final' },
    },
  },
});

interface ValidationJson {
  valid: boolean;
  problems: Array<{ path: string; code: string; message: string }>;
}

const libraryForms = readAllDefinitions().filter(
  (definition) => (definition as { kind?: string }).kind === 'form',
) as Array<{ key: string }>;

describe('one form cannot poison validation for the others (issue 12, point 1)', () => {
  it('should keep every library form valid after a dry run of a form with the meta-schema’s $id', async () => {
    // when: an administrator dry-runs the hostile form
    await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', claimsMetaId);
    // then: every form of the library still validates, as a batch import would check them
    const refused: Array<{ key: string; problems: ValidationJson['problems'] }> = [];
    for (const definition of libraryForms) {
      const result = await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', definition);
      if (!result.valid) refused.push({ key: definition.key, problems: result.problems });
    }
    expect(libraryForms.length).toBeGreaterThan(10);
    expect(refused).toEqual([]);
  });

  it('should take applications to every form once a form with the meta-schema’s $id is published', async () => {
    // given: the hostile form and a plain one, each published with a workflow
    for (const definition of [
      claimsMetaId,
      workflowFor('claims-meta-id-review', 'claims-meta-id'),
      plain,
      workflowFor('plain-after-meta-review', 'plain-after-meta'),
    ]) {
      await h.json('admin', 'POST', '/api/definitions', definition, 201);
      await h.json('admin', 'POST', `/api/definitions/${definition.kind}/${definition.key}/1/publish`);
    }
    // when / then: the hostile form's applications are judged by its own schema
    await h.json(
      'resident',
      'POST',
      '/api/cases',
      { workflow: 'claims-meta-id-review', data: { name: '王芳' } },
      201,
    );
    const short = await h.request('resident', 'POST', '/api/cases', {
      workflow: 'claims-meta-id-review',
      data: { name: '王' },
    });
    expect(short.statusCode).toBe(422);
    // and the plain form's too, formats included
    await h.json(
      'resident',
      'POST',
      '/api/cases',
      { workflow: 'plain-after-meta-review', data: { visit: '2026-03-10' } },
      201,
    );
    const notADate = await h.request('resident', 'POST', '/api/cases', {
      workflow: 'plain-after-meta-review',
      data: { visit: 'next Tuesday' },
    });
    expect(notADate.statusCode).toBe(422);
    // and a new upload is still judged valid
    const again = await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', {
      ...plain,
      version: 2,
    });
    expect(again).toEqual({ valid: true, problems: [] });
  });

  it('should refuse a $ref to an $id that only a form validated before declares', async () => {
    // given: a form declaring a nested $id has been dry-run
    const lender = {
      ...plain,
      key: 'lends-an-id',
      schema: { type: 'object', properties: { x: { $id: 'https://example.org/lent', type: 'string' } } },
    };
    await h.json('admin', 'POST', '/api/definitions/validate', lender);
    // when: another form refers to it
    const borrower = {
      ...plain,
      key: 'borrows-an-id',
      schema: {
        type: 'object',
        properties: { x: { type: 'number' }, y: { $ref: 'https://example.org/lent' } },
      },
    };
    const result = await h.json<ValidationJson>('admin', 'POST', '/api/definitions/validate', borrower);
    // then: it is refused as it would be alone, naming the reference
    expect(result.valid).toBe(false);
    expect(result.problems[0]?.message).toContain('https://example.org/lent');
  });
});
