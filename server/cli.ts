import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkLibrary } from '../domain/editions/library.ts';
import { checkLibraryPackage } from '../domain/editions/library-package.ts';
import { DomainError, ValidationError } from '../domain/shared/errors.ts';
import type { Locale } from '../domain/shared/messages.ts';
import { render } from './i18n/catalogue.ts';
import { localeFromFlag } from './i18n/locale.ts';
import { loadConfig } from './config.ts';
import { openOrm, forkEm } from './db/orm.ts';
import { SYSTEM_ACTOR, systemFor } from '../domain/shared/access.ts';
import { organisationByCode } from '../domain/people/organisation.service.ts';
import { ORGANISATION_USAGE, runOrganisationCommand } from './cli-organisations.ts';
import { createUser } from '../domain/users/user.service.ts';
import { setCertificates } from '../domain/qualifications/qualification.service.ts';
import { DEFAULT_LIMITS } from '../domain/shared/limits.ts';
import { isLibraryPackage, readLibraryDir, readLibraryPackage, writeLibraryDir } from '../domain/editions/library-files.ts';
import { exportLibrary, importLibrary, importLibraryPackage } from '../domain/editions/library.service.ts';
import { createLayerOrganisation } from './seed/layers.ts';

const USAGE = `Usage: npm run pinzhi -- <command>
  validate <dir>                               check every standard file under <dir>; a library with
                                               editions.json is checked with its history, touchpoints
                                               and variants
  import <dir> [--edition NAME] [--note TEXT]  publish new and changed standards, then an edition;
                                               a library with editions.json imports its editions
  export <dir> [--edition NAME]                write an edition (default: the newest) as files
  user add --username U --password P --roles r1,r2 [--name "显示名"] [--qualification "物业经理证:WY-2024-0187:2028-06-30" …] [--organisation C]
                                               the roles are held on the whole organisation (default: the first)
  user certificates --username U [--qualification "内审员证:NS-7:2027-03-31" …]
                                               replace a person's certificates (none: remove them all)
  demo-organisation                            add a demo organisation for the layers (京华物业: jh-manager,
                                               jh-reviewer, jh-inspector) with its overlay of the baseline
${ORGANISATION_USAGE}
Problems are reported in English, or in Chinese with --lang zh.
Uses DATABASE_URL (PostgreSQL) or the embedded PGlite under DATA_DIR (default ./data).`;

/** `certificate[:number[:expires YYYY-MM-DD]]` */
function parseQualification(text: string): { certificate: string; number?: string; expiresOn?: string } {
  const [certificate, number, expiresOn] = text.split(':').map((s) => s.trim());
  if (!certificate || (expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(expiresOn))) fail(`--qualification "${text}": use certificate[:number[:YYYY-MM-DD]]`);
  return { certificate, ...(number ? { number } : {}), ...(expiresOn ? { expiresOn } : {}) };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reports a refusal in the language asked for (English, or Chinese with `--lang zh`) and exits 1. */
function report(error: unknown, locale: Locale): never {
  if (error instanceof ValidationError) {
    console.error(render(error, locale));
    for (const issue of error.issues) console.error(`  ${issue.pointer || '/'}: ${render(issue, locale)}`);
    process.exit(1);
  }
  if (error instanceof DomainError) fail(render(error, locale));
  throw error;
}

/** The `pinzhi` command line: moves libraries between files and the database, and adds users. */
async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { lang: { type: 'string' }, edition: { type: 'string' }, note: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, roles: { type: 'string' }, name: { type: 'string' }, qualification: { type: 'string', multiple: true }, organisation: { type: 'string' }, code: { type: 'string' }, 'name-en': { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, project: { type: 'string' } },
  });
  const [command, arg] = positionals;
  if (command === 'validate') {
    if (!arg) fail(USAGE);
    const dir = resolve(arg);
    const kinds = (docs: { kind: string }[]) => Object.entries(docs.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.kind]: (acc[d.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${n} ${k}`).join(', ');
    if (!isLibraryPackage(dir)) {
      const docs = checkLibrary(readLibraryDir(dir));
      console.log(`ok: ${docs.length} standards valid (${kinds(docs)})`);
      return;
    }
    const checked = checkLibraryPackage(readLibraryPackage(dir));
    for (const { manifest, documents } of checked.editions) {
      const items = documents.reduce((n, d) => n + (d.kind === 'instruction' ? Object.keys(d.schema.properties ?? {}).length : 0), 0);
      console.log(`ok: edition ${manifest.name}: ${documents.length} standards valid (${kinds(documents)}; ${items} check items)${manifest.changes.length ? `, ${manifest.changes.length} changes` : ''}`);
    }
    console.log(`ok: ${checked.touchpoints.length} touchpoints, each named by a check item; variants: ${checked.variants.map((v) => `${v.profile} (${v.overlays.length} overlays)`).join(', ') || 'none'}`);
    return;
  }
  if (!['import', 'export', 'user', 'organisation', 'region', 'member', 'demo-organisation'].includes(command ?? '')) fail(USAGE);
  const config = loadConfig();
  const orm = await openOrm(config);
  const em = forkEm(orm);
  try {
    if (command === 'import') {
      if (!arg) fail(USAGE);
      if (isLibraryPackage(resolve(arg))) {
        const result = await importLibraryPackage(em, SYSTEM_ACTOR, readLibraryPackage(resolve(arg)));
        for (const e of result.editions) console.log(`imported edition ${e.name}: ${e.created} new, ${e.revised} revised, ${e.retired} retired`);
        if (result.editions.length === 0) console.log('every edition of the library is already imported');
        return;
      }
      const result = await importLibrary(em, SYSTEM_ACTOR, readLibraryDir(resolve(arg)), { edition: values.edition, note: values.note });
      console.log(`imported: ${result.created.length} new, ${result.revised.length} revised, ${result.unchanged.length} unchanged${result.edition ? `; edition ${result.edition} published` : ''}`);
    } else if (command === 'export') {
      if (!arg) fail(USAGE);
      const count = writeLibraryDir(resolve(arg), await exportLibrary(em, values.edition));
      console.log(`exported ${count} standards to ${resolve(arg)}`);
    } else if (command === 'user' && arg === 'add') {
      if (!values.username || !values.password || !values.roles) fail(USAGE);
      const actor = values.organisation ? systemFor((await organisationByCode(em, values.organisation)).id) : SYSTEM_ACTOR;
      const user = await createUser(em, actor, { username: values.username, password: values.password, roles: values.roles.split(',').map((r) => r.trim()), displayName: values.name, qualifications: (values.qualification ?? []).map(parseQualification) });
      console.log(`user ${user.username} created with roles ${values.roles}${values.organisation ? ` in ${values.organisation}` : ''}`);
    } else if (command === 'user' && arg === 'certificates') {
      if (!values.username) fail(USAGE);
      const certificates = (values.qualification ?? []).map(parseQualification);
      await setCertificates({ em, actor: SYSTEM_ACTOR, limits: DEFAULT_LIMITS }, values.username, certificates);
      console.log(`user ${values.username} holds ${certificates.map((c) => c.certificate).join(', ') || 'no certificates'}`);
    } else if (command === 'demo-organisation') {
      const organisation = await createLayerOrganisation(em);
      console.log(`organisation ${organisation.code} (${organisation.name}) ready: users jh-manager, jh-reviewer, jh-inspector; projects JH01, JH02; its overlay of M03.P01.W002`);
    } else if (!(await runOrganisationCommand(em, command, arg, values, fail))) {
      fail(USAGE);
    }
  } finally {
    await orm.close();
  }
}

const args = process.argv.slice(2);
// the language is read before anything else, so that refusals of the arguments themselves are in it
const language = args.find((a, i) => a.startsWith('--lang=') || args[i - 1] === '--lang');
main(args).catch((error: unknown) => report(error, localeFromFlag(language?.replace(/^--lang=/, ''))));
