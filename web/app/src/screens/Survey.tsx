import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../src/api/client.ts';
import type { Survey } from '../types.ts';
import { ErrorBox, fieldError, Header } from './common.tsx';

type Answers = Record<string, string | string[]>;

/** A survey the member's union runs: answer once; afterwards, their answers as sent. */
export function SurveyScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const [survey, setSurvey] = useState<Survey | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    api
      .get<Survey>(`/app/surveys/${id}`)
      .then((s) => {
        setSurvey(s);
        if (s.answers) setAnswers(s.answers);
      })
      .catch(setError);
  }, [id]);

  const done = sent || Boolean(survey?.answered) || survey?.open === false;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/app/surveys/${id}/responses`, { answers });
      setSent(true);
      window.scrollTo(0, 0);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (q: string, option: string) => {
    const now = Array.isArray(answers[q]) ? (answers[q] as string[]) : [];
    setAnswers({ ...answers, [q]: now.includes(option) ? now.filter((o) => o !== option) : [...now, option] });
  };

  return (
    <>
      <Header title={survey?.title ?? t('news.survey')} back="#/news" />
      <form className="stack" onSubmit={submit} noValidate>
        {done && (
          <div className="card-box success" data-testid="survey-done">
            {sent || survey?.answered ? t('news.thanks') : t('news.closed')}
          </div>
        )}
        {survey?.description && <p className="muted">{survey.description}</p>}
        {survey?.questions.map((q, i) => {
          const err = fieldError(error, `answers.${q.id}`);
          return (
            <fieldset key={q.id} className={`field${err ? ' invalid' : ''}`} disabled={done}>
              <legend className="label">
                {i + 1}. {q.text}
                {q.required && ' *'}
              </legend>
              {q.kind === 'text' ? (
                <textarea
                  rows={3}
                  value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
                  onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
                />
              ) : (
                <div className="choices column">
                  {q.options?.map((o) => (
                    <label key={o} className="choice">
                      <input
                        type={q.kind === 'single' ? 'radio' : 'checkbox'}
                        name={q.id}
                        checked={
                          q.kind === 'single'
                            ? answers[q.id] === o
                            : ((answers[q.id] as string[] | undefined) ?? []).includes(o)
                        }
                        onChange={() => (q.kind === 'single' ? setAnswers({ ...answers, [q.id]: o }) : toggle(q.id, o))}
                      />
                      {o}
                    </label>
                  ))}
                </div>
              )}
              {err && <span className="field-error">{err}</span>}
            </fieldset>
          );
        })}
        <ErrorBox error={error} />
        {survey && !done && (
          <button type="submit" className="button primary" disabled={busy} data-testid="survey-send">
            {t('news.send')}
          </button>
        )}
      </form>
    </>
  );
}
