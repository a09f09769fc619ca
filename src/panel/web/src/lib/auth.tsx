/** The signed-in operator: asks /api/auth/me at start, signs in and out, keeps the CSRF token. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Operator, SessionInfo } from '../api/types';
import { hasStoredLanguage, useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/dictionary';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired?: boolean }
  | { status: 'signed-in'; operator: Operator; mfaEnrolmentRequired?: boolean };

/** `mfa`: the password was right; the second factor is due (verifyCode). */
type LoginResult = { ok: true } | { ok: 'mfa' } | { ok: false; messageKey?: MessageKey; message?: string };
type CodeResult = { ok: true } | { ok: false; expired: boolean; message?: string };

type Auth = {
  state: AuthState;
  login(username: string, password: string): Promise<LoginResult>;
  verifyCode(code: string): Promise<CodeResult>;
  /** Re-reads the session (after enrolment in two-step verification). */
  refresh(): Promise<void>;
  logout(): Promise<void>;
  /** After "log out everywhere" or a server-side end of the session. */
  signedOut(): void;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const { setLanguage } = useI18n();

  const signedIn = useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      if (!hasStoredLanguage() && (info.operator.language === 'it' || info.operator.language === 'en')) setLanguage(info.operator.language);
      setState({ status: 'signed-in', operator: info.operator, mfaEnrolmentRequired: info.mfaEnrolmentRequired });
    },
    [setLanguage],
  );

  useEffect(() => {
    let cancelled = false;
    apiRequest<SessionInfo>('/api/auth/me').then(
      (info) => !cancelled && signedIn(info),
      () => !cancelled && setState({ status: 'anonymous' }),
    );
    setUnauthorizedHandler(() => {
      setCsrfToken(undefined);
      setState({ status: 'anonymous', expired: true });
    });
    return () => {
      cancelled = true;
      setUnauthorizedHandler(undefined);
    };
  }, [signedIn]);

  const login = useCallback(
    async (username: string, password: string): Promise<LoginResult> => {
      try {
        const info = await apiRequest<SessionInfo | { mfaRequired: true; csrfToken: string }>('/api/auth/login', {
          method: 'POST',
          body: { username, password },
        });
        if ('mfaRequired' in info) {
          setCsrfToken(info.csrfToken);
          return { ok: 'mfa' };
        }
        signedIn(info);
        return { ok: true };
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        if (err.status === 401) return { ok: false, messageKey: 'loginFailed' };
        if (err.status === 429) return { ok: false, messageKey: 'loginRateLimited' };
        if (err.status === 0) return { ok: false, messageKey: 'networkError' };
        return { ok: false, message: err.message };
      }
    },
    [signedIn],
  );

  const verifyCode = useCallback(
    async (code: string): Promise<CodeResult> => {
      try {
        signedIn(await apiRequest<SessionInfo>('/api/auth/login/mfa', { method: 'POST', body: { code } }));
        return { ok: true };
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const expired = Boolean((err.body as { expired?: boolean } | undefined)?.expired);
        return { ok: false, expired, message: err.message };
      }
    },
    [signedIn],
  );

  const refresh = useCallback(async () => {
    signedIn(await apiRequest<SessionInfo>('/api/auth/me'));
  }, [signedIn]);

  const signedOut = useCallback(() => {
    setCsrfToken(undefined);
    setState({ status: 'anonymous' });
  }, []);

  const logout = useCallback(async () => {
    await apiRequest('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(undefined);
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo(
    () => ({ state, login, verifyCode, refresh, logout, signedOut }),
    [state, login, verifyCode, refresh, logout, signedOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export function useOperator(): Operator {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useOperator without a signed-in operator');
  return state.operator;
}
