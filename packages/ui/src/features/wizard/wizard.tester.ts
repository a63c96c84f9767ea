import { and, categorizationHasCategory, rankWith, uiTypeIs } from '@jsonforms/core';

/** Above every generic layout: a Categorization with at least one Category is always a wizard here. */
export const wizardRank = 20;

export const wizardTester = rankWith(wizardRank, and(uiTypeIs('Categorization'), categorizationHasCategory));
