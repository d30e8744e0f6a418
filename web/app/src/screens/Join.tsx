import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import type { JoinReceipt, Place } from '../types.ts';
import { ErrorBox, Field, fieldError, Header } from './common.tsx';

/**
 * A worker applies to join the union: who they are and where they work. The application goes to
 * the CĐCS of that workplace, or to the upper union when it has none yet (docs/member-app.md).
 */
export function JoinScreen() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ fullName: '', birthDate: '', gender: '', citizenId: '', phone: '', note: '' });
  const [query, setQuery] = useState('');
  const [places, setPlaces] = useState<Place[]>([]);
  const [place, setPlace] = useState<Place | null>(null);
  const [employerName, setEmployerName] = useState('');
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<JoinReceipt | null>(null);

  // Workplaces as the worker types, a moment after the last key (not one request per key).
  useEffect(() => {
    if (place || query.trim().length < 2) {
      setPlaces([]);
      return;
    }
    const timer = setTimeout(() => {
      api
        .get<{ items: Place[] }>('/app/join/places', { q: query.trim() })
        .then((r) => setPlaces(r.items))
        .catch(() => setPlaces([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [query, place]);

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const applicant = Object.fromEntries(
        Object.entries({ ...form, note: undefined }).filter(([, v]) => v !== undefined && v !== ''),
      );
      setReceipt(
        await api.post<JoinReceipt>('/app/applications', {
          applicant,
          ...(place?.kind === 'enterprise' ? { enterpriseId: place.id } : {}),
          ...(place?.kind === 'grassroots_union' ? { unitId: place.id } : {}),
          ...(place ? { employerName: place.name } : employerName.trim() ? { employerName: employerName.trim() } : {}),
          ...(form.note.trim() ? { note: form.note.trim() } : {}),
          website,
        }),
      );
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (receipt)
    return (
      <>
        <Header title={t('join.title')} back="#/" />
        <main className="stack">
          <div className="card-box success" data-testid="join-receipt">
            <h2>{t('join.sent')}</h2>
            <p>{t('join.sentTo', { unit: receipt.unitName ?? '' })}</p>
            <p className="muted">{t('join.keepCode')}</p>
            <p className="tracking" data-testid="join-tracking-code">
              {receipt.trackingCode}
            </p>
          </div>
          <a className="button primary" href={`#/track/${receipt.trackingCode}`} data-testid="join-follow">
            {t('join.follow')}
          </a>
        </main>
      </>
    );

  const err = (...names: string[]) => fieldError(error, ...names.map((n) => `applicant.${n}`), ...names);
  return (
    <>
      <Header title={t('join.title')} back="#/" />
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted">{t('join.lead')}</p>
        <Field label={t('join.fullName')} error={err('fullName')}>
          <input
            value={form.fullName}
            onChange={set('fullName')}
            autoComplete="name"
            required
            data-testid="join-fullName"
          />
        </Field>
        <Field label={t('join.birthDate')} error={err('birthDate')}>
          <input type="date" value={form.birthDate} onChange={set('birthDate')} required data-testid="join-birthDate" />
        </Field>
        <fieldset className={`field${err('gender') ? ' invalid' : ''}`}>
          <legend className="label">{t('join.gender')}</legend>
          <div className="choices">
            {(['female', 'male'] as const).map((g) => (
              <label key={g} className="choice">
                <input
                  type="radio"
                  name="gender"
                  value={g}
                  checked={form.gender === g}
                  onChange={set('gender')}
                  data-testid={`join-gender-${g}`}
                />
                {t(`join.genders.${g}`)}
              </label>
            ))}
          </div>
          {err('gender') && <span className="field-error">{err('gender')}</span>}
        </fieldset>
        <Field label={t('join.citizenId')} error={err('citizenId')} hint={t('join.citizenIdHint')}>
          <input
            value={form.citizenId}
            onChange={set('citizenId')}
            inputMode="numeric"
            required
            data-testid="join-citizenId"
          />
        </Field>
        <Field label={t('join.phone')} error={err('phone')}>
          <input
            value={form.phone}
            onChange={set('phone')}
            inputMode="tel"
            autoComplete="tel"
            required
            data-testid="join-phone"
          />
        </Field>

        <Field
          label={t('join.workplace')}
          error={err('enterpriseId', 'unitId', 'employerName')}
          hint={t('join.workplaceHint')}
        >
          {place ? (
            <div className="chosen" data-testid="join-place-chosen">
              <strong>{place.name}</strong>
              <span className="muted">{placeLine(place, t)}</span>
              <button type="button" className="link" onClick={() => setPlace(null)}>
                {t('join.change')}
              </button>
            </div>
          ) : (
            <input value={query} onChange={(e) => setQuery(e.target.value)} data-testid="join-place-search" />
          )}
        </Field>
        {!place && places.length > 0 && (
          <ul className="options" data-testid="join-places">
            {places.map((p) => (
              <li key={`${p.kind}-${p.id}`}>
                <button type="button" onClick={() => setPlace(p)} data-testid="join-place">
                  <strong>{p.name}</strong>
                  <span className="muted">{placeLine(p, t)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {!place && (
          <Field label={t('join.employerName')} hint={t('join.employerNameHint')}>
            <input
              value={employerName}
              onChange={(e) => setEmployerName(e.target.value)}
              data-testid="join-employerName"
            />
          </Field>
        )}
        <Field label={t('join.note')}>
          <textarea value={form.note} onChange={set('note')} rows={2} />
        </Field>
        {/* A field people do not see: a bot that fills every field gives itself away. */}
        <input
          className="trap"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          aria-hidden="true"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
        />
        <label className="choice consent">
          <input
            type="checkbox"
            checked={consent}
            onChange={(e) => setConsent(e.target.checked)}
            data-testid="join-consent"
          />
          {t('join.consent')}
        </label>
        <ErrorBox error={error} />
        <button type="submit" className="button primary" disabled={busy || !consent} data-testid="join-submit">
          {t('join.submit')}
        </button>
      </form>
    </>
  );
}

function placeLine(p: Place, t: (k: string, o?: Record<string, string>) => string) {
  const where = p.district ? `${p.district} · ` : '';
  if (p.kind === 'grassroots_union') return `${where}${t('join.isUnion')}`;
  return `${where}${p.grassrootsUnionName ? t('join.hasUnion', { name: p.grassrootsUnionName }) : t('join.noUnion')}`;
}
