import { useCallback, useMemo, useState } from 'react';
import type { VisibilityState } from '@tanstack/react-table';
import { useQueryOf } from '../data/queries';

/** A central staff member's role, as Settings' "I am" records it; null when nobody is chosen. */
export type StaffRole = 'memberships_manager' | 'finance' | null;

/** Related columns a person shows or hides together. */
export interface ColumnGroup {
  id: string;
  label: string;
  /** The ids of its columns. */
  columns: string[];
  /** Shown until the person chooses, for this role (by default: shown for everyone). */
  shownFor?(role: StaffRole): boolean;
}

/** A table's column groups, remembered under `key` for each person. */
export interface ColumnChoice {
  key: string;
  groups: ColumnGroup[];
}

const STORAGE = 'hubdesk.columns';

function storageKey(person: number | null, table: string): string {
  return `${STORAGE}.${person ?? 'anyone'}.${table}`;
}

function read(key: string): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  } catch {
    return {};
  }
}

/** Who is using hubdesk here (Settings' "I am"), and their role: the column choices are theirs. */
export function usePerson(): { staffId: number | null; role: StaffRole } {
  const identity = useQueryOf('getIdentity', {}).data;
  const staffId = identity?.staffId ?? null;
  const role = (identity?.staff.find((s) => s.id === staffId)?.role ?? null) as StaffRole;
  return { staffId, role };
}

export interface ColumnGroupsState {
  groups: { group: ColumnGroup; shown: boolean }[];
  visibility: VisibilityState;
  toggle(groupId: string, shown: boolean): void;
  reset(): void;
}

/**
 * Which column groups are shown: the person's own choice (kept in this browser for each person), else
 * the default for their role. Changing one is remembered at once.
 */
export function useColumnGroups(choice: ColumnChoice | undefined): ColumnGroupsState | null {
  const { staffId, role } = usePerson();
  const key = choice ? storageKey(staffId, choice.key) : null;
  const [saved, setSaved] = useState<{ key: string | null; chosen: Record<string, boolean> }>(() => ({ key, chosen: key ? read(key) : {} }));
  // Another person chosen in Settings (or another table): their own choices.
  const chosen = useMemo(() => (saved.key === key ? saved.chosen : key ? read(key) : {}), [saved, key]);

  const toggle = useCallback(
    (groupId: string, shown: boolean) => {
      if (!key) return;
      const next = { ...chosen, [groupId]: shown };
      window.localStorage.setItem(key, JSON.stringify(next));
      setSaved({ key, chosen: next });
    },
    [key, chosen],
  );
  const reset = useCallback(() => {
    if (!key) return;
    window.localStorage.removeItem(key);
    setSaved({ key, chosen: {} });
  }, [key]);

  return useMemo(() => {
    if (!choice) return null;
    const groups = choice.groups.map((group) => ({ group, shown: chosen[group.id] ?? group.shownFor?.(role) ?? true }));
    const visibility: VisibilityState = {};
    for (const { group, shown } of groups) for (const c of group.columns) visibility[c] = shown;
    return { groups, visibility, toggle, reset };
  }, [choice, chosen, role, toggle, reset]);
}
