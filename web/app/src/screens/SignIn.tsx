import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import type { AppMe, Challenge } from '../types.ts';
import { ErrorBox, Field, fieldError, Header } from './common.tsx';

const RESEND_AFTER_S = 60;

/** Sign-in with a one-time code: the phone number or CCCD first, then the six digits sent. */
export function SignInScreen({ onSignedIn }: { onSignedIn: (me: AppMe) => void }) {
  const { t } = useTranslation();
  const [identifier, setIdentifier] = useState('');
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const requestCode = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setChallenge(await api.post<Challenge>('/app/auth/code', { identifier }));
      setCode('');
      setWait(RESEND_AFTER_S);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.post<AppMe>('/app/auth/verify', { challengeId: challenge.challengeId, code }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Header title={t('signIn.title')} back="#/" />
      <main className="stack">
        {!challenge ? (
          <form onSubmit={requestCode} className="stack" noValidate>
            <p className="muted">{t('signIn.lead')}</p>
            <Field
              label={t('signIn.identifier')}
              error={fieldError(error, 'identifier')}
              hint={t('signIn.identifierHint')}
            >
              <input
                value={identifier}
                onChange={(e) => setIdentifier(e.target.value)}
                inputMode="text"
                autoComplete="tel"
                required
                data-testid="signin-identifier"
              />
            </Field>
            <ErrorBox error={fieldError(error, 'identifier') ? null : error} />
            <button
              type="submit"
              className="button primary"
              disabled={busy || !identifier.trim()}
              data-testid="signin-send"
            >
              {t('signIn.send')}
            </button>
          </form>
        ) : (
          <form onSubmit={verify} className="stack" noValidate>
            <p data-testid="signin-sent">
              {challenge.destination ? t('signIn.sentTo', { to: challenge.destination }) : t('signIn.sentMaybe')}
            </p>
            <Field label={t('signIn.code')} error={fieldError(error, 'code')}>
              <input
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                className="code"
                required
                data-testid="signin-code"
              />
            </Field>
            <ErrorBox error={fieldError(error, 'code') ? null : error} />
            <button
              type="submit"
              className="button primary"
              disabled={busy || code.length !== 6}
              data-testid="signin-verify"
            >
              {t('signIn.verify')}
            </button>
            <button type="button" className="link" disabled={busy || wait > 0} onClick={() => requestCode()}>
              {wait > 0 ? t('signIn.resendIn', { s: wait }) : t('signIn.resend')}
            </button>
            <button type="button" className="link" onClick={() => setChallenge(null)}>
              {t('signIn.other')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
