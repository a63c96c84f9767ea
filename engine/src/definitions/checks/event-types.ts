import { choicesOf } from '../../forms/choices.js';
import { pointer } from '../problems.js';
import type { FormDefinition, MatterDefinition } from '../types.js';
import type { CheckContext } from './context.js';

/**
 * A report names its event type, and the responsibility list says whose it is: each event type of a
 * workflow belongs to one matter, and the matter's report form offers it. Two matters claiming one type
 * would leave the second without a single report; a type the form does not offer is refused at
 * `/eventType` before it reaches anyone.
 */
export function checkMatterEventTypes(context: CheckContext, matter: MatterDefinition): void {
  const catalog = context.catalog;
  if (catalog === undefined || !Array.isArray(matter.eventTypes)) return;
  const formKey = matter.form ?? catalog.get('workflow', matter.workflow)?.form;
  const form = formKey === undefined ? undefined : catalog.get('form', formKey);
  const offered = form === undefined ? undefined : offeredEventTypes(form);
  matter.eventTypes.forEach((eventType, index) => {
    const at = pointer('/eventTypes', index);
    const other = catalog
      .all('matter')
      .find(
        (candidate) =>
          candidate.key !== matter.key &&
          candidate.workflow === matter.workflow &&
          candidate.eventTypes?.includes(eventType) === true,
      );
    if (other !== undefined) context.report(at, 'event-type-claimed-twice', { eventType, matter: other.key });
    if (form !== undefined && offered !== undefined && !offered.includes(eventType))
      context.report(at, 'event-type-not-offered', {
        eventType,
        form: form.key,
        offered:
          offered.length === 0
            ? { 'zh-CN': '表单没有事件类型一项', en: 'the form has no event type field' }
            : { 'zh-CN': `可选：${offered.join('、')}`, en: `it offers: ${offered.join(', ')}` },
      });
  });
}

/** A form that no longer offers an event type a matter reporting through it claims (a new version of it). */
export function checkFormEventTypes(context: CheckContext, form: FormDefinition): void {
  const catalog = context.catalog;
  if (catalog === undefined) return;
  const offered = offeredEventTypes(form);
  if (offered === undefined) return;
  const at = offered.length === 0 ? '/schema' : '/schema/properties/eventType';
  for (const matter of catalog.all('matter')) {
    if (!Array.isArray(matter.eventTypes)) continue;
    if ((matter.form ?? catalog.get('workflow', matter.workflow)?.form) !== form.key) continue;
    for (const eventType of matter.eventTypes)
      if (!offered.includes(eventType))
        context.report(at, 'event-type-withdrawn', { eventType, matter: matter.key });
  }
}

/** The event types a form offers: its `eventType` field's choices; `undefined` when it takes any text. */
export function offeredEventTypes(form: FormDefinition): string[] | undefined {
  const properties = form.schema?.properties as Record<string, FormDefinition['schema']> | undefined;
  const field = properties?.eventType;
  if (field === undefined) return [];
  return choicesOf(field)?.filter((choice): choice is string => typeof choice === 'string');
}
