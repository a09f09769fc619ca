/** An error the agent must see: role=alert, with an optional retry button. */
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function errorText(err: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (err instanceof ApiError && err.status === 0) return t('networkError');
  if (err instanceof Error) return t('genericError', { message: err.message });
  return t('genericError', { message: String(err) });
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorText(error, t)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
