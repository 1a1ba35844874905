import { GraphQLError, getOperationAST } from 'graphql';
import type { BusinessKeys } from '../domain/shared/business-keys.ts';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type Orm, forkEm, forkFor } from './db/orm.ts';
import { actorOf } from '../domain/organisations/actor.service.ts';
import type { TokenService } from '../domain/users/token.ts';
import type { Actor } from '../domain/shared/access.ts';
import { type DocumentLimits } from '../domain/shared/limits.ts';
import type { GraphQLContext } from './graphql/context.ts';
import { schema } from './graphql/schema.ts';
import { queryLimitPlugins } from './graphql/query-limits.ts';
import { responseMeta, type ResponseMeta } from './graphql/response-meta.ts';
import { inputGuardPlugin } from './graphql/input-guards.ts';
import { domainGraphQLError, localizeErrorsPlugin } from './graphql/localize-errors.ts';
import { localeFromAcceptLanguage } from './i18n/locale.ts';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { PhotoStore } from '../domain/photos/photo.service.ts';
import type { Jobs } from '../domain/shared/jobs.ts';
import type { AccessCache } from './access-cache.ts';

export interface YogaDeps {
  orm: Orm;
  tokens: TokenService;
  limits: DocumentLimits;
  photos: PhotoStore;
  jobs: Jobs;
  keys: BusinessKeys;
  /** browser origins allowed to call the API (CORS); none when empty */
  corsOrigins?: readonly string[];
  /** callers' access kept between requests (read afresh on every request without it) */
  access?: AccessCache;
}

/** What the person of a request's bearer token may do, and where, as their memberships say now (a change counts from the next request). */
async function bearerActorOf(deps: YogaDeps, request: Request): Promise<Actor | null> {
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const username = token ? deps.tokens.verify(token) : null;
  if (!username) return null;
  return deps.access ? deps.access.actorOf(username) : actorOf(forkEm(deps.orm), username);
}

/**
 * A change to access made by a mutation here counts from the next request, not only once the
 * database's announcement of it arrives: what was kept is dropped when any mutation is done.
 */
function accessChangesPlugin(access: AccessCache): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => access.changed() };
    },
  };
}

/**
 * Builds the Yoga instance: one EntityManager fork per request, the caller from the bearer token,
 * GraphiQL served from the package (no CDN), unexpected errors masked. `meta` tells the HTTP front
 * what each request executed and which headers its resolvers added (the front's direct query path
 * reads the latter through the same object).
 */
export function createPinzhiYoga(deps: YogaDeps, meta: ResponseMeta = responseMeta()): YogaServerInstance<Record<string, unknown>, GraphQLContext> {
  const production = process.env.NODE_ENV === 'production';
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: '/graphql',
    plugins: [inputGuardPlugin(), ...queryLimitPlugins(), meta.plugin, localizeErrorsPlugin(), ...(deps.access ? [accessChangesPlugin(deps.access)] : []), ...(production ? [useDisableIntrospection()] : [])],
    // the admin UI is served from this origin; other sites get no CORS headers unless allowed by name
    cors: deps.corsOrigins?.length ? { origin: [...deps.corsOrigins], credentials: false, allowedHeaders: ['authorization', 'content-type'], methods: ['GET', 'POST'] } : false,
    graphiql: production ? false : { title: 'Pinzhi 品质 — GraphQL', defaultQuery: '# Sign in first: mutation { login(username: "manager", password: "pinzhi-demo") { ... on LoginSuccess { token } } }\n{ standards(first: 10) { ... on StandardConnection { totalCount pageInfo { hasNextPage endCursor } nodes { code title } } ... on Error { message } } }\n' },
    renderGraphiQL,
    maskedErrors: {
      isDev: false,
      // Fields without an error union (lists) still give expected errors their message, category and message code (localized by localizeErrorsPlugin).
      maskError: (error, message) => {
        // GraphQL's own errors (parse, validation, bad request bodies) are meant for the client as they are.
        if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) return error;
        const original = error instanceof GraphQLError ? error.originalError : error;
        return domainGraphQLError(original, error instanceof GraphQLError ? error.path : undefined) ?? new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    landingPage: false,
    logging: process.env.NODE_ENV === 'test' && !process.env.DEBUG_YOGA ? false : 'info',
    context: async ({ request, clientAddress, actor: known }) => {
      // the HTTP front may have read the caller for this same request already (cache keys, access checks)
      const actor = known !== undefined ? (known as Actor | null) : await bearerActorOf(deps, request);
      return {
        em: forkFor(deps.orm, actor),
        unscoped: () => forkEm(deps.orm),
        actor,
        limits: deps.limits,
        tokens: deps.tokens,
        photos: deps.photos,
        jobs: deps.jobs,
        keys: deps.keys,
        request,
        responseHeaders: meta.headersFor(request),
        clientAddress: typeof clientAddress === 'string' ? clientAddress : 'local',
        locale: localeFromAcceptLanguage(request.headers.get('accept-language')),
      };
    },
  });
  return yoga;
}
