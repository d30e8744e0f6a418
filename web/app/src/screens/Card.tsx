import { useTranslation } from 'react-i18next';
import { formatDay } from '../i18n.ts';
import type { AppMe } from '../types.ts';
import { Header } from './common.tsx';

/** The e-card with its QR code: a verifier scans it and the server says whether it is valid. */
export function CardScreen({ me }: { me: AppMe }) {
  const { t } = useTranslation();
  const card = me.card;
  return (
    <>
      <Header title={t('card.title')} />
      <main className="stack">
        {card ? (
          <section className="ecard" data-testid="ecard" aria-label={t('card.title')}>
            <div className="ecard-head">
              <img src="/app/icon.svg" alt="" width="36" height="36" />
              <div>
                <div className="ecard-org">{t('card.org')}</div>
                <div className="ecard-kind">{t('card.kind')}</div>
              </div>
            </div>
            <div className="ecard-body">
              <div>
                <div className="ecard-name" data-testid="ecard-name">
                  {card.fullName}
                </div>
                {card.birthDate && <div>{t('card.born', { day: formatDay(card.birthDate) })}</div>}
                <div className="ecard-unit">{card.unitName}</div>
                <div className="ecard-no" data-testid="ecard-no">
                  {card.cardNo}
                </div>
                <div className="muted small">{t('card.issued', { day: formatDay(card.issuedOn) })}</div>
              </div>
              <img
                className="qr"
                data-testid="ecard-qr"
                alt={t('card.qr')}
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(card.qrSvg)}`}
              />
            </div>
          </section>
        ) : (
          <div className="card-box" data-testid="ecard-none">
            <p>{t('card.none')}</p>
          </div>
        )}
        <p className="muted small">{t('card.hint')}</p>
      </main>
    </>
  );
}
