import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, typeFromAST, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { schema } from './schema.ts';
import { QUERY_LIMITS } from './query-limits.ts';

/**
 * Every operation the admin UI sends stays within the request cost limit. The cost of a selection
 * counts each error member a shared fragment selects in every union it is spread into, times the
 * page sizes around it, so a field added to `ErrorFields` once pushed the standards tree (500
 * documents a page) to 39,010 of 25,000 and the page showed an error instead of the tree. Optional
 * variables are left out (page sizes count at the field's default); required ones get a sample value.
 */
const UI_SOURCES = new URL('../../admin-ui/src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The GraphQL documents written in the UI's sources: the text of each graphql(`…`) call. */
function uiDocuments(): { file: string; definitions: readonly DefinitionNode[] }[] {
  return sourceFiles(UI_SOURCES).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((m) => ({ file: file.slice(UI_SOURCES.length), definitions: parse(m[1]).definitions })),
  );
}

/** An operation with every fragment it reaches. */
function withFragments(operation: OperationDefinitionNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const needed = new Map<string, FragmentDefinitionNode>();
  const reach = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`fragment ${spread.name.value} is not defined in the admin UI`);
        if (!needed.has(fragment.name.value)) {
          needed.set(fragment.name.value, fragment);
          reach(fragment);
        }
      },
    });
  reach(operation);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
}

/** A value of `type` for a required variable (an optional one is left out, so page sizes count at their defaults). */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, placeholder(f.type)]));
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = { Int: 1, Float: 1, String: 'x', ID: '1', Boolean: true, JSON: {}, Date: '2026-01-01', DateTime: '2026-01-01T00:00:00Z', File: new File(['x'], 'x.png') };
    if (!(type.name in samples)) throw new Error(`no sample value for the scalar ${type.name}`);
    return samples[type.name];
  }
  throw new Error(`no sample value for ${String(type)}`);
}

/** Values for an operation's required variables. */
function requiredValues(operation: OperationDefinitionNode): Record<string, unknown> {
  return Object.fromEntries((operation.variableDefinitions ?? []).filter((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue).map((v) => [v.variable.name.value, placeholder(typeFromAST(schema, v.type) as GraphQLInputType)]));
}

describe('the admin UI\'s requests', () => {
  const documents = uiDocuments();
  const fragments = new Map(documents.flatMap((d) => d.definitions.filter((x): x is FragmentDefinitionNode => x.kind === Kind.FRAGMENT_DEFINITION)).map((f) => [f.name.value, f]));
  const operations = documents.flatMap((d) => d.definitions.filter((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION).map((operation) => ({ file: d.file, operation })));

  it('are found in its sources', () => {
    // the UI has dozens of operations and the shared error fragment; finding none would test nothing
    expect(operations.length).toBeGreaterThan(50);
    expect(fragments.has('ErrorFields')).toBe(true);
  });

  it('each cost no more than the request limit', () => {
    const over = operations
      .map(({ file, operation }) => ({ file, name: operation.name?.value ?? '(anonymous)', cost: complexityFromQuery(withFragments(operation, fragments), { schema, ctx: {}, variables: requiredValues(operation) }).complexity }))
      .filter((o) => o.cost > QUERY_LIMITS.cost);
    expect(over).toEqual([]);
  });

  it('would catch a costly shared fragment', () => {
    // given the standards tree with ErrorFields selecting a list on one more error member
    const tree = operations.find((o) => o.operation.name?.value === 'StandardsTree')!;
    const errorFields = fragments.get('ErrorFields')!;
    const heavier = parse(`fragment ErrorFields on Error { __typename code message ... on ValidationError { issues { pointer code message } } ... on WorkflowIncompleteError { issues { pointer code message } } ... on ConflictError { currentRevision } }`).definitions[0] as FragmentDefinitionNode;
    const cost = (fragment: FragmentDefinitionNode) => complexityFromQuery(withFragments(tree.operation, new Map(fragments).set('ErrorFields', fragment)), { schema, ctx: {}, variables: requiredValues(tree.operation) }).complexity;
    // then its cost passes the limit, where today's fragment stays under it
    expect(cost(errorFields)).toBeLessThanOrEqual(QUERY_LIMITS.cost);
    expect(cost(heavier)).toBeGreaterThan(QUERY_LIMITS.cost);
  });
});
