import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from './builder.ts';

function literalToValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalToValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalToValue(f.value)]));
    default:
      throw new GraphQLError('Variables inside JSON literals are not supported; pass the whole value as a variable');
  }
}

builder.scalarType('JSON', {
  description: 'Any JSON value (a standard document is a JSON Schema object).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalToValue,
});

builder.scalarType('DateTime', {
  description: 'An ISO 8601 timestamp in UTC.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`"${value}" is not an ISO 8601 timestamp`);
    return date;
  },
});

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec (input only).',
  serialize: () => {
    throw new Error('File is an input type');
  },
});
