import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { TongbanApiError } from '@tongban/client';
import { useT } from '../../i18n/index.js';
import { useSession } from '../shell/session.js';
import { signInNamespace } from './namespace.js';

type Field = 'username' | 'password';

export interface SignInFormProps {
  /** Called once signed in (the session already knows who). */
  onSignedIn?: () => void;
  /** Given: a way back without signing in (the portal, where signing in is optional). */
  onCancel?: () => void;
}

/**
 * The one sign-in form of the three apps: POST /api/auth/login through the client; the runtime sets the
 * session cookie for the whole origin. An empty field is said at the field after pressing the button;
 * what the runtime refuses (a wrong password, too many attempts) is said above, in its own words, and
 * any field it names gets its message. Residents get `ResidentSignIn`, which offers a phone code first.
 */
export function SignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const t = useT(signInNamespace);
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} maw="28rem" mx="auto" p="lg" withBorder>
      <Stack>
        <Title order={1} size="h2" id={titleId}>
          {t('title')}
        </Title>
        <Text>{t('lead')}</Text>
        <PasswordSignInFields {...(onSignedIn ? { onSignedIn } : {})} {...(onCancel ? { onCancel } : {})} />
      </Stack>
    </Paper>
  );
}

/** The account-and-password form itself, without a frame or title (`SignInForm`, `ResidentSignIn`). */
export function PasswordSignInFields({ onSignedIn, onCancel }: SignInFormProps) {
  const t = useT(signInNamespace);
  const { signIn } = useSession();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string>> = {};
    if (values.username.trim() === '') missing.username = t('required.username');
    if (values.password === '') missing.password = t('required.password');
    setFieldErrors(missing);
    setRefusal(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await signIn(values.username.trim(), values.password);
      onSignedIn?.();
    } catch (error) {
      if (!(error instanceof TongbanApiError)) throw error;
      setRefusal(error.message);
      setFieldErrors(fieldsNamed(error));
    } finally {
      setBusy(false);
    }
  };

  const change = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((before) => ({ ...before, [field]: value }));
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {refusal ? (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        ) : null}
        <TextInput
          label={t('username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={values.username}
          onChange={change('username')}
          error={fieldErrors.username}
        />
        <PasswordInput
          label={t('password')}
          name="password"
          autoComplete="current-password"
          required
          value={values.password}
          onChange={change('password')}
          error={fieldErrors.password}
        />
        <Button type="submit" loading={busy} loaderProps={{ 'aria-label': t('submitting') }}>
          {t('submit')}
        </Button>
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </Stack>
    </form>
  );
}

/** The runtime's details that name a field of this form (`/body/username`), by field. */
function fieldsNamed(error: TongbanApiError): Partial<Record<Field, string>> {
  const named: Partial<Record<Field, string>> = {};
  for (const detail of error.details) {
    const field = detail.path.replace(/^\/body\//, '');
    if (field === 'username' || field === 'password') named[field] = detail.message;
  }
  return named;
}
