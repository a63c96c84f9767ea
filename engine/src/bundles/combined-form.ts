import type { Catalog } from '../definitions/catalog.js';
import { pointer, problem, type Problem } from '../definitions/problems.js';
import type { BundleDefinition, JsonSchemaObject } from '../definitions/types.js';
import type { Expression } from '../expressions/types.js';
import type { LocalizedText } from '../i18n/text.js';
import { conditionSchema } from './condition-schema.js';

/**
 * One bundle's application as one JSON Forms form. Data elements (`x-element`) are asked once however
 * many of the bundle's matters need them, and live in the data under their element path
 * (`person.idNumber` → `data.person.idNumber`); a matter's own fields live in its section
 * (`data.<section>.<field>`), shown only when the matter is included. The same schema validates the
 * application in the browser and on the server.
 */
export interface CombinedForm {
  bundle: string;
  schema: JsonSchemaObject;
  uischema: UiElement;
  /** What personal data is collected and why: every included form's notice, once each. */
  notice: LocalizedText;
  /** Every data element and the matters that ask for it; `shared` when more than one does. */
  elements: CombinedElement[];
  sections: CombinedSection[];
  /** Contradictions between forms (and conditions that cannot be shown as a form rule). */
  problems: Problem[];
}

export interface CombinedElement {
  element: string;
  /** Where it lives in the combined data, as a list of property names. */
  path: string[];
  matters: string[];
  shared: boolean;
  sensitive: boolean;
}

export interface CombinedSection {
  matter: string;
  /** The property of the combined data that holds this matter's own fields. */
  key: string;
  title: LocalizedText;
  when?: Expression;
  /** Where each field of the matter's form comes from in the combined data. */
  fields: Array<{ field: string; from: string[] }>;
}

export type UiElement = { type: string; [key: string]: unknown };

/** The combined data's property that holds a matter's own fields: no dots, so JSON Forms paths work. */
export const sectionKey = (matter: string): string => `m_${matter.replaceAll('.', '_')}`;

/** The property of the combined data that records the applicant's consent to the notice. */
export const consentField = 'consent';

interface ElementUse {
  matter: string;
  matterIndex: number;
  form: string;
  field: string;
  schema: JsonSchemaObject;
  required: boolean;
}

/** Keywords that must agree exactly between forms: there is no value satisfying both otherwise. */
const mustAgree = ['type', 'pattern', 'format', 'const'] as const;
/** Lower bounds: the larger one holds. */
const lowerBounds = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems'] as const;
/** Upper bounds: the smaller one holds. */
const upperBounds = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems'] as const;

/**
 * Builds the combined form of `bundle` from its matters' forms in `catalog`. Pure: the same definitions
 * give the same form. Matters or forms missing from the catalog are left out (the validator reports
 * them as unknown references).
 */
export function combineForms(bundle: BundleDefinition, catalog: Catalog): CombinedForm {
  const problems: Problem[] = [];
  const uses = new Map<string, ElementUse[]>();
  const sections: CombinedSection[] = [];
  const sectionSchemas = new Map<string, JsonSchemaObject>();
  const notices: LocalizedText[] = [];
  const conditions = new Map<string, JsonSchemaObject | null>();

  bundle.matters.forEach((item, matterIndex) => {
    const matter = catalog.get('matter', item.matter);
    // a matter named twice is the validator's to report: its fields are asked once
    if (matter === undefined || sectionSchemas.has(matter.key)) return;
    const form = matter.form === undefined ? undefined : catalog.get('form', matter.form);
    const key = sectionKey(matter.key);
    const section: CombinedSection = {
      matter: matter.key,
      key,
      title: matter.title,
      fields: [],
      ...(item.when === undefined ? {} : { when: item.when }),
    };
    sections.push(section);
    if (item.when !== undefined) {
      const translated = conditionSchema(item.when);
      if (translated === null)
        problems.push(
          problem(pointer('/matters', matterIndex, 'when'), 'bundle-condition-unsupported', {
            matter: matter.key,
          }),
        );
      conditions.set(matter.key, translated);
    }
    // titled as the group it is shown in, so that a problem with the section names the matter
    const own: JsonSchemaObject = {
      type: 'object',
      title: `${matter.title['zh-CN']} / ${matter.title.en}`,
      properties: {},
      required: [],
    };
    sectionSchemas.set(matter.key, own);
    if (form === undefined) return;
    const notice = form.notice;
    if (notice !== undefined && !notices.some((seen) => sameText(seen, notice))) notices.push(notice);
    const required = new Set(stringsOf(form.schema.required));
    for (const [field, schema] of Object.entries(propertiesOf(form.schema))) {
      const element = schema['x-element'];
      if (typeof element === 'string') {
        const list = uses.get(element) ?? [];
        list.push({
          matter: matter.key,
          matterIndex,
          form: form.key,
          field,
          schema,
          required: required.has(field),
        });
        uses.set(element, list);
        section.fields.push({ field, from: element.split('.') });
      } else {
        (own.properties as Record<string, JsonSchemaObject>)[field] = schema;
        if (required.has(field)) (own.required as string[]).push(field);
        section.fields.push({ field, from: [key, field] });
      }
    }
  });

  // the root object: element groups (person, child, ...) then one section per matter, then consent
  const root: JsonSchemaObject = { type: 'object', properties: {}, required: [] };
  const rootProperties = root.properties as Record<string, JsonSchemaObject>;
  const conditional: JsonSchemaObject[] = [];
  const elements: CombinedElement[] = [];
  for (const [element, list] of uses) {
    const merged = mergeElement(element, list, bundle, problems);
    const path = element.split('.');
    placeAt(rootProperties, path, merged);
    const matters = [...new Set(list.map((use) => use.matter))];
    elements.push({
      element,
      path,
      matters,
      shared: matters.length > 1,
      sensitive: list.some((use) => use.schema['x-sensitive'] === true),
    });
    // required when a matter that needs it is included: always, or under that matter's condition
    const requiring = list.filter((use) => use.required);
    if (requiring.some((use) => !conditions.has(use.matter))) requireAt(root, path);
    else
      for (const use of requiring) {
        const condition = conditions.get(use.matter);
        if (condition) conditional.push({ if: condition, then: requiredAt(path) });
      }
  }
  for (const section of sections) {
    const own = sectionSchemas.get(section.matter) as JsonSchemaObject;
    if (Object.keys(own.properties as object).length === 0) continue;
    rootProperties[section.key] = own;
    // a section with nothing required need not be there at all
    if ((own.required as string[]).length === 0) {
      delete own.required;
      continue;
    }
    if (!conditions.has(section.matter)) requireAt(root, [section.key]);
    else {
      const condition = conditions.get(section.matter);
      if (condition) conditional.push({ if: condition, then: { required: [section.key] } });
    }
  }
  rootProperties[consentField] = {
    type: 'boolean',
    const: true,
    title: '我已阅读并同意上述个人信息收集说明 / I have read and agree to the notice above',
  };
  (root.required as string[]).push(consentField);
  if (conditional.length > 0) root.allOf = conditional;

  return {
    bundle: bundle.key,
    schema: root,
    uischema: uiOf(bundle, elements, sections, sectionSchemas, conditions),
    notice: joinTexts(notices),
    elements,
    sections,
    problems,
  };
}

/**
 * One element's schema from every form that asks for it. Bounds merge to the strictest; keywords with
 * no common value (a different pattern, type or format, disjoint enums, a minimum above a maximum) are
 * contradictions, reported at the later matter with both forms named.
 */
function mergeElement(
  element: string,
  list: ElementUse[],
  bundle: BundleDefinition,
  problems: Problem[],
): JsonSchemaObject {
  const first = list[0] as ElementUse;
  const merged: JsonSchemaObject = { ...first.schema };
  const contradiction = (
    use: ElementUse,
    keyword: string,
    mine: unknown,
    theirs: unknown,
    other: ElementUse = first,
  ) =>
    problems.push(
      problem(pointer('/matters', use.matterIndex, 'matter'), 'bundle-element-contradiction', {
        element,
        keyword,
        form: use.form,
        field: use.field,
        value: JSON.stringify(mine),
        otherForm: other.form,
        otherValue: JSON.stringify(theirs),
        bundle: bundle.key,
      }),
    );
  for (const use of list.slice(1)) {
    const schema = use.schema;
    for (const keyword of mustAgree) {
      if (schema[keyword] === undefined) continue;
      if (merged[keyword] === undefined) merged[keyword] = schema[keyword];
      else if (JSON.stringify(merged[keyword]) !== JSON.stringify(schema[keyword]))
        contradiction(use, keyword, schema[keyword], merged[keyword]);
    }
    for (const keyword of lowerBounds) {
      const value = schema[keyword];
      if (typeof value !== 'number') continue;
      const current = merged[keyword];
      merged[keyword] = typeof current === 'number' ? Math.max(current, value) : value;
    }
    for (const keyword of upperBounds) {
      const value = schema[keyword];
      if (typeof value !== 'number') continue;
      const current = merged[keyword];
      merged[keyword] = typeof current === 'number' ? Math.min(current, value) : value;
    }
    if (Array.isArray(schema.enum)) {
      const current = merged.enum;
      const allowed = Array.isArray(current)
        ? current.filter((value) => (schema.enum as unknown[]).some((other) => same(value, other)))
        : schema.enum;
      if (allowed.length === 0) contradiction(use, 'enum', schema.enum, current);
      else merged.enum = allowed;
    }
    if (schema['x-sensitive'] === true) merged['x-sensitive'] = true;
  }
  for (const [low, high] of [
    ['minLength', 'maxLength'],
    ['minimum', 'maximum'],
    ['minItems', 'maxItems'],
  ] as const) {
    const min = merged[low];
    const max = merged[high];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      // the matter that brought the conflict (the last to set either bound) against the other bound's form
      const culprit =
        [...list].reverse().find((use) => use.schema[low] === min || use.schema[high] === max) ?? first;
      const other = list.find(
        (use) => use !== culprit && (use.schema[low] === min || use.schema[high] === max),
      );
      contradiction(culprit, `${low}/${high}`, min, max, other);
    }
  }
  merged['x-element'] = element;
  return merged;
}

function uiOf(
  bundle: BundleDefinition,
  elements: CombinedElement[],
  sections: CombinedSection[],
  sectionSchemas: Map<string, JsonSchemaObject>,
  conditions: Map<string, JsonSchemaObject | null>,
): UiElement {
  const control = (path: string[]): UiElement => ({
    type: 'Control',
    scope: `#/${path.map((segment) => `properties/${segment}`).join('/')}`,
  });
  const layout: UiElement[] = [];
  const shared = elements.filter((element) => element.shared);
  if (shared.length > 0)
    layout.push({
      type: 'Group',
      label: '共同信息 / Shared information',
      elements: shared.map((element) => control(element.path)),
    });
  for (const section of sections) {
    const controls = [
      ...elements
        .filter((element) => !element.shared && element.matters[0] === section.matter)
        .map((element) => control(element.path)),
      ...Object.keys((sectionSchemas.get(section.matter)?.properties ?? {}) as object).map((field) =>
        control([section.key, field]),
      ),
    ];
    if (controls.length === 0) continue;
    const condition = conditions.get(section.matter);
    layout.push({
      type: 'Group',
      label: `${section.title['zh-CN']} / ${section.title.en}`,
      elements: controls,
      ...(condition ? { rule: { effect: 'SHOW', condition: { scope: '#', schema: condition } } } : {}),
    });
  }
  layout.push(control([consentField]));
  return { type: 'VerticalLayout', elements: layout, 'x-bundle': bundle.key };
}

/** The data one matter's form receives: each of its fields read from where the combined form keeps it. */
export function matterData(
  section: CombinedSection,
  combined: Record<string, unknown>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const { field, from } of section.fields) {
    const value = valueAt(combined, from);
    if (value !== undefined) data[field] = value;
  }
  return data;
}

export function valueAt(data: unknown, path: readonly string[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function placeAt(
  properties: Record<string, JsonSchemaObject>,
  path: string[],
  schema: JsonSchemaObject,
): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    properties[head] = schema;
    return;
  }
  const group = (properties[head] ??= { type: 'object', properties: {} });
  placeAt(group.properties as Record<string, JsonSchemaObject>, rest, schema);
}

function requireAt(root: JsonSchemaObject, path: string[]): void {
  let node = root;
  for (const segment of path) {
    const required = (node.required ??= []) as string[];
    if (!required.includes(segment)) required.push(segment);
    node = (node.properties as Record<string, JsonSchemaObject>)[segment] as JsonSchemaObject;
  }
}

/** A schema that requires `path` to be present (nested objects included). */
function requiredAt(path: string[]): JsonSchemaObject {
  const [head, ...rest] = path as [string, ...string[]];
  return rest.length === 0
    ? { required: [head] }
    : { required: [head], properties: { [head]: requiredAt(rest) } };
}

function propertiesOf(schema: JsonSchemaObject): Record<string, JsonSchemaObject> {
  const properties = schema.properties;
  return properties !== null && typeof properties === 'object'
    ? (properties as Record<string, JsonSchemaObject>)
    : {};
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameText = (a: LocalizedText, b: LocalizedText) => a['zh-CN'] === b['zh-CN'] && a.en === b.en;

/**
 * The forms' notices one after another, each sentence said once: forms of one library share their
 * sentences on how data is protected, and a resident should read them once, not once per matter.
 */
function joinTexts(texts: LocalizedText[]): LocalizedText {
  const join = (parts: string[], space: string) => {
    const seen = new Set<string>();
    return parts
      .map((part) =>
        sentencesOf(part)
          .filter((sentence) => !seen.has(sentence) && Boolean(seen.add(sentence)))
          .join(space),
      )
      .filter((part) => part !== '')
      .join('\n');
  };
  return {
    'zh-CN': join(
      texts.map((text) => text['zh-CN']),
      '',
    ),
    en: join(
      texts.map((text) => text.en),
      ' ',
    ),
  };
}

/** A text's sentences: each ends with 。！？, or with . ! ? before a space. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？])|(?<=[.!?])\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
