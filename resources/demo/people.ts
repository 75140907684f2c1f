import type { Random } from './random';

const FIRST = [
  'Amelia', 'Ben', 'Chloe', 'David', 'Eleanor', 'Farah', 'George', 'Hannah', 'Imran', 'Jess', 'Kwame', 'Laura',
  'Mohammed', 'Naomi', 'Owen', 'Priya', 'Rachel', 'Samuel', 'Tariq', 'Ursula', 'Victoria', 'William', 'Yasmin',
  'Zoe', 'Adam', 'Bethany', 'Callum', 'Deborah', 'Ellis', 'Fiona', 'Gareth', 'Helen', 'Isaac', 'Julia', 'Karen',
  'Liam', 'Martin', 'Nadia', 'Oliver', 'Paula', 'Ruth', 'Simon', 'Tessa', 'Vikram', 'Wendy', 'Aisha', 'Colin',
  'Dawn', 'Esther', 'Frank', 'Gemma', 'Joseph', 'Kate', 'Louise', 'Matthew', 'Nicola', 'Patrick', 'Rebecca',
];
const LAST = [
  'Adams', 'Begum', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Green', 'Hughes', 'Iqbal', 'Jones', 'Khan', 'Lewis',
  'Morgan', 'Nolan', 'Okoro', 'Patel', 'Quinn', 'Robinson', 'Singh', 'Taylor', 'Underwood', 'Walsh', 'Young',
  'Ahmed', 'Baker', 'Carter', 'Dixon', 'Ellis', 'Foster', 'Gibson', 'Harris', 'Jackson', 'Kelly', 'Lawson',
  'Mensah', 'Novak', "O'Brien", 'Price', 'Reid', 'Shaw', 'Turner', 'Vaughan', 'Webb', 'Wright', 'Hussain', 'Murphy',
];

export function personName(rng: Random): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

/** A plausible school e-mail domain from its name: "Lymm High School" → lymmhigh.sch.uk. */
export function schoolDomain(schoolName: string): string {
  const slug = schoolName
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/\b(school|academy|the|primary|of|and|ce|cofe|c of e|church|england)\b/g, '')
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 22);
  return `${slug || 'school'}.sch.uk`;
}

export function emailFor(person: string, domain: string): string {
  const [first = 'office', ...rest] = person.toLowerCase().replace(/[^a-z ]/g, '').split(' ');
  return `${first.charAt(0)}${rest.join('')}@${domain}`;
}

export function phoneFor(rng: Random): string {
  return `0${rng.int(113, 199)}${rng.int(0, 9)} ${String(rng.int(0, 999_999)).padStart(6, '0')}`;
}
