import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { TongbanApiError, unwrap, type paths } from '@tongban/client';
import { tongbanApi } from './api.js';

/** Who is signed in, as GET /api/auth/me answers (the client's generated type). */
export type SignedInUser = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];

export interface Session {
  /** undefined while asking the server; null when nobody is signed in. */
  user: SignedInUser | null | undefined;
  /** Why the server could not say who is signed in (no answer), or null. */
  failure: TongbanApiError | null;
  /** Signs in; a refused sign-in throws the runtime's `TongbanApiError`. */
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Asks the server again who is signed in. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The sign-in shared by the three apps: the session is the runtime's HTTP-only cookie on this origin, so
 * signing in in one app signs in all three; this asks the server who it is.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);
  const [failure, setFailure] = useState<TongbanApiError | null>(null);

  const refresh = useCallback(async () => {
    // the session route answers `user: null` for a visitor: no 401 in the console of every page
    try {
      setUser((await unwrap(tongbanApi().GET('/api/auth/session'))).user);
      setFailure(null);
    } catch (error) {
      setUser(null);
      setFailure(error instanceof TongbanApiError ? error : null);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    setUser(await unwrap(tongbanApi().POST('/api/auth/login', { body: { username, password } })));
    setFailure(null);
  }, []);

  const signOut = useCallback(async () => {
    await unwrap(tongbanApi().POST('/api/auth/logout'));
    setUser(null);
  }, []);

  const session = useMemo(
    () => ({ user, failure, signIn, signOut, refresh }),
    [user, failure, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider (TongbanApp gives one)');
  return session;
}
