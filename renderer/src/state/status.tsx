import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { StatusView } from '@shared/contract';

interface StatusContextValue {
  status: StatusView | null;
  error: Error | null;
  refresh(): Promise<void>;
  /** The membership year the screens show; defaults to the current year. */
  year: string | null;
  setYear(year: string): void;
}

const StatusContext = createContext<StatusContextValue | null>(null);
const YEAR_KEY = 'hubdesk.year';

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StatusView | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [chosenYear, setChosenYear] = useState<string | null>(() => window.localStorage.getItem(YEAR_KEY));

  const refresh = useCallback(async () => {
    try {
      setStatus(await window.api.getStatus({}));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const setYear = useCallback((year: string) => {
    window.localStorage.setItem(YEAR_KEY, year);
    setChosenYear(year);
  }, []);

  const year = useMemo(() => {
    if (!status) return null;
    if (chosenYear && status.years.some((y) => y.label === chosenYear)) return chosenYear;
    return status.currentYear;
  }, [status, chosenYear]);

  return <StatusContext.Provider value={{ status, error, refresh, year, setYear }}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus must be used inside StatusProvider');
  return value;
}
