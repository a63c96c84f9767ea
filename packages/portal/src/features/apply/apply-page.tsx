import { useCallback, useMemo, useRef, useState } from 'react';
import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { TongbanApiError, type ApiErrorDetail } from '@tongban/client';
import {
  AppLink,
  SignInForm,
  TongbanForm,
  WizardSettingsProvider,
  appBase,
  localize,
  registerCatalog,
  useLanguage,
  useLoaded,
  useSession,
  useT,
  useWizardDraft,
} from '@tongban/ui';
import { Generate, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import { loadService, type Service, type ServiceForm } from '../services/services.api.js';
import { asWizard } from './as-wizard.js';
import { discardDraft, startCase, type StartedCase } from './apply.api.js';
import { Receipt } from './receipt.js';
import { applyCatalog } from './locales.js';

const namespace = 'portalApply';
registerCatalog(namespace, applyCatalog);

/** /portal/apply/<matter>: the matter's application form as a wizard, kept as a draft, then sent. */
export function ApplyPage({ matter, draftToken }: { matter: string; draftToken: string | undefined }) {
  const t = useT(namespace);
  // "try again" asks anew: the attempt is one of what the service is loaded for
  const [attempt, setAttempt] = useState(0);
  const load = useLoaded(() => loadService(matter), [matter, attempt]);

  if (load.state === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  if (load.state === 'failed')
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert color="red" role="alert" title={t('failed')} w="100%">
          {load.error instanceof Error ? load.error.message : String(load.error)}
        </Alert>
        <Button variant="default" onClick={() => setAttempt((before) => before + 1)}>
          {t('retry')}
        </Button>
      </Stack>
    );
  const service = load.value;
  if (!service || !service.form)
    return (
      <Stack maw="40rem" mx="auto" align="flex-start">
        <Alert color="yellow" role="alert" w="100%">
          {service ? t('inPerson') : t('notFound')}
        </Alert>
        <AppLink to="/">{t('backToCatalog')}</AppLink>
      </Stack>
    );
  return (
    <Application
      key={`${service.key}@${service.version}`}
      service={service}
      form={service.form}
      draftToken={draftToken}
    />
  );
}

function Application({
  service,
  form,
  draftToken,
}: {
  service: Service;
  form: ServiceForm;
  draftToken: string | undefined;
}) {
  const t = useT(namespace);
  const language = useLanguage();
  const { user } = useSession();
  const title = localize(service.title, language) ?? service.key;
  const uischema = useMemo(
    () =>
      asWizard(
        (form.uischema as unknown as UISchemaElement | undefined) ??
          Generate.uiSchema(form.schema as JsonSchema),
        title,
      ),
    [form.uischema, form.schema, title],
  );
  const draft = useWizardDraft({
    kind: 'matter',
    key: service.key,
    ...(draftToken ? { token: draftToken } : {}),
    // the address now resumes the draft: a reload, or the same link on another device
    onToken: (token) => window.history.replaceState(null, '', resumeAddress(service.key, token)),
  });
  const [serverErrors, setServerErrors] = useState<readonly ApiErrorDetail[]>([]);
  const [problem, setProblem] = useState<string>();
  const [signingIn, setSigningIn] = useState(false);
  const [started, setStarted] = useState<StartedCase>();
  const pending = useRef<Record<string, unknown> | undefined>(undefined);

  const send = useCallback(
    async (data: Record<string, unknown>) => {
      setProblem(undefined);
      try {
        const kase = await startCase(service.key, data);
        setServerErrors([]);
        setStarted(kase);
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
    [service.key, draft.token, t],
  );
  const submit = useCallback(
    async (data: unknown) => {
      const answers = (data ?? {}) as Record<string, unknown>;
      if (user === null) {
        pending.current = answers;
        setSigningIn(true);
        return;
      }
      await send(answers);
    },
    [user, send],
  );

  if (started) return <Receipt started={started} />;
  if (draft.load === 'loading')
    return (
      <Center mih="12rem" role="status" aria-label={t('loading')}>
        <Loader />
      </Center>
    );
  return (
    <Stack maw="44rem" mx="auto" gap="md">
      <Title order={1}>{title}</Title>
      {service.timeLimit.workingDays === undefined ? null : (
        <Text>{t('timeLimit', { count: service.timeLimit.workingDays })}</Text>
      )}
      {draft.load === 'not-found' && (
        <Alert color="yellow" role="alert">
          {t('draftNotFound')}
        </Alert>
      )}
      {form.notice && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            {t('notice')}
          </Title>
          <Text size="sm">{localize(form.notice, language)}</Text>
        </Paper>
      )}
      {signingIn && user === null ? (
        <Stack gap="sm">
          <Alert color="blue" role="status">
            {t('signInToSubmit')}
          </Alert>
          <SignInForm
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
              schema={form.schema as JsonSchema}
              uischema={uischema}
              data={draft.data}
              onChange={draft.change}
              serverErrors={serverErrors}
            />
          </WizardSettingsProvider>
        </>
      )}
      <DraftState save={draft.save} token={draft.token} matter={service.key} />
    </Stack>
  );
}

function resumeAddress(matter: string, token: string): string {
  return `${appBase}/apply/${encodeURIComponent(matter)}?draft=${encodeURIComponent(token)}`;
}

/** Where the draft stands, and the link that opens it on another device. */
function DraftState({ save, token, matter }: { save: string; token: string | undefined; matter: string }) {
  const t = useT(namespace);
  const words = { saving: t('saving'), saved: t('saved'), failed: t('saveFailed') } as Record<string, string>;
  const said = words[save];
  if (!said && !token) return null;
  return (
    <Stack gap={4} aria-live="polite">
      {said && <Text size="sm">{said}</Text>}
      {token && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('resumeLink')} {window.location.origin + resumeAddress(matter, token)}
        </Text>
      )}
    </Stack>
  );
}
