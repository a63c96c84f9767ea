import '@mantine/core/styles.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInForm, TongbanApp } from '@tongban/ui';
import { CatalogPage } from './features/catalog/catalog-page.js';

/** The residents' app: the catalog is open to all; signing in is offered in the header. */
function Portal() {
  const [signingIn, setSigningIn] = useState(false);
  return (
    <TongbanApp app="portal" baseFontSize={18} onSignIn={signingIn ? undefined : () => setSigningIn(true)}>
      {signingIn ? (
        <SignInForm onSignedIn={() => setSigningIn(false)} onCancel={() => setSigningIn(false)} />
      ) : (
        <CatalogPage />
      )}
    </TongbanApp>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Portal />
    </StrictMode>,
  );
