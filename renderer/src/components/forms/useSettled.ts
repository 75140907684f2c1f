import { useEffect, useMemo, useState } from 'react';

/**
 * The value once it has stopped changing for `ms`, for asking the core about what is being typed
 * without a call per keystroke. Values are compared, and handed back, as JSON (a request is JSON).
 */
export function useSettled<T>(value: T, ms: number): T {
  const json = JSON.stringify(value) ?? 'null';
  const [settled, setSettled] = useState(json);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(json), ms);
    return () => clearTimeout(timer);
  }, [json, ms]);
  return useMemo(() => JSON.parse(settled) as T, [settled]);
}
