import type { ReactNode } from 'react';
import { Alert, Loader } from '@mantine/core';
import { useT } from '@tongban/ui';
import { galleryNamespace } from './locales.js';
import { needsSignIn } from './gallery.api.js';
import type { Loaded } from '@tongban/ui';

/** What a page shows while its data loads or when it could not: a loader, or the reason in plain words. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  const t = useT(galleryNamespace);
  if (loaded.state === 'loading') return <Loader aria-label={t('loading')} />;
  if (loaded.state === 'failed')
    return (
      <Alert color="red" role="alert">
        {needsSignIn(loaded.error)
          ? t('signInNeeded')
          : t('loadFailed', {
              message: loaded.error instanceof Error ? loaded.error.message : String(loaded.error),
            })}
      </Alert>
    );
  return <>{children(loaded.value)}</>;
}
