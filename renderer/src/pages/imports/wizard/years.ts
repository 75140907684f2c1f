import { useMemo } from 'react';
import { rollImportYears, yearLabelOn } from '@shared/domain/years';
import { todayIso } from '../../../components/forms/validate';
import { useStatus } from '../../../state/status';
import type { ImportYears } from './config';

/**
 * The membership years held, the one the screens show (else the year today falls in: an empty
 * database has none yet), and the years a roll may go into (also the year after the latest).
 */
export function useImportYears(): ImportYears {
  const { status, year } = useStatus();
  return useMemo(() => {
    const held = (status?.years ?? []).map((y) => y.label);
    const today = todayIso();
    return { held, current: year ?? yearLabelOn(today), forRoll: rollImportYears(held, today), isHeld: (y: string) => held.includes(y) };
  }, [status, year]);
}
