/** Recovery codes, shown once after they are made. */
import { useEffect, useRef } from 'react';
import { useAccountText } from '../i18n/account.dictionary';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const at = useAccountText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-title" className="recovery-codes">
      <h2 id="recovery-title" ref={heading} tabIndex={-1}>
        {at('recoveryTitle')}
      </h2>
      <p>{at('recoveryIntro')}</p>
      <ul data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="button-primary" onClick={onDone}>
        {at('recoveryContinue')}
      </button>
    </section>
  );
}
