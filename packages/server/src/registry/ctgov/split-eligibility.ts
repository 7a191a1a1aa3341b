// Splits a registry eligibility text into individual criteria. The text is read block by block with marked's
// lexer (docs/registry-import.md, "Eligibility"):
// - "Inclusion Criteria:" / "Key Exclusion Criteria" / "Non-inclusion criteria:" paragraphs (or headings) switch
//   the section; text after the colon on the same line is a criterion;
// - every top-level list item is one criterion; nested items stay inside it as "- …" / "1. …" lines;
// - a paragraph ending with ':' (or a short title right before a list) is a group label ("For parent
//   participants:") that is kept as the criteria's note, not a criterion;
// - any other paragraph is one criterion;
// - text before any section heading is inclusion, flagged `kindAssumed`.
import type { CtgovTextFormat } from './ctgov-study.js';
import type { MarkdownToken } from './markdown-text.js';
import { blockText, lexBlocks } from './markdown-text.js';

export type CriterionKind = 'inclusion' | 'exclusion';

/** One criterion as split from the registry text. */
export interface SplitCriterion {
  kind: CriterionKind;
  text: string;
  /** Group label(s) the criterion was listed under, joined with ' › '. */
  group?: string;
  /** true when the record names no inclusion/exclusion section before this criterion. */
  kindAssumed?: boolean;
}

interface SectionHeader {
  kind: CriterionKind;
  /** A qualifier such as "Inclusion Criteria for CKD Participants" (kept as a group label). */
  label?: string;
  /** Criterion text written on the heading line ("Inclusion Criteria: type 1 diabetes …"). */
  inline?: string;
}

const HEADER_PATTERN =
  /^(?:(?:key|main|major|general|additional|specific)\s+)?(non[- ]?inclusion|inclusion|exclusion)\s+criteri(?:a|on)s?\b(.*)$/is;

/** A heading that names both sides or neither ("INCLUSION/EXCLUSION CRITERIA:"): a label, not a section. */
const GENERIC_HEADER_PATTERN =
  /^(?:inclusion\s*(?:\/|and|&)\s*exclusion|eligibility|entry|selection|protocol entry)\s+criteria\s*:?$/i;

function kindOfWord(word: string): CriterionKind {
  return word.toLowerCase() === 'inclusion' ? 'inclusion' : 'exclusion';
}

function trimLabel(text: string): string {
  return text.replace(/[\s:–-]+$/, '').trim();
}

/** Recognises a section heading paragraph; undefined when the text is not one. */
export function matchSectionHeader(text: string): SectionHeader | undefined {
  const match = HEADER_PATTERN.exec(text);
  if (match === null) {
    return undefined;
  }
  const kind = kindOfWord(match[1] ?? '');
  const rest = (match[2] ?? '').trim();
  const colon = rest.indexOf(':');
  const before = colon < 0 ? rest : rest.slice(0, colon).trim();
  const after = colon < 0 ? '' : rest.slice(colon + 1).trim();
  if (colon < 0 && rest.length > 60) {
    // "Exclusion criteria include patients with …": a sentence, not a heading.
    return { kind, inline: text.trim() };
  }
  const header: SectionHeader = { kind };
  if (before.replace(/[\s–-]+/g, '') !== '') {
    header.label = trimLabel(text.slice(0, text.length - rest.length) + before);
  }
  if (after !== '') {
    header.inline = after;
  }
  return header;
}

/** Section named by a group label that clearly speaks of one side ("Transplant Exclusion:"). */
function labelSection(label: string): CriterionKind | undefined {
  const excludes = /\bexclu|non[- ]?inclusion/i.test(label);
  const includes = /\binclusion\b/i.test(label.replace(/non[- ]?inclusion/gi, ''));
  if (excludes && !includes) {
    return 'exclusion';
  }
  if (includes && !excludes) {
    return 'inclusion';
  }
  return undefined;
}

function nextContentToken(tokens: readonly MarkdownToken[], index: number): MarkdownToken | undefined {
  return tokens.slice(index + 1).find((token) => token.type !== 'space');
}

function isGroupLabel(text: string, next: MarkdownToken | undefined): boolean {
  if (text.endsWith(':')) {
    return true;
  }
  return text.length <= 60 && !/[.;!?]$/.test(text) && next?.type === 'list';
}

/** Walks the blocks and collects criteria; one instance per text. */
class CriteriaCollector {
  readonly criteria: SplitCriterion[] = [];
  private kind: CriterionKind = 'inclusion';
  private sawSection = false;
  private labels: string[] = [];
  private labelsUsed = false;
  private readonly format: CtgovTextFormat;

  constructor(format: CtgovTextFormat) {
    this.format = format;
  }

  blocks(tokens: readonly MarkdownToken[]): void {
    tokens.forEach((token, index) => {
      if (token.type === 'space' || token.type === 'hr') {
        return;
      }
      if (token.type === 'list') {
        for (const item of token.items ?? []) {
          this.item(item);
        }
        return;
      }
      this.paragraph(blockText(token, this.format), nextContentToken(tokens, index));
    });
  }

  finish(): SplitCriterion[] {
    if (this.labels.length > 0 && !this.labelsUsed) {
      // A label with nothing under it is the record's own text: keep it as a criterion.
      const text = this.labels.join(' ');
      this.labels = [];
      this.add(text);
    }
    return this.criteria;
  }

  private paragraph(text: string, next: MarkdownToken | undefined): void {
    if (text === '') {
      return;
    }
    const header = matchSectionHeader(text);
    if (header !== undefined) {
      this.section(header);
      return;
    }
    if (isGroupLabel(text, next)) {
      const side = labelSection(text);
      if (side !== undefined) {
        this.kind = side;
        this.sawSection = true;
      }
      this.pushLabel(trimLabel(text));
      return;
    }
    this.add(text);
  }

  private section(header: SectionHeader): void {
    if (this.labelsUsed) {
      this.labels = [];
      this.labelsUsed = false;
    }
    this.kind = header.kind;
    this.sawSection = true;
    if (header.label !== undefined) {
      this.pushLabel(header.label);
    }
    if (header.inline !== undefined) {
      this.add(header.inline);
    }
  }

  private pushLabel(label: string): void {
    if (this.labelsUsed) {
      this.labels = [];
      this.labelsUsed = false;
    }
    if (label !== '') {
      this.labels.push(label);
    }
  }

  private item(item: MarkdownToken): void {
    const own = (item.tokens ?? []).filter((token) => token.type !== 'list' && token.type !== 'space');
    const nested = (item.tokens ?? []).filter((token) => token.type === 'list');
    const text = own
      .map((token) => blockText(token, this.format))
      .filter((part) => part !== '')
      .join(' ');
    if (nested.length === 0) {
      const header = matchSectionHeader(text);
      if (header !== undefined && header.inline === undefined) {
        this.section(header);
        return;
      }
      if (GENERIC_HEADER_PATTERN.test(text)) {
        this.pushLabel(trimLabel(text));
        return;
      }
    }
    const lines = nested.flatMap((list) => this.nestedLines(list, 0));
    this.add([text, ...lines].filter((part) => part !== '').join('\n'));
  }

  private nestedLines(list: MarkdownToken, depth: number): string[] {
    const start = typeof list.start === 'number' ? list.start : 1;
    return (list.items ?? []).flatMap((item, index) => {
      const own = (item.tokens ?? [])
        .filter((token) => token.type !== 'list' && token.type !== 'space')
        .map((token) => blockText(token, this.format))
        .filter((part) => part !== '')
        .join(' ');
      const marker = list.ordered === true ? `${start + index}.` : '-';
      const deeper = (item.tokens ?? [])
        .filter((token) => token.type === 'list')
        .flatMap((sub) => this.nestedLines(sub, depth + 1));
      return own === '' ? deeper : [`${'  '.repeat(depth)}${marker} ${own}`, ...deeper];
    });
  }

  private add(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') {
      return;
    }
    const criterion: SplitCriterion = { kind: this.kind, text: trimmed };
    if (this.labels.length > 0) {
      criterion.group = this.labels.join(' › ');
      this.labelsUsed = true;
    }
    if (!this.sawSection) {
      criterion.kindAssumed = true;
    }
    this.criteria.push(criterion);
  }
}

/**
 * Legacy XML text blocks are indented by the XML layout (the first line loses it when the parser trims):
 * remove the common indentation of the other lines so the bullets are read as lists, not code blocks.
 */
export function dedentPlainText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  const [first = '', ...rest] = lines;
  const indents = rest.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return [
    first.trim(),
    ...rest.map((line) => line.slice(Math.min(common, line.length - line.trimStart().length))),
  ].join('\n');
}

/** Lines that start with a typographic bullet (• ● ▪ ◦) become markdown list items. */
function bulletsToMarkdown(text: string): string {
  return text.replace(/^([ ]*)[•●▪◦]\s*/gm, '$1- ');
}

/** Splits an eligibility text into criteria, in the order written. */
export function splitEligibility(text: string, format: CtgovTextFormat): SplitCriterion[] {
  const source = format === 'plain' ? dedentPlainText(text) : text.replace(/\r\n?/g, '\n');
  const collector = new CriteriaCollector(format);
  collector.blocks(lexBlocks(bulletsToMarkdown(source)));
  return collector.finish();
}
