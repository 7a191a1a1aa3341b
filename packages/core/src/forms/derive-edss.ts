import { EDSS_FUNCTIONAL_SYSTEMS } from '../scales/edss-rules.js';
import { EDSS_ALGORITHM, scoreEdss, type EdssInput } from '../scales/edss.js';
import {
  emptyOutput,
  inputsNotReady,
  type DerivationInput,
  type DerivationOutput,
} from './derivation-types.js';

/** EDSS form → scoreEdss: the EDSS step and the rule that fixed it; disputed readings become notes. */

export const EDSS_FORM_ITEMS = [...Object.keys(EDSS_FUNCTIONAL_SYSTEMS), 'ambulation'] as const;

export function deriveEdss(input: DerivationInput): DerivationOutput {
  const output = emptyOutput();
  const notReady = inputsNotReady(input, { required: EDSS_FORM_ITEMS });
  if (notReady !== null) {
    output.notes.push({ derived: ['edss', 'edssRule'], message: `EDSS not derived: ${notReady}` });
    return output;
  }
  const scored = scoreEdss(
    Object.fromEntries(EDSS_FORM_ITEMS.map((item) => [item, input.values[item]])) as EdssInput,
  );
  if (scored.kind === 'invalid') {
    throw new Error(`EDSS form accepted values the scorer refuses: ${JSON.stringify(scored.problems)}`);
  }
  output.derived['edss'] = { value: scored.value.edss, algorithm: EDSS_ALGORITHM };
  output.derived['edssRule'] = { value: scored.value.rule, algorithm: EDSS_ALGORITHM };
  if (scored.value.disputed !== undefined) {
    output.notes.push({ derived: ['edss'], message: `disputed reading: ${scored.value.disputed}` });
  }
  return output;
}
