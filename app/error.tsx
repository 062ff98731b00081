'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common');
  useEffect(() => {
    // The server logged the full error; the digest ties this screen to that log line.
    console.warn('[error boundary]', error.digest ?? error.message);
  }, [error]);
  return (
    <main className="centered" id="main">
      <div className="card">
        <h1>{t('errorTitle')}</h1>
        <p>{t('errorBody')}</p>
        {error.digest && <p className="muted small">#{error.digest}</p>}
        <button type="button" className="btn" onClick={reset}>
          {t('retry')}
        </button>
      </div>
    </main>
  );
}
