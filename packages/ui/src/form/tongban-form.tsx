import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { JsonFormsRendererRegistryEntry, JsonSchema, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { createFormAjv, type JsonSchemaObject } from '@tongban/engine';
import { ErrorSummary } from './error-summary.js';
import {
  FieldNotesContext,
  FieldTouchContext,
  FormFeedbackContext,
  type FieldNotes,
  fieldPathAttribute,
  focusableIn,
  type FormFeedback,
} from './feedback.js';
import { framedRenderers } from './field-frame.js';
import {
  asFormErrors,
  checkMessages,
  serverMessages,
  visibleMessages,
  type FieldMessage,
  type ServerErrorDetail,
} from './messages.js';
import { keepLatestData } from './keep-latest-data.js';
import { isWithin, valueAt } from './paths.js';
import { renderers as tongbanRenderers } from './renderers.js';
import { useFormI18n } from './use-form-i18n.js';
import type { FormAjv, FormError } from './types.js';

/** What the form tells its owner on every change. */
export interface FormStatus {
  /** True when the browser finds nothing wrong (the server, with the same validator, agrees). */
  valid: boolean;
  /** Every problem found now, shown or not, in the form's field order as the validator met them. */
  messages: FieldMessage[];
}

/** What the owner of a form can ask of it. */
export interface TongbanFormHandle {
  /** Shows every problem (as on submit) and focuses the summary; returns whether the form is valid. */
  revealAll(): boolean;
}

export interface TongbanFormProps {
  schema: JsonSchema;
  uischema?: UISchemaElement;
  data: unknown;
  onChange?(data: unknown, status: FormStatus): void;
  /** Show every problem, as after the person pressed submit (else only those of touched fields). */
  showAllErrors?: boolean;
  /** The `details` of an error the server returned for this answer: each lands on its field. */
  serverErrors?: readonly ServerErrorDetail[];
  /** What the server put before the form's own pointers in `serverErrors` (`/body/data`, say). */
  serverErrorPrefix?: string;
  readonly?: boolean;
  /** Renderers to add to (or, ranked higher, override) Tongban's set. */
  renderers?: readonly JsonFormsRendererRegistryEntry[];
  config?: Record<string, unknown>;
  handle?: Ref<TongbanFormHandle>;
  /** Notes said under fields, by data path (`person.name`): "from your last application", say. */
  fieldNotes?: FieldNotes;
}

const noServerErrors: readonly ServerErrorDetail[] = [];
const noRenderers: readonly JsonFormsRendererRegistryEntry[] = [];
const noNotes: FieldNotes = {};

/** The value from before when the new one has the same content (a list of messages, say). */
function useSame<T>(value: T): T {
  const kept = useRef(value);
  if (kept.current !== value && JSON.stringify(kept.current) !== JSON.stringify(value)) kept.current = value;
  return kept.current;
}

/**
 * The form's schema as a copy the browser reads fast. JSON Forms resolves a control's schema once per
 * tester it asks (every control, every tester of the set), each time checking `isEmpty(properties)`,
 * which walks every key of an object V8 keeps as a dictionary: a schema built in memory (the designer's
 * editor, a generated form) is one past a few dozen properties, and then that check alone took ~70 ms
 * of a 100-field form's first render. A structured clone is laid out afresh, with fast properties.
 * A schema that cannot be cloned (one holding a function) is used as given.
 */
function compactSchema(schema: JsonSchema): JsonSchema {
  try {
    return structuredClone(schema);
  } catch {
    return schema;
  }
}

/**
 * A form definition rendered with Tongban's renderer set: validated as the server validates
 * (the engine's one validator configuration, decision 0014), problems told in plain words next to
 * their fields once the person has left a field or asked to go on, with a summary at the top that
 * links to each, and the server's problems on the fields they name.
 */
export function TongbanForm({
  schema: givenSchema,
  uischema,
  data,
  onChange,
  showAllErrors = false,
  serverErrors = noServerErrors,
  serverErrorPrefix = '',
  readonly = false,
  renderers: extraRenderers = noRenderers,
  config,
  handle,
  fieldNotes = noNotes,
}: TongbanFormProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const schema = useMemo(() => compactSchema(givenSchema), [givenSchema]);
  // one validator instance per form schema: never shared, so no form's $id reaches another's (0014)
  const ajv = useMemo(() => createFormAjv() as unknown as FormAjv, [schema]);
  const registry = useMemo(() => framedRenderers([...tongbanRenderers, ...extraRenderers]), [extraRenderers]);
  const i18n = useFormI18n();

  const [current, setCurrent] = useState<{ data: unknown; errors: readonly FormError[] }>({
    data,
    errors: [],
  });
  const dataRef = useRef(data);
  dataRef.current = current.data;

  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<readonly string[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);

  const checks = useMemo(
    () => checkMessages(current.errors, schema as JsonSchemaObject),
    [current.errors, schema],
  );
  // the server's problems, each with the answer it was about: it goes once that answer changes
  const server = useMemo(
    () =>
      serverMessages(serverErrors, serverErrorPrefix).map((message) => ({
        ...message,
        answered: valueAt(dataRef.current, message.path),
      })),
    [serverErrors, serverErrorPrefix],
  );
  const allRevealed = useMemo(
    () => (showAllErrors ? ['', ...revealed] : revealed),
    [showAllErrors, revealed],
  );
  const shown = useSame(
    useMemo(
      () => visibleMessages(checks, server, { touched, revealed: allRevealed }, current.data),
      [checks, server, touched, allRevealed, current.data],
    ),
  );
  // the same list object while what is shown stays the same: JSON Forms re-renders every field
  // when it gets a new one
  const additionalErrors = useMemo(() => asFormErrors(shown), [shown]);
  const messages = useMemo(() => [...checks, ...server], [checks, server]);

  // every answer the form reported: the owner handing one back is no news (see keep-latest-data.ts)
  const reported = useRef(new WeakSet<object>());
  const middleware = useMemo(() => keepLatestData(reported.current), []);

  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const handleChange = useCallback(
    (state: { data?: unknown; errors?: FormError[] }) => {
      const errors = state.errors ?? [];
      if (state.data !== null && typeof state.data === 'object') reported.current.add(state.data);
      setCurrent({ data: state.data, errors });
      onChangeRef.current?.(state.data, {
        valid: errors.length === 0,
        messages: checkMessages(errors, schema as JsonSchemaObject),
      });
    },
    [schema],
  );

  const focusField = useCallback((path: string): boolean => {
    const root = rootRef.current;
    if (!root) return false;
    // the field itself, or the nearest group around it that is on the page
    for (let at = path; ; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') {
      const frame = root.querySelector(`[${fieldPathAttribute}="${CSS.escape(at)}"]`);
      const target = frame ? focusableIn(frame) : undefined;
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
        return true;
      }
      if (at === '') return false;
    }
  }, []);

  const touch = useCallback(
    (path: string) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path))),
    [],
  );
  const feedback = useMemo<FormFeedback>(
    () => ({
      messages,
      shown,
      touch,
      forget: (path) =>
        setTouched((before) => {
          const kept = [...before].filter((field) => !isWithin(field, path) || field === path);
          return kept.length === before.size ? before : new Set(kept);
        }),
      reveal: (paths) => {
        setRevealed((before) => [...new Set([...before, ...paths])]);
        setFocusRequest((n) => n + 1);
      },
      focusField,
    }),
    [messages, shown, focusField, touch],
  );

  useImperativeHandle(
    handle,
    () => ({
      revealAll: () => {
        feedback.reveal(['']);
        return checks.length === 0;
      },
    }),
    [feedback, checks],
  );

  // on submit or Continue, focus goes to the summary, as GOV.UK's pattern does
  useEffect(() => {
    if (showAllErrors) setFocusRequest((n) => n + 1);
  }, [showAllErrors]);
  useEffect(() => {
    if (focusRequest > 0) summaryRef.current?.focus();
  }, [focusRequest]);

  const summaryMessages = allRevealed.length > 0 || server.length > 0 ? shown : [];
  return (
    <FormFeedbackContext.Provider value={feedback}>
      <FieldTouchContext.Provider value={touch}>
        <FieldNotesContext.Provider value={fieldNotes}>
          <div ref={rootRef}>
            <ErrorSummary ref={summaryRef} messages={summaryMessages} onSelect={focusField} />
            <JsonForms
              schema={schema}
              uischema={uischema}
              data={data}
              renderers={registry}
              ajv={ajv}
              i18n={i18n}
              config={config}
              readonly={readonly}
              validationMode="ValidateAndHide"
              additionalErrors={additionalErrors}
              onChange={handleChange}
              middleware={middleware}
            />
          </div>
        </FieldNotesContext.Provider>
      </FieldTouchContext.Provider>
    </FormFeedbackContext.Provider>
  );
}
