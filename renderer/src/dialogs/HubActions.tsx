import { useNavigate } from 'react-router';
import { OpensDialog } from './OpensDialog';
import { HubEditDialog } from './HubEditDialog';
import { MergeHubDialog } from './MergeHubDialog';

/** "Edit hub", with "Merge into another hub…" beside it. */
export function HubEditButton({ hubId }: { hubId: number }) {
  return (
    <>
      <OpensDialog label="Edit hub" method="updateHub">{(end) => <HubEditDialog hubId={hubId} onCancel={end.close} onSaved={end.saved} />}</OpensDialog>
      <MergeHubButton hubId={hubId} />
    </>
  );
}

/** "New hub": opens the new hub's page once it is saved. */
export function NewHubButton() {
  const navigate = useNavigate();
  return (
    <OpensDialog label="New hub" method="createHub">
      {(end) => <HubEditDialog hubId={null} onCancel={end.close} onSaved={(r) => (end.close(), navigate(`/hubs/${r.record.id}`))} />}
    </OpensDialog>
  );
}

/** "Merge into another hub…"; opens the kept hub after the merge, with the undo notice. */
export function MergeHubButton({ hubId }: { hubId: number }) {
  const navigate = useNavigate();
  return (
    <OpensDialog label="Merge into another hub…" method="mergeHubs">
      {(end) => <MergeHubDialog hubId={hubId} onCancel={end.close} onSaved={(r) => (end.saved(r), navigate(`/hubs/${r.hubId}`))} />}
    </OpensDialog>
  );
}
