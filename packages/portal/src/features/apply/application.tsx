import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { TongbanApiError, type ApiErrorDetail } from '@tongban/client';
import {
  ResidentSignIn,
  TongbanForm,
  WizardSettingsProvider,
  appBase,
  localize,
  pointerToPath,
  useLanguage,
  useSession,
  useT,
  useWizardDraft,
  type FieldNotes,
} from '@tongban/ui';
import { Generate, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import { asWizard } from './as-wizard.js';
import { discardDraft, loadPrefill, type Prefill } from './apply.api.js';
import { formatResumeCode } from './resume-code.js';
import { sensitivePaths } from './sensitive-paths.js';

const namespace = 'portalApply';

/** What is filled in: a matter's form or a bundle's combined form, as the runtime serves it. */
export interface ApplicationForm {
  schema: Record<string, unknown>;
  uischema?: Record<string, unknown> | null;
  notice?: unknown;
}

export interface ApplicationProps<Sent> {
  kind: 'matter' | 'bundle';
  /** The matter's or the bundle's key. */
  definitionKey: string;
  title: string;
  form: ApplicationForm;
  workingDays: number | null;
  /** A draft to resume, from the link or the resume code. */
  draftToken: string | undefined;
  /** Sends the answers; a refusal throws the runtime's `TongbanApiError`. */
  send(data: Record<string, unknown>): Promise<Sent>;
  receipt(sent: Sent): ReactNode;
  /** What the page says above the form, under the title (who handles it, say). */
  lead?: ReactNode;
}

/** Where a draft of this application is resumed: the link kept with the resume code. */
export function resumePath(kind: 'matter' | 'bundle', key: string, token: string): string {
  return `/${kind === 'matter' ? 'apply' : 'bundle'}/${encodeURIComponent(key)}?draft=${encodeURIComponent(token)}`;
}

/**
 * One application, a matter's or a whole life event's: the form as a wizard, prefilled from the
 * resident's last applications when signed in (collect once) and saying so, kept as a draft with a
 * resume code while typing, sign-in offered at sending without losing anything, the server's refusals
 * on their fields, then the receipt.
 */
export function Application<Sent>(props: ApplicationProps<Sent>) {
  const t = useT(namespace);
  const { user } = useSession();
  // prefill once, for whoever is signed in when the page opens; a resumed draft has its own answers
  const [prefill, setPrefill] = useState<Prefill | null | undefined>(props.draftToken ? null : undefined);
  useEffect(() => {
    if (prefill !== undefined || user === undefined) return;
    if (user === null) {
      setPrefill(null);
      return;
    }
    let current = true;
    loadPrefill(props.kind, props.definitionKey).then(
      (found) => current && setPrefill(found),
      () => current && setPrefill(null),
    );
    return () => {
      current = false;
    };
  }, [prefill, user, props.kind, props.definitionKey]);

  if (prefill === undefined)
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  return <ApplicationWizard {...props} prefill={prefill} />;
}

function ApplicationWizard<Sent>({
  kind,
  definitionKey,
  title,
  form,
  workingDays,
  draftToken,
  send: sendAnswers,
  receipt,
  lead,
  prefill,
}: ApplicationProps<Sent> & { prefill: Prefill | null }) {
  const t = useT(namespace);
  const language = useLanguage();
  const { user } = useSession();
  const schema = form.schema as JsonSchema;
  const uischema = useMemo(
    () =>
      asWizard(
        (form.uischema as unknown as UISchemaElement | undefined) ?? Generate.uiSchema(schema),
        title,
        t('closingStep'),
      ),
    [form.uischema, schema, title, t],
  );
  const draft = useWizardDraft({
    kind,
    key: definitionKey,
    ...(draftToken ? { token: draftToken } : {}),
    // the address now resumes the draft: a reload, or the same link on another device
    onToken: (token) =>
      window.history.replaceState(null, '', appBase + resumePath(kind, definitionKey, token)),
  });
  const [serverErrors, setServerErrors] = useState<readonly ApiErrorDetail[]>([]);
  const [problem, setProblem] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);
  const [sent, setSent] = useState<{ value: Sent }>();
  const pending = useRef<Record<string, unknown> | undefined>(undefined);

  // the kept answers go in once, as if typed: they are saved with the draft like any other
  const prefilledOnce = useRef(false);
  useEffect(() => {
    if (prefilledOnce.current || !prefill || prefill.prefilled.length === 0) return;
    prefilledOnce.current = true;
    draft.change({ ...prefill.data, ...draft.data });
  }, [prefill, draft]);

  const notes = useMemo<FieldNotes>(() => {
    const said: Record<string, string> = {};
    for (const path of sensitivePaths(schema)) said[path] = t('whyWeAsk');
    for (const { path } of prefill?.prefilled ?? []) {
      const field = pointerToPath(path);
      said[field] = said[field] ? `${t('fromLastApplication')} ${said[field]}` : t('fromLastApplication');
    }
    return said;
  }, [schema, prefill, t]);

  const send = useCallback(
    async (data: Record<string, unknown>) => {
      setProblem(undefined);
      try {
        const value = await sendAnswers(data);
        setServerErrors([]);
        setSent({ value });
        if (draft.token) void discardDraft(draft.token);
        window.scrollTo(0, 0);
      } catch (error) {
        if (error instanceof TongbanApiError && error.status === 401) {
          pending.current = data;
          setSigningIn(true);
        } else if (error instanceof TongbanApiError && error.details.length > 0) {
          // each detail lands on the field it names; the wizard's summary links to it
          setServerErrors(error.details);
          setProblem(t('refused'));
        } else {
          setProblem(
            t('failedToSubmit', { message: error instanceof Error ? error.message : String(error) }),
          );
        }
      }
    },
    [sendAnswers, draft.token, t],
  );
  const submit = useCallback(
    async (data: unknown) => {
      const answers = (data ?? {}) as Record<string, unknown>;
      if (user === null) {
        pending.current = answers;
        setSigningIn(true);
        window.scrollTo(0, 0);
        return;
      }
      await send(answers);
    },
    [user, send],
  );

  if (sent) return <>{receipt(sent.value)}</>;
  if (draft.load === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  const notice = form.notice ? localize(form.notice, language) : undefined;
  return (
    <Stack maw="44rem" mx="auto" gap="md">
      <Title order={1}>{title}</Title>
      {lead}
      {workingDays === null ? null : <Text>{t('timeLimit', { count: workingDays })}</Text>}
      {draft.load === 'not-found' && (
        <Alert color="yellow" role="alert">
          {t('draftNotFound')}
        </Alert>
      )}
      {prefill && prefill.prefilled.length > 0 && (
        <Alert color="blue" role="status">
          {t('prefilled')}
        </Alert>
      )}
      {notice && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('notice')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {notice}
          </Text>
        </Paper>
      )}
      {signingIn && user === null ? (
        <Stack gap="sm">
          <Alert color="blue" role="status">
            {t('signInToSubmit')}
          </Alert>
          <ResidentSignIn
            onSignedIn={() => {
              setSigningIn(false);
              if (pending.current) void send(pending.current);
            }}
            onCancel={() => setSigningIn(false)}
          />
        </Stack>
      ) : (
        <>
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <WizardSettingsProvider
            step={draft.step}
            onStepChange={draft.changeStep}
            onSubmit={submit}
            submitLabel={t('submit')}
          >
            <TongbanForm
              schema={schema}
              uischema={uischema}
              data={draft.data}
              onChange={draft.change}
              serverErrors={serverErrors}
              fieldNotes={notes}
            />
          </WizardSettingsProvider>
        </>
      )}
      <DraftState save={draft.save} token={draft.token} kind={kind} definitionKey={definitionKey} />
    </Stack>
  );
}

/** Where the draft stands, and the code and link that open it on another device. */
function DraftState({
  save,
  token,
  kind,
  definitionKey,
}: {
  save: string;
  token: string | undefined;
  kind: 'matter' | 'bundle';
  definitionKey: string;
}) {
  const t = useT(namespace);
  const words = { saving: t('saving'), saved: t('saved'), failed: t('saveFailed') } as Record<string, string>;
  const said = words[save];
  if (!said && !token) return null;
  return (
    <Paper withBorder p="md" aria-live="polite">
      <Stack gap={4}>
        {said && <Text size="sm">{said}</Text>}
        {token && (
          <>
            <Text size="sm">{t('resumeCodeLead')}</Text>
            <Text fw={700} size="xl" ff="monospace" data-testid="resume-code" lang="en">
              {formatResumeCode(token)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('resumeLink')} {window.location.origin + appBase + resumePath(kind, definitionKey, token)}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
