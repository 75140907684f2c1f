/**
 * Areas of Excellence are titled by hand, so the same strength is written in several near-identical
 * ways ("Oracy across the curriculum", "Oracy Across The Curriculum.", "oracy across the  curriculum").
 * Two titles are the same Area of Excellence when they match once case, accents, punctuation, "&"
 * for "and", spacing and a leading "the" are set aside.
 */
export function aoeKey(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** A result line: one hit, or near-identical Areas of Excellence together (in the order first found). */
export type GroupedHits<H> = { kind: 'one'; hit: H } | { kind: 'aoe'; title: string; hits: H[] };

/**
 * Hits in their order, with every Area of Excellence grouped with the near-identical ones (aoeKey)
 * where the first of them stands; the group's title is the spelling most of them use (the first on a tie).
 */
export function groupNearIdenticalAoes<H extends { kind: string; text: string }>(hits: readonly H[]): GroupedHits<H>[] {
  const out: GroupedHits<H>[] = [];
  const groups = new Map<string, { kind: 'aoe'; title: string; hits: H[] }>();
  for (const hit of hits) {
    if (hit.kind !== 'aoe') {
      out.push({ kind: 'one', hit });
      continue;
    }
    const key = aoeKey(hit.text);
    const group = groups.get(key);
    if (group) group.hits.push(hit);
    else {
      const created = { kind: 'aoe' as const, title: hit.text, hits: [hit] };
      groups.set(key, created);
      out.push(created);
    }
  }
  for (const g of groups.values()) g.title = mostUsed(g.hits.map((h) => h.text));
  return out.map((g) => (g.kind === 'aoe' && g.hits.length === 1 ? { kind: 'one', hit: g.hits[0]! } : g));
}

function mostUsed(texts: string[]): string {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best = texts[0]!;
  for (const t of texts) if (counts.get(t)! > counts.get(best)!) best = t;
  return best;
}
