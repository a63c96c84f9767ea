import { Actions, coreReducer, type JsonFormsCore } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { keepLatestData } from '../src/form/keep-latest-data.js';

const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } };

function coreWith(data: object): JsonFormsCore {
  return coreReducer(undefined, Actions.init(data, schema, undefined, { validationMode: 'NoValidation' }));
}

describe('the form keeps what the person typed', () => {
  it('should not go back to an answer it reported earlier when a prop changes', () => {
    // given the form reported { a } and the person has since typed b
    const reported = new WeakSet<object>();
    const first = { a: '1' };
    reported.add(first);
    const typed = { a: '1', b: '2' };
    const state = coreWith(typed);
    // when JSON Forms re-applies its props with the owner's (older) data, as on new errors to show
    const next = keepLatestData(reported)(state, Actions.updateCore(first, schema), coreReducer);
    // then the answer typed last stays
    expect(next.data).toBe(typed);
  });

  it('should take data the owner brings from elsewhere (a restored draft)', () => {
    const reported = new WeakSet<object>();
    const state = coreWith({ a: '1' });
    const restored = { a: 'restored' };
    const next = keepLatestData(reported)(state, Actions.updateCore(restored, schema), coreReducer);
    expect(next.data).toBe(restored);
  });
});
