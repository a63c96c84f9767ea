import { describe, expect, it } from 'vitest';
import { DraftSaver, type DraftContent, type DraftStore } from '../src/features/wizard/draft-saver.js';

/**
 * A store that keeps drafts in memory as the runtime would and lets the test say when each request
 * answers, so the order of saves can be seen (the runtime's own answers are the browser test's).
 */
function heldStore() {
  const sent: Array<{ kind: 'create' | 'update'; token?: string; content: DraftContent }> = [];
  const waiting: Array<{ answer: () => void; fail: (error: Error) => void }> = [];
  const hold = () =>
    new Promise<void>((answer, fail) => {
      waiting.push({ answer, fail });
    });
  const store: DraftStore = {
    async create(content) {
      sent.push({ kind: 'create', content });
      await hold();
      return 'token-1';
    },
    async update(token, content) {
      sent.push({ kind: 'update', token, content });
      await hold();
    },
  };
  const settle = async (how: 'answer' | 'fail' = 'answer') => {
    const next = waiting.shift();
    if (how === 'answer') next?.answer();
    else next?.fail(new Error('network down'));
    await new Promise((tick) => setTimeout(tick, 0));
  };
  return { store, sent, settle };
}

const content = (name: string, step = 0): DraftContent => ({ data: { applicantName: name }, step });

describe('saving a draft as the person goes', () => {
  it('creates the draft once, then updates it with its token', async () => {
    const { store, sent, settle } = heldStore();
    const tokens: string[] = [];
    const saver = new DraftSaver(store, undefined, (token) => tokens.push(token));
    const first = saver.save(content('王'));
    await settle();
    await first;
    const second = saver.save(content('王秀英', 1));
    await settle();
    await second;
    expect(sent.map(({ kind, token }) => [kind, token])).toEqual([
      ['create', undefined],
      ['update', 'token-1'],
    ]);
    expect(sent[1]?.content).toEqual(content('王秀英', 1));
    expect(tokens).toEqual(['token-1', 'token-1']);
    expect(saver.currentToken).toBe('token-1');
  });

  it('sends one request at a time, and only the newest of what waited', async () => {
    const { store, sent, settle } = heldStore();
    const saver = new DraftSaver(store, 'token-9');
    const done = saver.save(content('王'));
    void saver.save(content('王秀'));
    void saver.save(content('王秀英', 2));
    expect(sent).toHaveLength(1);
    await settle();
    expect(sent.map((request) => request.content)).toEqual([content('王'), content('王秀英', 2)]);
    await settle();
    await done;
    expect(sent).toHaveLength(2);
  });

  it('keeps what failed to save and sends it with the next save', async () => {
    const { store, sent, settle } = heldStore();
    const failures: unknown[] = [];
    const saver = new DraftSaver(store, 'token-9', undefined, (error) => failures.push(error));
    const lost = saver.save(content('王秀英', 1));
    await settle('fail');
    await lost;
    expect(failures).toHaveLength(1);
    const again = saver.save(content('王秀英', 2));
    await settle();
    await again;
    expect(sent.map((request) => request.content.step)).toEqual([1, 2]);
  });
});
