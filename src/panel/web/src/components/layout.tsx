/** The frame of every signed-in page: skip link, header (service state, navigation, language, operator), main. */
import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n';
import { territoryText } from '../i18n/territory.dictionary';
import { useAccountText } from '../i18n/account.dictionary';
import { useShiftText } from '../i18n/shift.dictionary';
import { useAuth, useOperator } from '../lib/auth';
import { useMeta } from '../lib/meta';
import { Link, useRouter } from '../lib/router';
import { useServerEvents } from '../lib/server-events';
import { LanguageSwitch } from './language-switch';
import { ForMeLink } from './for-me-link';
import { AlertsSwitch } from '../lib/alerts';
import { ServiceBadge } from './service-badge';
import { API_DOCS_PAGE, QUEUE_BOARD_PATH } from '../../../panel-paths';

function LiveIndicator() {
  const { connected } = useServerEvents();
  const { t } = useI18n();
  return (
    <p
      className={`live-indicator ${connected ? 'is-live' : 'is-down'}`}
      data-testid="live-indicator"
      title={connected ? t('live') : t('liveReconnecting')}
    >
      <span className="dot" aria-hidden="true" />
      <span aria-hidden="true">{connected ? t('liveShort') : t('liveShortDown')}</span>
      <span className="sr-only">{connected ? t('live') : t('liveReconnecting')}</span>
    </p>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t, language } = useI18n();
  const at = useAccountText();
  const st = useShiftText();
  const { logout } = useAuth();
  const operator = useOperator();
  const meta = useMeta();
  const { route } = useRouter();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('appName')}</span>
          <span className="brand-sub">
            {meta ? `${meta.municipality.name} · ` : ''}
            {t('appSubtitle')}
          </span>
        </div>
        <nav aria-label={t('mainNav')} className="main-nav">
          <ul>
            <li>
              <Link href="/" aria-current={route.page === 'queue' ? 'page' : undefined}>
                {t('navQueue')}
              </Link>
            </li>
            <li>
              <ForMeLink />
            </li>
            {operator.role === 'supervisor' || operator.role === 'admin' ? (
              <>
                <li>
                  <Link href="/territorio" aria-current={route.page === 'territory' ? 'page' : undefined}>
                    {territoryText(language, 'navTerritory')}
                  </Link>
                </li>
                <li>
                  <Link href="/indicatori" aria-current={route.page === 'indicators' ? 'page' : undefined}>
                    {territoryText(language, 'navIndicators')}
                  </Link>
                </li>
              </>
            ) : null}
            {operator.role === 'supervisor' || operator.role === 'admin' ? (
              <li>
                <Link href="/avvisi" aria-current={route.page === 'advisories' ? 'page' : undefined}>
                  {t('navAdvisories')}
                </Link>
              </li>
            ) : null}
            {operator.role === 'supervisor' || operator.role === 'admin' ? (
              <li>
                <Link href="/modelli" aria-current={route.page === 'templates' ? 'page' : undefined}>
                  {st('navTemplates')}
                </Link>
              </li>
            ) : null}
            {operator.role === 'supervisor' || operator.role === 'admin' ? (
              <li>
                <Link href="/accessi" aria-current={route.page === 'access-log' ? 'page' : undefined}>
                  {at('navAccessLog')}
                </Link>
              </li>
            ) : null}
            {operator.role === 'admin' ? (
              <li>
                <Link href="/admin" aria-current={route.page === 'admin' ? 'page' : undefined}>
                  {t('navAdmin')}
                </Link>
              </li>
            ) : null}
            {operator.role === 'admin' ? (
              <li>
                {/* Served by the web role, not a page of this app: a full page load. */}
                <a href={QUEUE_BOARD_PATH}>{t('navJobQueues')}</a>
              </li>
            ) : null}
            {operator.role === 'admin' ? (
              <li>
                <Link href={API_DOCS_PAGE} aria-current={route.page === 'api-docs' ? 'page' : undefined}>
                  {t('navApiDocs')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-status">
          <ServiceBadge />
          <LiveIndicator />
          <AlertsSwitch />
        </div>
        <div className="header-user">
          <LanguageSwitch />
          <span
            className="operator-name"
            title={t('signedInAs', { name: operator.displayName, role: ROLE_LABELS[language][operator.role] ?? operator.role })}
          >
            <span className="sr-only">
              {t('signedInAs', { name: operator.displayName, role: ROLE_LABELS[language][operator.role] ?? operator.role })}
            </span>
            <span aria-hidden="true" className="operator-display">
              {operator.displayName}
            </span>
            <span aria-hidden="true" className="operator-role">
              {ROLE_LABELS[language][operator.role] ?? operator.role}
            </span>
          </span>
          <Link href="/account" aria-current={route.page === 'account' ? 'page' : undefined}>
            {at('navAccount')}
          </Link>
          <button type="button" className="button-secondary" onClick={() => void logout()}>
            {t('logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
