import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../src/api/client.ts';
import { setLanguage } from '../i18n.ts';

/** What went wrong, in the member's language: the server's message, or "no network". */
export function errorText(err: unknown, t: (k: string) => string): string {
  if (err instanceof ApiError) return err.message;
  return t('errors.network');
}

export function ErrorBox({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.values(error.fieldErrors) : [];
  return (
    <div className="error" role="alert" data-testid="app-error">
      <p>{errorText(error, t)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The message for one field of a failed form, shown under that field. */
export const fieldError = (error: unknown, ...names: string[]) => {
  if (!(error instanceof ApiError)) return undefined;
  for (const n of names) if (error.fieldErrors[n]) return error.fieldErrors[n];
  return undefined;
};

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in, inside this label
    <label className={`field${error ? ' invalid' : ''}`}>
      <span className="label">{label}</span>
      {children}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

export function Header({ title, back }: { title: string; back?: string }) {
  const { t } = useTranslation();
  return (
    <header className="bar">
      {back !== undefined && (
        <a className="back" href={back} aria-label={t('back')}>
          ‹
        </a>
      )}
      <h1>{title}</h1>
    </header>
  );
}

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button type="button" className="link" onClick={() => setLanguage(next)} data-testid="app-language">
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
