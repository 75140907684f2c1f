import { usePermissions } from '../../state/person';

/**
 * The personal-contact-details choice both exports offer: a workbook may leave out people's emails
 * and phone numbers. A Viewer may not see them, so for a Viewer it is unticked and cannot be ticked
 * (the core leaves them out of a Viewer's export whatever is asked).
 */
export function ContactsOption({ value, onChange, disabled }: { value: boolean; onChange(value: boolean): void; disabled?: boolean }) {
  const { contacts: mayInclude } = usePermissions();
  return (
    <label className="check" title={mayInclude ? undefined : 'Contact details are not shown to Viewers: the workbook leaves them out.'}>
      <input type="checkbox" checked={value && mayInclude} onChange={(e) => onChange(e.target.checked)} disabled={disabled || !mayInclude} />
      Include personal contact details (email, telephone, other contacts)
    </label>
  );
}

export const SHEETS_TEXT =
  'Overview (people, key figures, funding and the spend chart), Schools, Ofsted, QA outcomes, WWWs and EBIs, Reviewer commitments, Funding and claims.';
