/**
 * Other citizens' "same situation" on this report (and duplicates merged into it): when, how they
 * know, what they wrote (always rendered as text) and their photos. Never who they are.
 */
import type { ConfirmationItem } from '../api/confirmation.types';
import { RELIABILITY_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/format';

export function ConfirmationsPanel({ confirmations }: { confirmations: ConfirmationItem[] }) {
  const { t, language } = useI18n();
  if (confirmations.length === 0) return null;
  return (
    <section className="panel-section" aria-labelledby="confirmations-title" data-testid="confirmations">
      <h2 id="confirmations-title">{t('confirmationsTitle', { count: confirmations.length })}</h2>
      <p className="hint">{t('confirmationsPrivacy')}</p>
      <ol className="confirmations">
        {confirmations.map((c, i) => (
          <li key={`${c.at}-${i}`} className="confirmation">
            <p className="confirmation-head">
              <time dateTime={c.at}>{formatDateTime(c.at, language)}</time>
              {' · '}
              <span>{RELIABILITY_LABELS[language][c.reliability] ?? c.reliability}</span>
              {c.mergedFrom ? (
                <>
                  {' · '}
                  <span className="confirmation-merged">{t('confirmationMerged', { ticket: c.mergedFrom })}</span>
                </>
              ) : null}
            </p>
            {c.description ? <p className="description">{c.description}</p> : null}
            {c.photoUrls.length ? (
              <ul className="photos">
                {c.photoUrls.map((url, n) => (
                  <li key={url}>
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      <img className="photo" src={url} alt={t('confirmationPhotoAlt', { n: n + 1 })} loading="lazy" />
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
