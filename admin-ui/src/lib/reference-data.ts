import { useEffect, useState } from 'react';
import { ErrorFields, expect, graphql, request, type ResultOf } from './graphql.ts';
import { allNodes, PageInfoFields } from './paging.ts';

const TOUCHPOINTS = graphql(`
  query Touchpoints($after: String) { touchpoints(first: 250, after: $after) { __typename ...ErrorFields
    ... on TouchpointConnection { pageInfo { ...PageInfoFields } nodes { code name stage place } } } }
`, [ErrorFields, PageInfoFields]);
const PROJECTS = graphql(`
  query Projects($after: String) { projects(first: 100, after: $after) { __typename ...ErrorFields
    ... on ProjectConnection { pageInfo { ...PageInfoFields } nodes { id code name type region profile places { id name kind } } } } }
`, [ErrorFields, PageInfoFields]);

export type Touchpoint = Extract<ResultOf<typeof TOUCHPOINTS>['touchpoints'], { __typename: 'TouchpointConnection' }>['nodes'][number];
export type Project = Extract<ResultOf<typeof PROJECTS>['projects'], { __typename: 'ProjectConnection' }>['nodes'][number];

// Reference data changes rarely: each list is fetched once per page load and shared.
const cache = new Map<string, Promise<unknown>>();

function shared<T>(key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}

function useShared<T>(key: string, load: () => Promise<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    shared(key, load).then((v) => live && setValue(v), () => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return value;
}

/** The 215 customer touchpoints, by code. */
export function useTouchpoints(): Touchpoint[] | undefined {
  return useShared('touchpoints', () => allNodes(async (after) => expect((await request(TOUCHPOINTS, { after })).touchpoints, 'TouchpointConnection')));
}

/** Every managed project with its places. */
export function useProjects(): Project[] | undefined {
  return useShared('projects', () => allNodes(async (after) => expect((await request(PROJECTS, { after })).projects, 'ProjectConnection')));
}
