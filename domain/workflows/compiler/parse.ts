import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';
import { CompileError } from './errors.ts';

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
  if (typeof xml !== 'string' || xml.trim() === '') throw new CompileError([{ id: '', type: 'document', reason: 'the BPMN document is empty' }]);
  if (Buffer.byteLength(xml) > MAX_XML_BYTES) throw new CompileError([{ id: '', type: 'document', reason: `the BPMN document is larger than ${MAX_XML_BYTES} bytes` }]);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new CompileError([{ id: '', type: 'document', reason: 'DOCTYPE and entity declarations are not allowed' }]);
  try {
    const { rootElement, warnings } = await new BpmnModdle({ pinzhi: extension }).fromXML(xml);
    const fatal = warnings.filter((w: { message: string }) => /unparsable|unclosed|unexpected/i.test(w.message));
    if (fatal.length > 0) throw new CompileError(fatal.map((w: { message: string }) => ({ id: '', type: 'document', reason: w.message.split('\n')[0] })));
    return rootElement as unknown as ModdleElement;
  } catch (error) {
    if (error instanceof CompileError) throw error;
    throw new CompileError([{ id: '', type: 'document', reason: `not a BPMN 2.0 document: ${(error as Error).message.split('\n')[0]}` }]);
  }
}
