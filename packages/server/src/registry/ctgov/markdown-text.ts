// Plain text from ClinicalTrials.gov markup. API v2 "MARKUP" fields are CommonMark with backslash escapes
// (`\>=`, `\<`, `\[`), sometimes with HTML entities escaped once more (`\&gt;`); legacy XML texts are plain,
// hard-wrapped text. The block structure is read with marked's lexer; these helpers turn tokens into clean text.
import { Lexer } from 'marked';

/** The fields of a marked token this module reads (marked's own union is too loose to narrow safely). */
export interface MarkdownToken {
  type: string;
  raw: string;
  text?: string;
  href?: string;
  tokens?: MarkdownToken[];
  items?: MarkdownToken[];
  ordered?: boolean;
  start?: number | '';
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ge: '≥',
  le: '≤',
  plusmn: '±',
  deg: '°',
  micro: 'µ',
  times: '×',
  ndash: '–',
  mdash: '—',
};

/** Decodes the HTML entities that appear in registry texts (`&gt;`, `&#8805;`, `&#x2265;`); others stay. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Collapses every whitespace run (line breaks of hard-wrapped text included) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Clean one-line text: entities decoded, whitespace collapsed, a leading typographic bullet (•) removed. */
export function cleanLine(text: string): string {
  return collapseWhitespace(decodeEntities(text)).replace(/^[•●▪◦·]+\s*/, '');
}

/** Lexes markdown into block tokens (CRLF normalised). */
export function lexBlocks(markdown: string): MarkdownToken[] {
  const tokens: unknown = Lexer.lex(markdown.replace(/\r\n?/g, '\n'));
  return tokens as MarkdownToken[];
}

/** The text of inline tokens with markup removed: escapes resolved, emphasis and links reduced to text. */
export function inlineText(tokens: readonly MarkdownToken[]): string {
  return tokens.map(inlineTokenText).join('');
}

function inlineTokenText(token: MarkdownToken): string {
  switch (token.type) {
    case 'br':
      return ' ';
    case 'image':
      return '';
    case 'link': {
      const label = token.tokens === undefined ? (token.text ?? '') : inlineText(token.tokens);
      const href = token.href ?? '';
      return href === '' || label.trim() === href.trim() ? label : `${label} (${href})`;
    }
    case 'html':
      return /^<br\s*\/?>$/i.test(token.raw.trim()) ? ' ' : token.raw;
    default:
      if (token.tokens !== undefined && token.tokens.length > 0) {
        return inlineText(token.tokens);
      }
      return token.text ?? token.raw;
  }
}

/**
 * The text of a leaf block (paragraph, text, heading, code…). `markdown` resolves inline markup; `plain`
 * keeps the source characters (legacy XML is not markdown: a `*` or `\` there is literal).
 */
export function blockText(token: MarkdownToken, format: 'markdown' | 'plain'): string {
  if (format === 'markdown' && token.tokens !== undefined && token.type !== 'blockquote') {
    return cleanLine(inlineText(token.tokens));
  }
  if (token.type === 'blockquote') {
    // In plain text a line starting with '>' is a comparison ("> 500 mU/mL"), not a quote.
    return cleanLine(
      format === 'plain' ? token.raw : (token.tokens ?? []).map((t) => blockText(t, format)).join(' '),
    );
  }
  return cleanLine(token.text ?? token.raw);
}

/** Plain text of a whole markup field (descriptions): one line per paragraph or list item. */
export function markupToPlain(markdown: string): string {
  const lines: string[] = [];
  const visit = (tokens: readonly MarkdownToken[], depth: number): void => {
    for (const token of tokens) {
      if (token.type === 'list') {
        for (const item of token.items ?? []) {
          const own = (item.tokens ?? []).filter((t) => t.type !== 'list');
          const text = own
            .map((t) => blockText(t, 'markdown'))
            .join(' ')
            .trim();
          if (text !== '') {
            lines.push(`${'  '.repeat(depth)}- ${text}`);
          }
          visit(
            (item.tokens ?? []).filter((t) => t.type === 'list'),
            depth + 1,
          );
        }
      } else if (token.type !== 'space' && token.type !== 'hr') {
        const text = blockText(token, 'markdown');
        if (text !== '') {
          lines.push(text);
        }
      }
    }
  };
  visit(lexBlocks(markdown), 0);
  return lines.join('\n');
}
