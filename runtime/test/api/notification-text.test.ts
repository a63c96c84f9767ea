import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeText, templatesWithText } from '../../src/notifications/notification-text.js';

const workflowsDir = join(import.meta.dirname, '../../../definitions/workflows');

/** Every `template` a value names, at any depth. */
function templatesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(templatesIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'template' && typeof child === 'string' ? [child] : templatesIn(child),
  );
}

/** The templates the runtime and the engine send of their own accord. */
const ownTemplates = [
  'case.supplement-requested',
  'case.data-corrected',
  'supervision.opened',
  'sla.escalation',
  'sla.escalation.top',
  'rating.followed-up',
  'calendar.running-out',
];

describe("notifications' words", () => {
  it('should have words in both languages for every template the library and the runtime send', () => {
    const library = readdirSync(workflowsDir)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => templatesIn(JSON.parse(readFileSync(join(workflowsDir, file), 'utf8'))));
    expect(library.length).toBeGreaterThan(0);
    const missing = [...new Set([...library, ...ownTemplates])].filter(
      (template) => !templatesWithText.has(template),
    );
    expect(missing, 'templates without words').toEqual([]);
  });

  it("should name the case by its title and say what is asked, in the reader's language", () => {
    const notice = {
      template: 'case.supplement-requested',
      data: { items: ['户口簿', '收入证明'], reason: '材料不全' },
      caseTitle: { 'zh-CN': '最低生活保障', en: 'Subsistence allowance' },
    };
    expect(noticeText(notice, 'zh-CN')).toBe('“最低生活保障”需要补正材料：户口簿、收入证明。理由：材料不全');
    expect(noticeText(notice, 'en')).toBe(
      '"Subsistence allowance" needs more from you: 户口簿, 收入证明. Reason: 材料不全',
    );
  });

  it('should still say something true of a template nobody wrote words for', () => {
    const notice = { template: 'someone.elses', data: {}, caseTitle: null };
    expect(noticeText(notice, 'zh-CN')).toBe('您的办件有新的动态');
    expect(noticeText(notice, 'en')).toBe('There is news about your case');
  });
});
