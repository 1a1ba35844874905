import { useEffect, useState } from 'react';
import { ERROR_FIELDS, expect, request } from './graphql.ts';
import { allNodes, type PageInfo } from './paging.ts';

export interface Touchpoint {
  code: string;
  name: string;
  stage: string;
  place: string;
}

export interface Project {
  id: number;
  code: string;
  name: string;
  type: string;
  region: string;
  profile: string;
  places: { id: number; name: string; kind: string }[];
}

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

const TOUCHPOINTS = `query ($after: String) { touchpoints(first: 250, after: $after) { ${ERROR_FIELDS} ... on TouchpointConnection { pageInfo { hasNextPage endCursor } nodes { code name stage place } } } }`;
const PROJECTS = `query ($after: String) { projects(first: 100, after: $after) { ${ERROR_FIELDS} ... on ProjectConnection { pageInfo { hasNextPage endCursor } nodes { id code name type region profile places { id name kind } } } } }`;

type Page<T, Name extends string> = { __typename: Name; nodes: T[]; pageInfo: PageInfo };

/** The 215 customer touchpoints, by code. */
export function useTouchpoints(): Touchpoint[] | undefined {
  return useShared('touchpoints', () => allNodes(async (after) => expect<Page<Touchpoint, 'TouchpointConnection'>>((await request<{ touchpoints: { __typename: string } }>(TOUCHPOINTS, { after })).touchpoints, 'TouchpointConnection')));
}

/** Every managed project with its places. */
export function useProjects(): Project[] | undefined {
  return useShared('projects', () => allNodes(async (after) => expect<Page<Project, 'ProjectConnection'>>((await request<{ projects: { __typename: string } }>(PROJECTS, { after })).projects, 'ProjectConnection')));
}
