import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../lib/i18n.tsx';
import { PhoneApp } from './app.tsx';
import '../styles/app.css';
import './phone.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PhoneApp />
    </I18nProvider>
  </StrictMode>,
);

// the app shell is kept by a service worker so the app opens without a connection
if ('serviceWorker' in navigator) navigator.serviceWorker.register('/m/sw.js', { scope: '/m/' }).catch(() => undefined);
