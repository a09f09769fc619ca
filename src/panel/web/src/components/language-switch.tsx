/** IT / EN toggle, remembered on this browser. */
import { useI18n } from '../i18n/i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      <button type="button" lang="it" aria-label="Italiano" aria-pressed={language === 'it'} onClick={() => setLanguage('it')}>
        IT
      </button>
      <button type="button" lang="en" aria-label="English" aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
        EN
      </button>
    </div>
  );
}
