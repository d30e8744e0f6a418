import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import { formatTime } from '../i18n.ts';
import { go } from '../route.ts';
import type { AppMe, FeedbackKind, FeedbackSummary, FeedbackThread } from '../types.ts';
import { ErrorBox, Field, fieldError, Header } from './common.tsx';

const KINDS: FeedbackKind[] = ['concern', 'question', 'legal_consultation'];

/** Speak up: the member's threads with their union, a new one, or one thread. */
export function SpeakScreen({ me, path }: { me: AppMe; path: string[] }) {
  const [first] = path;
  if (first === 'new') return <NewThread me={me} />;
  if (first && /^\d+$/.test(first)) return <Thread id={Number(first)} />;
  return <Threads />;
}

function Threads() {
  const { t } = useTranslation();
  const [items, setItems] = useState<FeedbackSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .get<{ items: FeedbackSummary[] }>('/app/feedback')
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);
  return (
    <>
      <Header title={t('speak.title')} />
      <main className="stack">
        <p className="muted">{t('speak.lead')}</p>
        <a className="button primary" href="#/speak/new" data-testid="speak-new">
          {t('speak.new')}
        </a>
        <ErrorBox error={error} />
        {items?.length === 0 && <p className="muted">{t('speak.none')}</p>}
        <ul className="list">
          {items?.map((f) => (
            <li key={f.id}>
              <a href={`#/speak/${f.id}`} data-testid="speak-thread">
                <span className={`pill ${f.status}`}>{t(`speak.statuses.${f.status}`)}</span>
                <strong>{f.subject}</strong>
                <span className="muted small">
                  {t(`speak.kinds.${f.kind}`)} · {formatTime(f.lastMessageAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

function NewThread({ me }: { me: AppMe }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FeedbackKind>('concern');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const thread = await api.post<FeedbackThread>('/app/feedback', { kind, subject, body, anonymous });
      go('speak', thread.id);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Header title={t('speak.new')} back="#/speak" />
      <form className="stack" onSubmit={submit} noValidate>
        <p className="muted">{t('speak.goesTo', { unit: me.unit?.name ?? '' })}</p>
        <fieldset className="field">
          <legend className="label">{t('speak.kind')}</legend>
          <div className="choices column">
            {KINDS.map((k) => (
              <label key={k} className="choice">
                <input
                  type="radio"
                  name="kind"
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  data-testid={`speak-kind-${k}`}
                />
                <span>
                  {t(`speak.kinds.${k}`)}
                  <span className="muted small block">{t(`speak.kindHints.${k}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field label={t('speak.subject')} error={fieldError(error, 'subject')}>
          <input
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            maxLength={200}
            data-testid="speak-subject"
          />
        </Field>
        <Field label={t('speak.body')} error={fieldError(error, 'body')}>
          <textarea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={6}
            maxLength={5000}
            data-testid="speak-body"
          />
        </Field>
        <label className="choice">
          <input
            type="checkbox"
            checked={anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            data-testid="speak-anonymous"
          />
          <span>
            {t('speak.anonymous')}
            <span className="muted small block">{t('speak.anonymousHint')}</span>
          </span>
        </label>
        <ErrorBox error={fieldError(error, 'subject', 'body') ? null : error} />
        <button type="submit" className="button primary" disabled={busy} data-testid="speak-send">
          {t('speak.send')}
        </button>
      </form>
    </>
  );
}

function Thread({ id }: { id: number }) {
  const { t } = useTranslation();
  const [thread, setThread] = useState<FeedbackThread | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.get<FeedbackThread>(`/app/feedback/${id}`).then(setThread).catch(setError);
  }, [id]);
  useEffect(load, [load]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setThread(await api.post<FeedbackThread>(`/app/feedback/${id}/messages`, { body: reply }));
      setReply('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Header title={thread?.subject ?? t('speak.title')} back="#/speak" />
      <main className="stack">
        {thread && (
          <div className="row spread">
            <span className={`pill ${thread.status}`} data-testid="thread-status">
              {t(`speak.statuses.${thread.status}`)}
            </span>
            <button type="button" className="link" onClick={load} data-testid="thread-refresh">
              {t('speak.refresh')}
            </button>
          </div>
        )}
        {thread?.anonymous && <p className="muted small">{t('speak.isAnonymous')}</p>}
        <ol className="thread">
          {thread?.messages.map((m) =>
            m.kind === 'message' ? (
              <li key={m.id} className={`bubble ${m.author}`} data-testid={`thread-message-${m.author}`}>
                {m.author === 'officer' && <div className="who">{m.unitName}</div>}
                <div className="text">{m.body}</div>
                <time className="small">{formatTime(m.createdAt)}</time>
              </li>
            ) : (
              <li key={m.id} className="step" data-testid="thread-step">
                {t(`speak.steps.${m.kind}`, { unit: m.unitName ?? '' })}
                {m.body && <span className="block">{m.body}</span>}
                <time className="small block">{formatTime(m.createdAt)}</time>
              </li>
            ),
          )}
        </ol>
        <ErrorBox error={error} />
        {thread && (
          <form className="stack" onSubmit={send}>
            <Field label={thread.status === 'closed' ? t('speak.reopen') : t('speak.reply')}>
              <textarea value={reply} onChange={(e) => setReply(e.target.value)} rows={3} data-testid="thread-reply" />
            </Field>
            <button type="submit" className="button primary" disabled={busy || !reply.trim()} data-testid="thread-send">
              {t('speak.send')}
            </button>
          </form>
        )}
      </main>
    </>
  );
}
