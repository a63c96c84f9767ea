import type { LocalizedText } from '../i18n/text.js';
import type { Expression } from '../expressions/types.js';
import type { CalendarSpec } from '../calendar/calendar.js';
import type { EscalationStep, FixedSla, SlaSpec } from '../sla/types.js';

export const definitionKinds = ['department', 'calendar', 'matter', 'form', 'workflow', 'bundle'] as const;
export type DefinitionKind = (typeof definitionKinds)[number];

/** What every definition has: which kind, a stable key, an integer version, and a localized title. */
export interface DefinitionEnvelope<K extends DefinitionKind> {
  kind: K;
  key: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
}

export const departmentLevels = ['city', 'district', 'street', 'community'] as const;
export type DepartmentLevel = (typeof departmentLevels)[number];

/** A department; its `key` is its stable code (e.g. `d1.minzheng`). */
export const dispatchModes = ['shared', 'roundRobin', 'leastLoaded'] as const;

/** How a department's new tasks reach its people. */
export interface DispatchSpec {
  /** shared: stay in the department's inbox; roundRobin / leastLoaded: given to an on-duty staff member. */
  mode: (typeof dispatchModes)[number];
  /** Scaled mode: at most this many of the department's dispatch jobs at once across all workers. */
  concurrency?: number;
  /** Scaled mode: at most this many dispatch jobs a minute. */
  perMinute?: number;
}

/** A department; its `key` is its stable code (e.g. `d1.minzheng`). */
export interface DepartmentDefinition extends DefinitionEnvelope<'department'> {
  level: DepartmentLevel;
  parent?: string;
  calendar?: string;
  dispatch?: DispatchSpec;
}

export interface CalendarDefinition extends DefinitionEnvelope<'calendar'>, CalendarSpec {
  holidays: { from: string; to?: string; name?: LocalizedText }[];
  workdays: { date: string; name?: LocalizedText }[];
}

export const matterCategories = ['government-duty', 'assisted-self-governance', 'market-service'] as const;
export type MatterCategory = (typeof matterCategories)[number];

/**
 * The file types an attachment may have: scans and photos of documents, what counters actually take.
 * The runtime reads each upload's type from its bytes and refuses anything else.
 */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

export interface MaterialRequirement {
  key: string;
  title: LocalizedText;
  required: boolean;
  /** The file types this material may be uploaded as (a photo: JPEG or PNG); all of them when absent. */
  accept?: AttachmentMediaType[];
}

/** One item of a responsibility list (责任清单): who leads, who cooperates, how long it may take. */
export interface MatterDefinition extends DefinitionEnvelope<'matter'> {
  category: MatterCategory;
  lead: string;
  cooperating: string[];
  timeLimit: FixedSla;
  legalBasis: LocalizedText[];
  materials: MaterialRequirement[];
  form?: string;
  workflow: string;
  /** Grid event types this matter handles, so reports of that type route to its lead department. */
  eventTypes?: string[];
  /**
   * One open case per person (重复申报): the data element (`x-element` of a field of the application
   * form, e.g. `person.idNumber`) whose value identifies the person. While a case of this matter with
   * that value is active, the runtime refuses another one with the same value.
   */
  oneOpenCasePer?: string;
}

/** A JSON Schema object as written in a form; properties may carry `x-element` and `x-sensitive`. */
export type JsonSchemaObject = { [keyword: string]: unknown };

export interface FormDefinition extends DefinitionEnvelope<'form'> {
  schema: JsonSchemaObject;
  uischema?: { [key: string]: unknown };
  /** Notice of what personal data is collected and why (PIPL), shown with the consent box. */
  notice?: LocalizedText;
}

export type QueueSpec = { department: string } | { matter: 'lead' | 'cooperating' } | { expr: Expression };

export type OutcomeSpec = string | { key: string; title?: LocalizedText; reason?: 'required' | 'optional' };

export const priorities = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

/** The human work of a task state: which queue, which form, which outcomes, how long, what then. */
export interface TaskSpec {
  title?: LocalizedText;
  queue: QueueSpec;
  form?: string;
  outcomes: OutcomeSpec[];
  sla?: SlaSpec;
  escalation?: EscalationStep[];
  priority?: Priority;
}

export type Guard = { when: Expression };

export type ActionSpec =
  | { set: Record<string, Expression> }
  | { notify: { to: string; template: string; data?: Record<string, Expression> } };

export type TransitionSpec =
  | string
  | {
      target?: string | string[];
      guard?: Guard;
      actions?: ActionSpec | ActionSpec[];
      reenter?: boolean;
      description?: string;
    };

export type TransitionList = TransitionSpec | TransitionSpec[];

export interface StateNodeSpec {
  id?: string;
  type?: 'atomic' | 'compound' | 'parallel' | 'final';
  initial?: string;
  states?: Record<string, StateNodeSpec>;
  on?: Record<string, TransitionList>;
  always?: TransitionList;
  onDone?: TransitionList;
  entry?: ActionSpec | ActionSpec[];
  exit?: ActionSpec | ActionSpec[];
  description?: string;
  tags?: string[];
  meta?: {
    task?: TaskSpec;
    /** Opens a child case of another workflow when the state is entered. */
    childCase?: { workflow: string; data?: Record<string, Expression> };
    /** The case result when this final state ends the case (defaults to the state's key). */
    result?: string;
    title?: LocalizedText;
  };
}

/** An XState v5 machine config in plain JSON, with our declarative guards and actions. */
export interface MachineSpec extends StateNodeSpec {
  id?: string;
  /** Needed by a compound root; a parallel root (`type: "parallel"`) has none. */
  initial?: string;
  states: Record<string, StateNodeSpec>;
}

export interface WorkflowDefinition extends DefinitionEnvelope<'workflow'> {
  /** The application form the case starts with. */
  form?: string;
  /** Default calendar for this workflow's SLAs (else the department's, else the catalog default). */
  calendar?: string;
  /**
   * Internal to departments (a bad rating's follow-up): its cases have no applicant, never appear to a
   * resident, and residents cannot open one.
   */
  internal?: boolean;
  machine: MachineSpec;
}

export interface BundleItem {
  matter: string;
  when?: Expression;
  after?: string[];
}

/** "One thing, one visit" (一件事一次办): matters of several departments behind one application. */
export interface BundleDefinition extends DefinitionEnvelope<'bundle'> {
  matters: BundleItem[];
  timeLimit: FixedSla;
}

export type Definition =
  | DepartmentDefinition
  | CalendarDefinition
  | MatterDefinition
  | FormDefinition
  | WorkflowDefinition
  | BundleDefinition;

export type DefinitionOfKind<K extends DefinitionKind> = Extract<Definition, { kind: K }>;
