/** Which page to show: the login while signed out, otherwise the route's page inside the layout. */
import { useEffect } from 'react';
import { Layout } from './components/layout';
import { PageHeading } from './components/page-heading';
import { useI18n } from './i18n/i18n';
import { AuthProvider, useAuth } from './lib/auth';
import { AnnouncerProvider } from './lib/announcer';
import { MetaProvider } from './lib/meta';
import { Link, RouterProvider, useRouter } from './lib/router';
import { ServerEventsProvider } from './lib/server-events';
import { AlertsProvider } from './lib/alerts';
import { AdminPage } from './pages/admin.page';
import { AdvisoriesPage } from './pages/advisories.page';
import { LoginPage } from './pages/login.page';
import { QueuePage } from './pages/queue.page';
import { ReportPage } from './pages/report.page';
import { IndicatorsPage } from './pages/indicators.page';
import { TerritoryPage } from './pages/territory.page';
import { AccountPage } from './pages/account.page';
import { ForMePage } from './pages/for-me.page';
import { TemplatesPage } from './pages/templates.page';
import { shiftText } from './i18n/shift.dictionary';
import { ApiDocsPage } from './pages/api-docs.page';
import { AccessLogPage } from './pages/access-log.page';
import { EnrolmentPage } from './pages/enrolment.page';
import { accountText } from './i18n/account.dictionary';
import { territoryText } from './i18n/territory.dictionary';
import { I18nProvider } from './i18n/i18n';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/(?!\/)[\w\-/?=&,.%]*$/.test(next) && !next.startsWith('/login') ? next : '/';
}

function Pages() {
  const { state } = useAuth();
  const { route, location, navigate } = useRouter();
  const { t, language } = useI18n();

  useEffect(() => {
    if (state.status === 'anonymous' && route.page !== 'login') {
      const here = `${location.pathname}${location.search}`;
      navigate(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`, { replace: true });
    } else if (state.status === 'signed-in' && route.page === 'login') {
      navigate(safeNext(location.search), { replace: true });
    }
  }, [state.status, route.page, location, navigate]);

  useEffect(() => {
    const page = {
      queue: t('queueTitle'),
      login: t('loginTitle'),
      report: t('reportTitle', { ticket: '' }),
      admin: t('adminTitle'),
      advisories: t('advisoriesTitle'),
      territory: territoryText(language, 'territoryTitle'),
      indicators: territoryText(language, 'indicatorsTitle'),
      account: accountText(language, 'accountTitle'),
      'for-me': shiftText(language, 'forMeTitle'),
      templates: shiftText(language, 'templatesTitle'),
      'access-log': accountText(language, 'accessTitle'),
      'api-docs': t('apiDocsTitle'),
      'not-found': t('notFoundTitle'),
    }[route.page];
    document.title = `${page} – ${t('appName')}`;
  }, [route.page, t, language]);

  if (state.status === 'loading')
    return (
      <p role="status" className="boot">
        {t('loading')}
      </p>
    );
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />;
  if (route.page === 'login') return null;
  if (state.mfaEnrolmentRequired) return <EnrolmentPage />;
  return (
    <MetaProvider>
      <ServerEventsProvider>
        <AlertsProvider>
          <Layout>
            {route.page === 'queue' ? <QueuePage /> : null}
            {route.page === 'report' ? <ReportPage id={route.id} /> : null}
            {route.page === 'admin' ? <AdminPage /> : null}
            {route.page === 'advisories' ? <AdvisoriesPage /> : null}
            {route.page === 'territory' ? <TerritoryPage /> : null}
            {route.page === 'indicators' ? <IndicatorsPage /> : null}
            {route.page === 'account' ? <AccountPage /> : null}
            {route.page === 'for-me' ? <ForMePage /> : null}
            {route.page === 'templates' ? <TemplatesPage /> : null}
            {route.page === 'access-log' ? <AccessLogPage /> : null}
            {route.page === 'api-docs' ? <ApiDocsPage /> : null}
            {route.page === 'not-found' ? (
              <div>
                <PageHeading>{t('notFoundTitle')}</PageHeading>
                <p>{t('notFoundText')}</p>
                <Link href="/">{t('backToQueue')}</Link>
              </div>
            ) : null}
          </Layout>
        </AlertsProvider>
      </ServerEventsProvider>
    </MetaProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <AnnouncerProvider>
          <AuthProvider>
            <Pages />
          </AuthProvider>
        </AnnouncerProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
