// Ids and codes for the draft: kebab-case ids from registry labels, and site codes from facility names.
// Both are deterministic functions of the record (same record → same ids), de-duplicated in record order.

/** Kebab-case slug of a text (diacritics dropped), at most `maxLength` characters, cut at a hyphen. */
export function slugify(text: string, maxLength = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) {
    return slug;
  }
  const cut = slug.slice(0, maxLength + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/** Hands out unique ids: the first `base` as is, then `base-2`, `base-3`… (empty bases use `fallback-N`). */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly fallback: string;

  constructor(fallback: string) {
    this.fallback = fallback;
  }

  /** A unique id for this text. */
  next(text: string): string {
    const base = slugify(text);
    if (base === '') {
      return this.unique(this.fallback, 1);
    }
    return this.used.has(base) ? this.unique(base, 2) : this.take(base);
  }

  private unique(base: string, from: number): string {
    let n = from;
    while (this.used.has(`${base}-${n}`)) {
      n += 1;
    }
    return this.take(`${base}-${n}`);
  }

  private take(id: string): string {
    this.used.add(id);
    return id;
  }
}

const MINOR_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'da',
  'de',
  'del',
  'della',
  'der',
  'des',
  'di',
  'do',
  'du',
  'e',
  'en',
  'et',
  'for',
  'fur',
  'in',
  'la',
  'las',
  'le',
  'les',
  'los',
  'of',
  'the',
  'und',
  'y',
]);

/** Initials of the significant words ("Pusan National University Yangsan Hospital" → PNUYH), 2–6 characters. */
export function siteCodeBase(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '' && !MINOR_WORDS.has(word.toLowerCase()));
  const initials = words
    .map((word) => (/^\d+$/.test(word) ? word : (word[0] ?? '')))
    .join('')
    .toUpperCase()
    .slice(0, 6);
  if (initials.length >= 2) {
    return initials;
  }
  const letters = words.join('').toUpperCase().slice(0, 4);
  return letters.length >= 2 ? letters : 'SITE';
}

/** Hands out unique site codes (pattern ^[A-Z0-9]{2,10}$): `HMO`, then `HMO2`, `HMO3`… */
export class SiteCodeAllocator {
  private readonly used = new Set<string>();

  /** A unique code for a site named `name`. */
  next(name: string): string {
    const base = siteCodeBase(name);
    let code = base;
    let n = 2;
    while (this.used.has(code)) {
      code = `${base.slice(0, 10 - String(n).length)}${n}`;
      n += 1;
    }
    this.used.add(code);
    return code;
  }
}
