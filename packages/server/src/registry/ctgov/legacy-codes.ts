// Legacy ClinicalTrials.gov XML writes display strings ("Active, not recruiting", "Phase 1/Phase 2",
// "Double (Participant, Investigator)"); API v2 writes enum codes. These functions translate the display
// strings into the v2 codes (registry.md §1.5) so the draft mapper sees one vocabulary. Unknown strings
// become UPPER_SNAKE codes of themselves, which the mapper then treats as unknown values.

const SPECIAL_CODES: Readonly<Record<string, string>> = {
  'UNKNOWN STATUS': 'UNKNOWN',
  'N/A': 'NA',
  'U.S. FED': 'FED',
  ANTICIPATED: 'ESTIMATED',
  BOTH: 'ALL',
  SUBJECT: 'PARTICIPANT',
  CAREGIVER: 'CARE_PROVIDER',
  'OPEN LABEL': 'NONE',
  'DOUBLE BLIND': 'DOUBLE',
  'SINGLE BLIND': 'SINGLE',
};

/** A display string as a v2-style code: "Active, not recruiting" → ACTIVE_NOT_RECRUITING. */
export function legacyCode(display: string): string {
  const upper = display.trim().toUpperCase();
  const special = SPECIAL_CODES[upper];
  if (special !== undefined) {
    return special;
  }
  return upper
    .replace(/\bPHASE (\d)\b/g, 'PHASE$1')
    .replace(/ ASSIGNMENT$/, '')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** "Phase 1/Phase 2" → [PHASE1, PHASE2]; "N/A" → [NA]. */
export function legacyPhases(display: string): string[] {
  if (display.trim().toUpperCase() === 'N/A') {
    return ['NA'];
  }
  return display
    .split('/')
    .map((part) => legacyCode(part))
    .filter((code) => code !== '');
}

/** "Observational [Patient Registry]" → OBSERVATIONAL. */
export function legacyStudyType(display: string): string {
  return legacyCode(display.replace(/\[.*\]/, ''));
}

/** "Double (Participant, Investigator)" → level DOUBLE, roles [PARTICIPANT, INVESTIGATOR]. */
export function legacyMasking(display: string): { masking: string; whoMasked: string[] } {
  const open = display.indexOf('(');
  const level = open < 0 ? display : display.slice(0, open);
  const roles =
    open < 0
      ? []
      : display
          .slice(open + 1, display.lastIndexOf(')') < open ? undefined : display.lastIndexOf(')'))
          .split(',')
          .map((role) => legacyCode(role))
          .filter((role) => role !== '' && role !== 'NONE');
  return { masking: legacyCode(level), whoMasked: roles };
}

/** "Accepts Healthy Volunteers" / "Yes" → true, "No" → false, anything else → undefined. */
export function legacyHealthyVolunteers(display: string): boolean | undefined {
  const value = display.trim().toLowerCase();
  if (value === 'no') {
    return false;
  }
  if (value === 'yes' || value === 'accepts healthy volunteers') {
    return true;
  }
  return undefined;
}

/**
 * The pre-2007 single-string design ("Allocation: Randomized, Masking: Double Blind (Subject, Caregiver),
 * Primary Purpose: Treatment"): the known "Key: Value" pairs.
 */
export function legacyDesignString(design: string): Record<string, string> {
  const keys = ['Allocation', 'Intervention Model', 'Masking', 'Primary Purpose', 'Endpoint Classification'];
  const pattern = new RegExp(`(${keys.join('|')}):\\s*`, 'g');
  const found: Record<string, string> = {};
  const matches = [...design.matchAll(pattern)];
  matches.forEach((match, index) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? design.length;
    found[match[1] ?? ''] = design.slice(start, end).replace(/,\s*$/, '').trim();
  });
  return found;
}
