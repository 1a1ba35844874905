import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';
import { CompileError, compileIssue } from './errors.ts';
import { compileMessage } from './compile.messages.ts';

const extension = JSON.parse(readFileSync(new URL('../pinzhi-moddle.json', import.meta.url), 'utf8'));
const MAX_XML_BYTES = 2 * 1024 * 1024;

/** A BPMN model element as bpmn-moddle reads it. */
export interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  [key: string]: unknown;
}

/** Parses BPMN 2.0 XML with bpmn-moddle (and Pinzhi's extension); a malformed document is a CompileError. */
export async function parseBpmn(xml: string): Promise<ModdleElement> {
  if (typeof xml !== 'string' || xml.trim() === '') throw new CompileError([compileIssue('', 'document', compileMessage('compile.document_empty'))]);
  if (Buffer.byteLength(xml) > MAX_XML_BYTES) throw new CompileError([compileIssue('', 'document', compileMessage('compile.document_too_large', { limit: MAX_XML_BYTES }))]);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CompileError([compileIssue('', 'document', compileMessage('compile.doctype'))]);
  try {
    const { rootElement, warnings } = await new BpmnModdle({ pinzhi: extension }).fromXML(xml);
    const fatal = warnings.filter((w: { message: string }) => /unparsable|unclosed|unexpected/i.test(w.message));
    if (fatal.length > 0) throw new CompileError(fatal.map((w: { message: string }) => compileIssue('', 'document', compileMessage('compile.xml_unparsable', { detail: w.message.split('\n')[0] }))));
    return rootElement as unknown as ModdleElement;
  } catch (error) {
    if (error instanceof CompileError) throw error;
    throw new CompileError([compileIssue('', 'document', compileMessage('compile.not_bpmn', { detail: (error as Error).message.split('\n')[0] }))]);
  }
}
