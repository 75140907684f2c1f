import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { StatusView } from '@shared/contract';
import { useQueryOf } from '../data/queries';

interface StatusContextValue {
  status: StatusView | null;
  error: Error | null;
  /** The membership year the screens show; defaults to the current year. */
  year: string | null;
  setYear(year: string): void;
}

const StatusContext = createContext<StatusContextValue | null>(null);
const YEAR_KEY = 'hubdesk.year';

/** Where the data lives and its years (read again after any change to the years), and the year chosen. */
export function StatusProvider({ children }: { children: ReactNode }) {
  const query = useQueryOf('getStatus', {});
  const status = query.data ?? null;
  const [chosenYear, setChosenYear] = useState<string | null>(() => window.localStorage.getItem(YEAR_KEY));

  const setYear = useCallback((year: string) => {
    window.localStorage.setItem(YEAR_KEY, year);
    setChosenYear(year);
  }, []);

  const year = useMemo(() => {
    if (!status) return null;
    if (chosenYear && status.years.some((y) => y.label === chosenYear)) return chosenYear;
    return status.currentYear;
  }, [status, chosenYear]);

  const value = useMemo(() => ({ status, error: query.error, year, setYear }), [status, query.error, year, setYear]);
  return <StatusContext.Provider value={value}>{children}</StatusContext.Provider>;
}

export function useStatus(): StatusContextValue {
  const value = useContext(StatusContext);
  if (!value) throw new Error('useStatus must be used inside StatusProvider');
  return value;
}
