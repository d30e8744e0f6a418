import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import { formatTime } from '../i18n.ts';
import { go } from '../route.ts';
import type { ApplicationStatus } from '../types.ts';
import { ErrorBox, Field, Header } from './common.tsx';

/** An applicant follows their application with the code they were given. */
export function TrackScreen({ code }: { code: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(code);
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setStatus(null);
    setError(null);
    if (!code) return;
    api
      .get<ApplicationStatus>(`/applications/status/${encodeURIComponent(code)}`)
      .then(setStatus)
      .catch(setError);
  }, [code]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    go('track', typed.trim().toUpperCase());
  };

  return (
    <>
      <Header title={t('track.title')} back="#/" />
      <main className="stack">
        <form onSubmit={submit} className="row">
          <Field label={t('track.code')}>
            <input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoCapitalize="characters"
              data-testid="track-code"
            />
          </Field>
          <button type="submit" className="button">
            {t('track.look')}
          </button>
        </form>
        <ErrorBox error={error} />
        {status && (
          <div className={`card-box status-${status.status}`} data-testid="track-status">
            <h2 data-testid="track-status-text">{t(`track.statuses.${status.status}`)}</h2>
            {status.unitName && <p>{t('track.at', { unit: status.unitName })}</p>}
            <p className="muted">{t('track.submitted', { time: formatTime(status.submittedAt) })}</p>
            {status.decisionReason && <p>{t('track.reason', { reason: status.decisionReason })}</p>}
            {status.status === 'admitted' && (
              <a className="button primary" href="#/signin">
                {t('track.signIn')}
              </a>
            )}
          </div>
        )}
      </main>
    </>
  );
}
