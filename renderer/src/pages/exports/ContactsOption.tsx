/** The personal-contact-details choice both exports offer: a workbook may leave out people's emails and phone numbers. */
export function ContactsOption({ value, onChange, disabled }: { value: boolean; onChange(value: boolean): void; disabled?: boolean }) {
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} disabled={disabled} />
      Include personal contact details (email, telephone, other contacts)
    </label>
  );
}

export const SHEETS_TEXT =
  'Overview (people, key figures, funding and the spend chart), Schools, Ofsted, QA outcomes, WWWs and EBIs, Reviewer commitments, Funding and claims.';
