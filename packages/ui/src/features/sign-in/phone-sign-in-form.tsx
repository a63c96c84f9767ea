import { useEffect, useId, useLayoutEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { TongbanApiError, unwrap } from '@tongban/client';
import { useT } from '../../i18n/index.js';
import { tongbanApi } from '../shell/api.js';
import { useSession } from '../shell/session.js';
import {
  caretAfterDigits,
  digitsBefore,
  formatPhoneNumber,
  normalizePhoneNumber,
} from '../phone/phone-number.js';
import { signInNamespace } from './namespace.js';
import {
  codeFieldProblem,
  normalizeCode,
  phoneFieldProblem,
  refusalByField,
  secondsUntil,
  type FieldProblem,
  type PhoneField,
} from './phone-sign-in.js';

export interface PhoneSignInProps {
  /** Called once signed in (the session already knows who). */
  onSignedIn?: () => void;
  /** Given: a way back without signing in (the portal, where signing in is optional). */
  onCancel?: () => void;
}

/** A code was sent: when, for how long it works, when another may be asked for. */
interface Sent {
  phone: string;
  minutes: number;
  resendAt: number;
}

/**
 * Sign-in by mobile number and a code sent by text message (decision 0023), for residents: the number
 * (shown 3-4-4, digits only sent), "send me a code" with a countdown before another may be asked for,
 * then the code and "sign in". The first sign-in of a number makes the resident's account. Problems are
 * said next to their field in plain words, after the person presses a button, never before.
 */
export function PhoneSignInFields({ onSignedIn, onCancel }: PhoneSignInProps) {
  const t = useT(signInNamespace);
  const { refresh } = useSession();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Partial<Record<PhoneField, string>>>({});
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState<PhoneField | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const codeInput = useRef<HTMLInputElement>(null);
  const phoneInput = useRef<HTMLInputElement>(null);
  const caretDigits = useRef<number | undefined>(undefined);

  // the caret stays after the digit just typed, though spaces come and go around it (as the form's
  // phone control does): correcting a digit in the middle does not throw the caret to the end
  useLayoutEffect(() => {
    const element = phoneInput.current;
    if (caretDigits.current === undefined || !element || document.activeElement !== element) return;
    const caret = caretAfterDigits(formatPhoneNumber(phone), caretDigits.current);
    element.setSelectionRange(caret, caret);
    caretDigits.current = undefined;
  });
  const typePhone = (event: ChangeEvent<HTMLInputElement>) => {
    const typed = event.currentTarget.value;
    caretDigits.current = digitsBefore(typed, event.currentTarget.selectionStart ?? typed.length);
    setPhone(normalizePhoneNumber(typed));
  };

  const say = (problem: FieldProblem) => t(problem.key, problem.values ?? {});
  const waitSeconds = sent ? secondsUntil(sent.resendAt, now) : 0;

  // the countdown ticks once a second while it runs, and stops when it reaches zero
  useEffect(() => {
    if (!sent || waitSeconds === 0) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [sent, waitSeconds]);

  const send = async () => {
    const problem = phoneFieldProblem(phone);
    setErrors(problem ? { phone: say(problem) } : {});
    if (problem) return;
    setBusy('phone');
    try {
      const issued = await unwrap(tongbanApi().POST('/api/auth/phone-codes', { body: { phone } }));
      const at = Date.now();
      setNow(at);
      setSent({
        phone,
        minutes: Math.max(1, Math.round(issued.expiresInSeconds / 60)),
        resendAt: at + issued.resendInSeconds * 1000,
      });
      setCode('');
      codeInput.current?.focus();
    } catch (error) {
      if (!(error instanceof TongbanApiError)) throw error;
      setErrors(refusalByField(error, 'phone'));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const phoneProblem = phoneFieldProblem(phone);
    const codeProblem = codeFieldProblem(code, sent !== null);
    const found: Partial<Record<PhoneField, string>> = {};
    if (phoneProblem) found.phone = say(phoneProblem);
    if (codeProblem) found.code = say(codeProblem);
    setErrors(found);
    if (phoneProblem || codeProblem) return;
    setBusy('code');
    try {
      await unwrap(tongbanApi().POST('/api/auth/phone-sign-in', { body: { phone, code } }));
      await refresh();
      onSignedIn?.();
    } catch (error) {
      if (!(error instanceof TongbanApiError)) throw error;
      setErrors(refusalByField(error, 'code'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <TextInput
          label={t('phone.phone')}
          description={t('phone.phoneHint')}
          name="phone"
          type="tel"
          inputMode="numeric"
          autoComplete="tel-national"
          required
          ref={phoneInput}
          value={formatPhoneNumber(phone)}
          onChange={typePhone}
          maxLength={20}
          error={errors.phone}
        />
        <Button
          variant={sent ? 'default' : 'filled'}
          fullWidth
          onClick={() => void send()}
          loading={busy === 'phone'}
          loaderProps={{ 'aria-label': t('phone.sending') }}
          disabled={waitSeconds > 0}
        >
          {waitSeconds > 0
            ? t('phone.resendIn', { seconds: waitSeconds })
            : sent
              ? t('phone.resend')
              : t('phone.send')}
        </Button>
        {sent ? (
          <Alert color="blue" role="status">
            {t('phone.sent', { phone: formatPhoneNumber(sent.phone), minutes: sent.minutes })}
          </Alert>
        ) : null}
        <TextInput
          ref={codeInput}
          label={t('phone.code')}
          description={t('phone.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(event) => setCode(normalizeCode(event.currentTarget.value))}
          error={errors.code}
        />
        <Button
          type="submit"
          fullWidth
          variant={sent ? 'filled' : 'default'}
          loading={busy === 'code'}
          loaderProps={{ 'aria-label': t('phone.submitting') }}
        >
          {t('phone.submit')}
        </Button>
        {onCancel ? (
          <Button variant="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
        ) : null}
      </Stack>
    </form>
  );
}

/** The phone sign-in on its own, framed with its title (`ResidentSignIn` offers a password beside it). */
export function PhoneSignInForm(props: PhoneSignInProps) {
  const t = useT(signInNamespace);
  const titleId = useId();
  return (
    <Paper component="section" aria-labelledby={titleId} maw="28rem" mx="auto" p="lg" withBorder>
      <Stack>
        <Title order={1} size="h2" id={titleId}>
          {t('phone.title')}
        </Title>
        <Text>{t('resident.lead')}</Text>
        <PhoneSignInFields {...props} />
      </Stack>
    </Paper>
  );
}
