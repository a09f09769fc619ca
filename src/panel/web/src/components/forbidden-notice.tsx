/** What a role that may not open a page sees instead of it. */
import { useI18n } from '../i18n/i18n';
import { PageHeading } from './page-heading';

export function ForbiddenNotice() {
  const { t } = useI18n();
  return (
    <div>
      <PageHeading>{t('forbiddenTitle')}</PageHeading>
      <p>{t('forbiddenText')}</p>
    </div>
  );
}
