import '@mantine/core/styles.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Container, Title } from '@mantine/core';
import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { unwrap } from '@tongban/client';
import {
  TongbanForm,
  TongbanProvider,
  WizardSettingsProvider,
  localize,
  tongbanApi,
  useLanguage,
  useWizardDraft,
} from '../../src/index.js';

/**
 * A matter's application form as a wizard kept in a draft, as the portal will show it (issue 14): the
 * answers and the step reached saved to /api/drafts as the person goes, `?draft=<token>` resuming it.
 * `?matter=<key>` names the matter. What was sent is shown as JSON for the test to read.
 */
interface MatterForm {
  title: unknown;
  schema: JsonSchema;
  uischema?: UISchemaElement;
}

const params = new URLSearchParams(window.location.search);
const matter = params.get('matter') ?? 'd1.senior-bus-card';
const resumed = params.get('draft') ?? undefined;

function useMatterForm(): MatterForm | undefined {
  const [form, setForm] = useState<MatterForm>();
  useEffect(() => {
    void unwrap(tongbanApi().GET('/api/catalog/services')).then((answer: unknown) => {
      const items = (answer as { items?: unknown[] }).items ?? (answer as unknown[]);
      const found = items.find((item) => (item as { key?: unknown }).key === matter) as
        { form?: { body?: MatterForm } & MatterForm } | undefined;
      const body = found?.form?.body ?? found?.form;
      if (body) setForm(body);
    });
  }, []);
  return form;
}

function WizardPage() {
  const language = useLanguage();
  const form = useMatterForm();
  const [sent, setSent] = useState<unknown>();
  const draft = useWizardDraft({
    kind: 'matter',
    key: matter,
    ...(resumed ? { token: resumed } : {}),
    // the address now resumes the draft: a reload, or the link on another device
    onToken: (token) => {
      const address = new URLSearchParams(window.location.search);
      address.set('draft', token);
      window.history.replaceState(null, '', `?${address.toString()}`);
    },
  });
  if (!form || draft.load !== 'ready') return null;
  return (
    <Container size="sm" py="md">
      <Title order={1} mb="md">
        {localize(form.title, language)}
      </Title>
      <WizardSettingsProvider step={draft.step} onStepChange={draft.changeStep} onSubmit={setSent}>
        <TongbanForm
          schema={form.schema}
          {...(form.uischema ? { uischema: form.uischema } : {})}
          data={draft.data}
          onChange={draft.change}
        />
      </WizardSettingsProvider>
      {sent !== undefined && <output data-testid="sent">{JSON.stringify(sent)}</output>}
    </Container>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <TongbanProvider baseFontSize={18}>
        <WizardPage />
      </TongbanProvider>
    </StrictMode>,
  );
