import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import type { CallPack } from '@shared/contract/calls';
import { CALL_KIND_LABELS } from '@shared/domain/calls';
import { formatPence } from '@shared/domain/money';

function printPack(p: CallPack, out: (t: string) => void): void {
  out(`${p.hub.name} · ${CALL_KIND_LABELS[p.kind]} call pack · ${p.term.label} (${p.term.membershipYear}) · as at ${p.asAt}`);
  out(`Changes ${p.window.label}`);
  for (const kind of ['hub_manager', 'senior_partner'] as const) {
    const s = p.callStatus[kind];
    out(`${CALL_KIND_LABELS[kind]} call: ${s.status}${s.heldOn.length ? ` (${s.heldOn.join(', ')})` : ` by ${s.dueBy}`}${s.notReached.length ? `; not reached: ${s.notReached.join(', ')}` : ''}`);
  }
  out('');
  const changes = p.timeline;
  out(`What changed (${changes.length})`);
  for (const c of changes) out(`  ${c.date}  ${c.what}${c.school ? ` · ${c.school}` : ''}: ${c.detail}`);
  out('');
  out(`Reviews coming up (${p.reviewsComingUp.length})`);
  for (const r of p.reviewsComingUp) out(`  ${r.date}  ${r.school}: ${r.filled}/${r.teamSize} reviewers${r.openPlaces ? `, ${r.openPlaces} open` : ''}`);
  const behind = p.reviewers.filter((r) => r.shortfall > 0);
  out(`Reviewer shortfalls (${behind.length})`);
  for (const r of behind) out(`  ${r.school}: owes ${r.owed}, attended ${r.attended}, booked ${r.booked}, short ${r.shortfall} (${r.status})`);
  out(`Drop-outs to replace (${p.dropOuts.length})`);
  for (const d of p.dropOuts) out(`  ${d.date}  ${d.reviewer} (${d.homeSchool}) for ${d.hostSchool}`);
  out(`Vulnerable schools (${p.vulnerable.length})`);
  for (const v of p.vulnerable) out(`  ${v.date}  ${v.school}${v.isNew ? ' (new)' : ''}: ${v.reasons.join(' ')}`);
  out(`Support requests (${p.supportRequests.length})`);
  for (const r of p.supportRequests) out(`  ${r.date}  ${r.school}: “${r.area}” · ${r.status}${r.brokeredTo ? ` · brokered to ${r.brokeredTo}` : ''}${r.isNew ? ' (new)' : ''}`);
  out('');
  const f = p.funding;
  out(`Funding: total available ${formatPence(f.totalAvailablePence)}, released ${formatPence(f.releasedPence)}, remaining ${formatPence(f.remainingPence)}`);
  for (const c of f.conditionsMissing) out(`  Release condition not met: ${c.label}. ${c.detail}`);
  for (const c of f.claimsPending) out(`  Claim pending: ${c.date} ${formatPence(c.amountPence)} ${c.invoiceRef ?? ''} (${c.status})`);
  out(`Meetings (${p.meetings.length})`);
  for (const m of p.meetings) out(`  ${m.date}  ${m.term}${m.past ? `: ${m.attended}/${m.recorded} schools attended` : ' (to come)'}`);
  out(`Open actions (${p.openActions.length})`);
  for (const a of p.openActions) out(`  ${a.callHeldOn}  ${a.text}${a.owner ? ` · ${a.owner}` : ''}${a.dueOn ? ` · due ${a.dueOn}` : ''}${a.overdue ? ' · OVERDUE' : ''}`);
}

const pack: CliCommand = {
  words: ['pack'],
  usage:
    'hubdesk [--data DIR] pack --hub NAME --term 2025-autumn [--call hub-manager|senior-partner] [--json] [--xlsx FILE]   a hub’s catch-up call pack for a term (default: the Hub Manager call)',
  options: { json: { type: 'boolean' }, hub: { type: 'string' }, term: { type: 'string' }, xlsx: { type: 'string' }, call: { type: 'string' } },
  async run(core, { values }, io) {
    const hub = values.hub;
    const term = values.term;
    if (typeof hub !== 'string' || hub.trim() === '') throw new UsageError('pack needs --hub NAME, e.g. --hub "Aspire Hub"');
    if (typeof term !== 'string' || term.trim() === '') throw new UsageError('pack needs --term, e.g. --term 2025-autumn');
    const call = values.call === undefined ? 'hub-manager' : values.call;
    if (call !== 'hub-manager' && call !== 'senior-partner') throw new UsageError('--call is hub-manager or senior-partner');
    const kind = call === 'senior-partner' ? ('senior_partner' as const) : ('hub_manager' as const);
    const p = await core.call('callPack', { hubName: hub, term, kind });
    if (typeof values.xlsx === 'string') {
      const file = await core.call('callPackWorkbook', { hubId: p.hub.id, term, kind });
      const target = path.resolve(values.xlsx);
      fs.writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
      if (!values.json) io.out(`Wrote ${target}`);
    }
    if (values.json) io.out(JSON.stringify(p, null, 2));
    else printPack(p, io.out);
    return 0;
  },
};

export const packCommands: CliCommand[] = [pack];
