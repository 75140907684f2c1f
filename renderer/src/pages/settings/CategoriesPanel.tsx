import { useState } from 'react';
import type { SpendCategoryView } from '@shared/contract';
import { addSpendCategorySchema, renameSpendCategorySchema } from '@shared/validation/spend';
import { useQueryOf } from '../../data/queries';
import { useChange } from '../../data/mutations';
import { ErrorPanel } from '../../components/ErrorPanel';
import { formatDate } from '../../components/format';
import { Field } from '../../components/forms/Field';
import { FormError } from '../../components/forms/FormError';
import { PageForm } from '../../components/forms/PageForm';
import { validate } from '../../components/forms/validate';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

/** The network spend categories: add, rename, retire (history stays with the category) or reinstate. */
export function CategoriesPanel() {
  const list = useQueryOf('listSpendCategories', {});
  const [newName, setNewName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const action = useChange();
  const busy = action.busy;
  const addMessage = newName.trim() === '' ? null : validate(addSpendCategorySchema, { name: newName }).name;
  const renameMessage = editing ? validate(renameSpendCategorySchema, editing).name : null;

  async function add() {
    if (newName.trim() === '' || addMessage) return;
    if (await action.run('addSpendCategory', { name: newName })) setNewName('');
  }

  async function saveRename() {
    if (!editing || renameMessage) return;
    if (await action.run('renameSpendCategory', editing)) setEditing(null);
  }

  const row = (c: SpendCategoryView) => (
    <tr key={c.id} className={c.retiredAt ? 'retired-row' : undefined}>
      <td>
        {editing?.id === c.id ? (
          <PageForm label={`Rename ${c.name}`} className="inline-form" onSubmit={saveRename} onCancel={() => setEditing(null)}>
            <input aria-label={`New name for ${c.name}`} value={editing.name} autoFocus onChange={(e) => setEditing({ id: c.id, name: e.target.value })} />
            {renameMessage ? <span className="field-message">{renameMessage}</span> : null}
            <button type="submit" className="small-button primary" disabled={busy}>Save</button>
            <button type="button" className="small-button" onClick={() => setEditing(null)}>Cancel</button>
          </PageForm>
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
              onClick={() => void action.run('retireSpendCategory', { id: c.id, retired: c.retiredAt === null })}
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
      {list.error ? <ErrorPanel title="Could not list the categories" error={list.error} onRetry={list.refetch} /> : null}
      <FormError error={action.error} />
      {list.data ? (
        <GridTable label="Spend categories">
          <TableHead columns={['Category', { num: 'Plan lines' }, { num: 'Claims' }, { hidden: 'Actions' }]} />
          <tbody>{list.data.map(row)}</tbody>
        </GridTable>
      ) : null}
      <PageForm label="Add a spend category" className="inline-form add-category" onSubmit={add} onCancel={() => setNewName('')}>
        <Field label="New category name" message={addMessage}>
          {(p) => <input {...p} placeholder="New category…" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={80} />}
        </Field>
        <button type="submit" disabled={busy || newName.trim() === ''}>Add category</button>
      </PageForm>
    </section>
  );
}
