import { useId, useState } from 'react';
import { Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useT } from '../../i18n/index.js';
import { PhoneSignInFields, type PhoneSignInProps } from './phone-sign-in-form.js';
import { PasswordSignInFields } from './sign-in-form.js';
import { signInNamespace } from './namespace.js';

/** How a resident signs in: a code by text message (first), or an account and password. */
export type SignInMethod = 'phone' | 'password';

export interface ResidentSignInProps extends PhoneSignInProps {
  /** The way shown first (phone unless said). */
  initialMethod?: SignInMethod;
}

/**
 * The portal's sign-in: the phone number and a code first (most residents have no account name), the
 * account and password as the other tab (the demo resident, family members helping, staff trying the
 * portal). Both set the one session cookie of the three apps.
 */
export function ResidentSignIn({ initialMethod = 'phone', onSignedIn, onCancel }: ResidentSignInProps) {
  const t = useT(signInNamespace);
  const titleId = useId();
  const [method, setMethod] = useState<SignInMethod>(initialMethod);
  const callbacks = { ...(onSignedIn ? { onSignedIn } : {}), ...(onCancel ? { onCancel } : {}) };
  return (
    <Paper component="section" aria-labelledby={titleId} maw="30rem" mx="auto" p="lg" withBorder>
      <Stack>
        <Title order={1} size="h2" id={titleId}>
          {t('resident.title')}
        </Title>
        <Text>{method === 'phone' ? t('resident.lead') : t('lead')}</Text>
        <Tabs
          value={method}
          onChange={(value) => setMethod(value === 'password' ? 'password' : 'phone')}
          keepMounted={false}
        >
          <Tabs.List grow aria-label={t('methods.label')}>
            <Tabs.Tab value="phone" fz="md" mih="3rem">
              {t('methods.phone')}
            </Tabs.Tab>
            <Tabs.Tab value="password" fz="md" mih="3rem">
              {t('methods.password')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="phone" pt="md">
            <PhoneSignInFields {...callbacks} />
          </Tabs.Panel>
          <Tabs.Panel value="password" pt="md">
            <PasswordSignInFields {...callbacks} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Paper>
  );
}
