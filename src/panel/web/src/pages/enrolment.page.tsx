/** Shown instead of the panel while the operator's role needs two-step verification that is not set up yet. */
import { LanguageSwitch } from '../components/language-switch';
import { MfaEnrolment } from '../components/mfa-enrolment';
import { PageHeading } from '../components/page-heading';
import { useAccountText } from '../i18n/account.dictionary';
import { useI18n } from '../i18n/i18n';
import { useAuth } from '../lib/auth';

export function EnrolmentPage() {
  const at = useAccountText();
  const { t } = useI18n();
  const { refresh, logout } = useAuth();
  return (
    <div className="login-screen">
      <main id="main" className="login-card" tabIndex={-1}>
        <div className="login-top">
          <p className="brand-name">{t('appName')}</p>
          <LanguageSwitch />
        </div>
        <PageHeading>{at('enrolTitle')}</PageHeading>
        <p className="notice notice-info" role="status">
          {at('enrolRequired')}
        </p>
        <MfaEnrolment onDone={() => void refresh()} />
        <button type="button" className="button-secondary" onClick={() => void logout()}>
          {t('logout')}
        </button>
      </main>
    </div>
  );
}
