import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './api';
import type { LoginResult, Me, Permission } from '../types';

type SessionState = { status: 'loading' } | { status: 'signedOut'; expired: boolean } | { status: 'signedIn'; me: Me };

interface Session {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(...anyOf: Permission[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in and what their role may do, from adminMe; a 401 anywhere signs the console out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const loadMe = useCallback(async () => {
    const me = await api.get<Me>('/me');
    setCsrfToken(me.csrfToken);
    setState({ status: 'signedIn', me });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(undefined);
      setState((s) => (s.status === 'signedIn' ? { status: 'signedOut', expired: true } : s.status === 'loading' ? { status: 'signedOut', expired: false } : s));
    });
    loadMe().catch((err: unknown) => {
      if (!(err instanceof ApiError && err.status === 401)) console.error(err);
      setState({ status: 'signedOut', expired: false });
    });
  }, [loadMe]);

  const value = useMemo<Session>(() => {
    const granted = state.status === 'signedIn' ? state.me.permissions : [];
    return {
      state,
      async signIn(email, password) {
        const result = await api.post<LoginResult>('/auth/login', { email, password });
        setCsrfToken(result.csrfToken);
        await loadMe();
      },
      async signOut() {
        try {
          await api.post('/auth/logout');
        } finally {
          setCsrfToken(undefined);
          setState({ status: 'signedOut', expired: false });
        }
      },
      can: (...anyOf) => anyOf.some((p) => granted.includes(p)),
    };
  }, [state, loadMe]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in member; only for screens rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while signed out');
  return state.me;
}
