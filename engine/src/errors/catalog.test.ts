import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { problemMessages } from '../definitions/problems.js';
import { engineErrors } from './catalog.js';
import { EngineError } from './engine-error.js';

const errorsPage = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

describe('error catalog', () => {
  it('should document every engine error code in docs/errors.md', () => {
    const documented = [...errorsPage.matchAll(/^### (TB_[A-Z_]+)$/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(engineErrors).sort());
  });

  it('should document every definition problem code in docs/errors.md', () => {
    const documented = [...errorsPage.matchAll(/^\| `([a-z.A-Z-]+)` +\|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(problemMessages).sort());
  });

  it('should have a Chinese and an English sentence for every code, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const [code, entry] of Object.entries({
      ...engineErrors,
      ...Object.fromEntries(Object.entries(problemMessages).map(([k, v]) => [k, { message: v }])),
    })) {
      expect(entry.message['zh-CN'], code).not.toBe('');
      expect(entry.message['zh-CN'], code).not.toBe(entry.message.en);
      expect(placeholders(entry.message['zh-CN']), code).toEqual(placeholders(entry.message.en));
    }
  });

  it('should fill an error message in both languages and keep the code and path', () => {
    const error = new EngineError('TB_TASK_NOT_FOUND', { taskId: 't9' }, '/taskId');
    expect(error.message).toBe('Task t9 does not exist or is already closed');
    expect(error.text['zh-CN']).toBe('任务 t9 不存在或已关闭');
    expect(error).toMatchObject({ code: 'TB_TASK_NOT_FOUND', path: '/taskId', isUserError: true });
  });
});
