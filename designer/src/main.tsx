import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TongbanProvider } from '@tongban/ui';
import { App } from './app.js';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <TongbanProvider>
        <App />
      </TongbanProvider>
    </StrictMode>,
  );
