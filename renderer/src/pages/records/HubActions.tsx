import { useState } from 'react';
import { useNavigate } from 'react-router';
import { UndoNotice } from '../../components/forms/UndoNotice';
import { HubEditDialog } from './HubEditDialog';
import { MergeHubDialog } from './MergeHubDialog';

type Saved = { auditId: number; summary: string };

/** "Edit hub" (or "New hub" when hubId is null), with the saved/undo toast. */
export function HubEditButton({ hubId, onChanged }: { hubId: number | null; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const navigate = useNavigate();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {hubId === null ? 'New hub' : 'Edit hub'}
      </button>
      {open ? (
        <HubEditDialog
          hubId={hubId}
          onCancel={() => setOpen(false)}
          onSaved={(r) => {
            setOpen(false);
            setSaved(r);
            onChanged();
            if (hubId === null) navigate(`/hubs/${r.record.id}`);
          }}
        />
      ) : null}
      {saved && hubId !== null ? (
        <div className="undo-toast">
          <UndoNotice key={saved.auditId} saved={saved} onUndone={onChanged} onClose={() => setSaved(null)} />
        </div>
      ) : null}
      {hubId !== null ? <MergeHubButton hubId={hubId} onChanged={onChanged} /> : null}
    </>
  );
}

/** "Merge into another hub…"; opens the kept hub after the merge, with the undo notice. */
export function MergeHubButton({ hubId, onChanged }: { hubId: number; onChanged(): void }) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const navigate = useNavigate();
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Merge into another hub…
      </button>
      {open ? (
        <MergeHubDialog
          hubId={hubId}
          onCancel={() => setOpen(false)}
          onSaved={(r) => {
            setOpen(false);
            setSaved(r);
            onChanged();
            navigate(`/hubs/${r.hubId}`);
          }}
        />
      ) : null}
      {saved ? (
        <div className="undo-toast">
          <UndoNotice key={saved.auditId} saved={saved} onUndone={onChanged} onClose={() => setSaved(null)} />
        </div>
      ) : null}
    </>
  );
}
