import { useState, type FormEvent } from 'react';
import type { SpendCategoryView } from '@shared/contract';
import { ApiError } from '@shared/contract';
import { useApi } from '../../api/useApi';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';

/** The network spend categories: add, rename, retire (history stays with the category) or reinstate. */
export function CategoriesPanel() {
  const list = useApi(() => window.api.listSpendCategories({}), []);
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      list.reload();
      return true;
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    if (await run(() => window.api.addSpendCategory({ name: newName }))) setNewName('');
  }

  async function saveRename(e: FormEvent) {
    e.preventDefault();
    if (editing && (await run(() => window.api.renameSpendCategory({ id: editing.id, name: editing.name })))) setEditing(null);
  }

  const row = (c: SpendCategoryView) => (
    <tr key={c.id} className={c.retiredAt ? 'retired-row' : undefined}>
      <td>
        {editing?.id === c.id ? (
          <form onSubmit={saveRename} className="inline-form">
            <input
              aria-label={`New name for ${c.name}`}
              value={editing.name}
              autoFocus
              onChange={(e) => setEditing({ id: c.id, name: e.target.value })}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
            />
            <button type="submit" className="small-button primary" disabled={busy}>Save</button>
            <button type="button" className="small-button" onClick={() => setEditing(null)}>Cancel</button>
          </form>
        ) : (
          <>
            <span className="strong">{c.name}</span>
            {c.retiredAt ? <span className="tag">retired {formatDate(c.retiredAt)}</span> : null}
          </>
        )}
      </td>
      <td className="num">{c.planLines}</td>
      <td className="num">{c.claims}</td>
      <td className="num nowrap">
        {editing?.id === c.id ? null : (
          <>
            <button type="button" className="link-button" onClick={() => setEditing({ id: c.id, name: c.name })} aria-label={`Rename ${c.name}`}>
              Rename
            </button>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() => run(() => window.api.retireSpendCategory({ id: c.id, retired: c.retiredAt === null }))}
              aria-label={`${c.retiredAt ? 'Reinstate' : 'Retire'} ${c.name}`}
            >
              {c.retiredAt ? 'Reinstate' : 'Retire'}
            </button>
          </>
        )}
      </td>
    </tr>
  );

  return (
    <section className="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">Spend categories</h2>
      <p className="hint">
        Every plan line and claim carries one network category. Retiring a category keeps its history in every chart and report; it just cannot be chosen for new lines or claims.
      </p>
      {list.error ? <ErrorPanel title="Could not list the categories" error={list.error} onRetry={list.reload} /> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {list.data ? (
        <table className="data-table compact" aria-label="Spend categories">
          <thead>
            <tr>
              <th>Category</th>
              <th className="num">Plan lines</th>
              <th className="num">Claims</th>
              <th><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>{list.data.map(row)}</tbody>
        </table>
      ) : null}
      <form onSubmit={add} className="inline-form add-category">
        <input aria-label="New category name" placeholder="New category…" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={80} />
        <button type="submit" disabled={busy || newName.trim() === ''}>Add category</button>
      </form>
    </section>
  );
}
