import { useQueryOf } from '../../data/queries';
import { formatCount } from '../../components/format';
import { Money } from './money';
import { TableHead } from '../../components/TableHead';
import { GridTable } from '../../components/GridTable';

/** This hub's change from last year, school by school. */
export function HubChange({ hubId, year }: { hubId: number; year: string }) {
  const changes = useQueryOf('fundingChanges', { year });
  const c = changes.data?.hubs.find((h) => h.hubId === hubId);
  if (!changes.data?.previousYear || !c) return null;
  return (
    <section className="panel" aria-labelledby="change-heading">
      <h2 id="change-heading">Change from {changes.data.previousYear}</h2>
      <ul className="explain">
        {c.explanation.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {c.joiners.length + c.leavers.length + c.pupilChanges.length > 0 ? (
        <GridTable label={`Funding change by school in ${c.hub}`}>
          <TableHead columns={['School', 'Change', { num: 'Pupils' }, { num: 'Effect' }]} />
          <tbody>
            {c.joiners.map((s) => (
              <tr key={`j${s.key}`}>
                <td>{s.name}</td>
                <td>Joined{s.otherHub ? ` (from ${s.otherHub})` : ''}</td>
                <td className="num">{formatCount(s.pupils)}</td>
                <td className="num"><Money pence={s.contributionPence} /></td>
              </tr>
            ))}
            {c.leavers.map((s) => (
              <tr key={`l${s.key}`}>
                <td>{s.name}</td>
                <td>Left{s.otherHub ? ` (to ${s.otherHub})` : ''}</td>
                <td className="num">{formatCount(s.pupils)}</td>
                <td className="num"><Money pence={-s.contributionPence} /></td>
              </tr>
            ))}
            {c.pupilChanges.map((s) => (
              <tr key={`p${s.key}`}>
                <td>{s.name}</td>
                <td>Pupil numbers</td>
                <td className="num">
                  {formatCount(s.pupilsBefore)} → {formatCount(s.pupilsAfter)}
                </td>
                <td className="num"><Money pence={s.effectPence} /></td>
              </tr>
            ))}
          </tbody>
        </GridTable>
      ) : null}
    </section>
  );
}
