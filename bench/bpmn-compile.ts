import { performance } from 'node:perf_hooks';
import { compileBpmn } from '../domain/workflows/compiler/compile.ts';
import { parseBpmn } from '../domain/workflows/compiler/parse.ts';
import { ROLES } from '../domain/shared/access.ts';

/**
 * Compile time of a large diagram in the shape other tools export (no incoming/outgoing children,
 * plain tasks whose lanes give their roles, a data object per step): blocks of task → decision →
 * two tasks → merge, up to `target` flow elements. Part of `npm run bench`; alone:
 * `node bench/bpmn-compile.ts [elements]`.
 */
export function foreignDiagram(target: number): { xml: string; elements: number } {
  const lanes: Record<string, string[]> = { 品控员: [], 质量经理: [], 'Project Manager': [] };
  const laneNames = Object.keys(lanes);
  const body: string[] = ['<startEvent id="sid-start" />'];
  let previous = 'sid-start';
  let elements = 1;
  let flows = 0;
  const flow = (from: string, to: string, condition?: string) => {
    body.push(`<sequenceFlow id="sid-f${++flows}" sourceRef="${from}" targetRef="${to}">${condition ? `<conditionExpression>${condition}</conditionExpression>` : ''}</sequenceFlow>`);
    elements++;
  };
  for (let i = 0; elements < target - 2; i++) {
    const [a, g, b, c, m] = ['a', 'g', 'b', 'c', 'm'].map((x) => `sid-${x}${i}`);
    for (const [j, id] of [a, b, c].entries()) lanes[laneNames[(i + j) % 3]].push(id);
    body.push(`<task id="${a}" name="检查 ${i}" />`, `<exclusiveGateway id="${g}" default="sid-d${i}" />`, `<task id="${b}" name="整改 ${i}" />`, `<task id="${c}" name="归档 ${i}" />`, `<exclusiveGateway id="${m}" />`);
    body.push(`<dataObjectReference id="sid-do${i}" name="记录 ${i}" dataObjectRef="sid-obj${i}" /><dataObject id="sid-obj${i}" />`);
    elements += 7;
    flow(previous, a);
    flow(a, g);
    flow(g, b, `issues${i} > 0`);
    body.push(`<sequenceFlow id="sid-d${i}" sourceRef="${g}" targetRef="${c}" />`);
    elements++;
    flow(b, m);
    flow(c, m);
    previous = m;
  }
  body.push('<endEvent id="sid-end" />');
  elements++;
  flow(previous, 'sid-end');
  const laneSet = `<laneSet id="sid-lanes">${laneNames.map((n, i) => `<lane id="sid-lane${i}" name="${n}">${lanes[n].map((id) => `<flowNodeRef>${id}</flowNodeRef>`).join('')}</lane>`).join('')}</laneSet>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="sid-defs" targetNamespace="http://www.signavio.com">
<process id="sid-bench" isExecutable="false">${laneSet}${body.join('')}</process></definitions>`;
  return { xml, elements };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(run: () => Promise<unknown>, rounds = 20): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Compile time per element of a diagram of about `target` elements in the shape other tools export,
 * beside reading the same XML with bpmn-moddle alone (the parse every compile starts with).
 */
export async function bpmnCompileBenchmarks(line: (name: string, value: string, baseline: string, verdict: string) => void, target = 500): Promise<void> {
  const { xml, elements } = foreignDiagram(target);
  const options = { roles: ROLES, actions: [] };
  const compile = await timed(() => compileBpmn(xml, options));
  const parse = await timed(() => parseBpmn(xml));
  line(`BPMN compile, ${elements} elements (${(Buffer.byteLength(xml) / 1024).toFixed(0)} KiB, foreign style)`, `${compile.toFixed(1)} ms`, `bpmn-moddle parse only: ${parse.toFixed(1)} ms`, `${((compile * 1000) / elements).toFixed(1)} µs per element (${(compile / parse).toFixed(2)}× the parse)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bpmnCompileBenchmarks((name, value, baseline, verdict) => console.log(`${name}  ${value}   ${baseline}   ${verdict}`), Number(process.argv[2] ?? 500));
}
