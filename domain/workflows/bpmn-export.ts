/** Export (issue 19): a deployed diagram as BPMN 2.0 other tools open. */
import { BpmnModdle } from 'bpmn-moddle';
import { readFileSync } from 'node:fs';

const extension = JSON.parse(readFileSync(new URL('./pinzhi-moddle.json', import.meta.url), 'utf8'));

/**
 * The stored BPMN written out again by bpmn-moddle: Pinzhi's properties under their own namespace
 * (`xmlns:pinzhi="urn:pinzhi:bpmn"`, declared once on the definitions), diagram interchange and
 * other tools' extensions kept as they came. The stored document compiled once, so it parses.
 */
export async function exportBpmn(xml: string): Promise<string> {
  const moddle = new BpmnModdle({ pinzhi: extension });
  const { rootElement } = await moddle.fromXML(xml);
  const { xml: out } = await moddle.toXML(rootElement, { format: true });
  return out;
}
