// Entry point of the ClinicalTrials.gov importer: detects the record format by content (API v2 JSON or
// legacy XML), reads it, maps it to a draft protocol and renders the draft as commented YAML.
import type { CtgovReadResult } from './ctgov-study.js';
import type { CtgovDraft } from './draft-protocol.js';
import { mapCtgovStudy } from './map-draft-protocol.js';
import { readCtgovJson } from './parse-ctgov-json.js';
import { readCtgovXml } from './parse-ctgov-xml.js';
import { renderDraftYaml } from './render-draft-yaml.js';

export type CtgovRecordFormat = 'json' | 'xml';

export type CtgovImportResult =
  { kind: 'ok'; draft: CtgovDraft; yaml: string } | { kind: 'invalid'; reason: string };

/** 'json' or 'xml' from the first non-blank character; undefined for anything else. */
export function detectCtgovFormat(text: string): CtgovRecordFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (start === '{' || start === '[') {
    return 'json';
  }
  return start === '<' ? 'xml' : undefined;
}

/** Reads a study record from its text (JSON or XML, detected by content). */
export function readCtgovRecord(text: string): CtgovReadResult {
  const format = detectCtgovFormat(text);
  if (format === undefined) {
    const start = text.trim().slice(0, 20).replace(/\s+/g, ' ');
    return {
      kind: 'invalid',
      reason: start === '' ? 'input is empty' : `input is neither JSON nor XML (starts with '${start}')`,
    };
  }
  if (format === 'xml') {
    return readCtgovXml(text);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    return {
      kind: 'invalid',
      reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return readCtgovJson(value);
}

/** Imports one registry record: the draft protocol (with TODO marks) and its YAML text. */
export function importCtgovRecord(text: string): CtgovImportResult {
  const read = readCtgovRecord(text);
  if (read.kind === 'invalid') {
    return read;
  }
  const draft = mapCtgovStudy(read.study);
  return { kind: 'ok', draft, yaml: renderDraftYaml(draft) };
}
