/** The renderer's entry: one React root, the boot sequence, the app's stylesheet. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './app/Boot.js';
import { getLanguage } from './i18n/language.js';
import './styles/app.css';

document.documentElement.lang = getLanguage();
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Boot />
  </StrictMode>,
);
