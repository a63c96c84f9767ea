import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInForm, TongbanApp } from '@tongban/ui';
import { HomePage } from './features/home/home-page.js';

/** The staff's app: everything in it needs a signed-in account. */
function Workbench() {
  return (
    <TongbanApp app="workbench" signedOut={<SignInForm />}>
      <HomePage />
    </TongbanApp>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Workbench />
    </StrictMode>,
  );
