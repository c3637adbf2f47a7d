import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/styles.css';
import { CenterApp } from './CenterApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CenterApp />
  </StrictMode>,
);
