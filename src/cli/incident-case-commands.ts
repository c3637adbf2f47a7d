import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  fileReport,
  listIncidents,
  listViolations,
  notifyAffected,
  recordIncident,
  reportForm,
  reportViolation,
  showIncident,
  triageViolation,
  type IncidentView,
} from '../incidents/index.ts';
import type { Principal } from '../security/index.ts';
import { CliError } from './cli-error.ts';
import { withContext } from './with-context.ts';

/**
 * Who acts on incidents from the command line: the OS user as a privacy officer — whoever can
 * run `hogo` against the database already holds its keys; every step is audited under this id.
 */
function cliOfficer(job: string): Principal {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry in a container: the job name still says what acted.
  }
  const scope = { categories: 'all', purposes: 'all' } as const;
  return {
    id: `cli:${user}:${job}`,
    kind: 'user',
    name: `cli:${user}`,
    role: 'privacyOfficer',
    scope,
  };
}

const print = (json: boolean | undefined, value: unknown, text: () => string) =>
  process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text()}\n`);

const line = (i: IncidentView) =>
  `${i.id}  known ${i.knownOn}  ${i.persons} person(s)  ${i.duties.reportable ? 'reportable' : 'not reportable'}  ${i.status}`;

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(`${option} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

/** `hogo incidents record|list|show|report|notify`: recorded incidents and their duties. */
export function registerIncidentCaseCommands(incidents: Command): void {
  incidents
    .command('record')
    .description('Record an incident: the persons counted from the registry, the duties decided.')
    .requiredOption('--known <date>', 'the day the company knew, YYYY-MM-DD (day 1)')
    .option('--categories <ids>', 'item categories concerned, comma-separated (default: any)')
    .option('--sensitive', 'special care-required information is involved')
    .option('--financial', 'data whose misuse may cause financial damage')
    .option('--wrongful', 'may have been caused by a wrongful act')
    .option('--encrypted', 'strongly encrypted, the key kept safe')
    .option('--secrecy', 'the secrecy of communications is concerned (TBA track)')
    .option('--json', 'print JSON')
    .action(async (o) =>
      withContext(async (ctx) => {
        const view = await recordIncident(ctx, cliOfficer('incidents'), {
          knownOn: o.known,
          sensitive: o.sensitive === true,
          financial: o.financial === true,
          wrongful: o.wrongful === true,
          encrypted: o.encrypted === true,
          secrecyOfCommunications: o.secrecy === true,
          affected:
            o.categories === undefined ? {} : { categories: String(o.categories).split(',') },
        });
        print(o.json, view, () => `${line(view)}\nclauses: ${view.duties.clauses.join(', ')}`);
      }),
    );
  incidents
    .command('list')
    .description('Recorded incidents, newest first, with their due status.')
    .option('--json', 'print JSON')
    .action(async (o) =>
      withContext(async (ctx) => {
        const list = await listIncidents(ctx, cliOfficer('incidents'));
        print(o.json, { incidents: list }, () =>
          list.length === 0 ? 'no incidents' : list.map(line).join('\n'),
        );
      }),
    );
  incidents
    .command('show <id>')
    .description('One incident: its clauses and its deadlines as a timeline, met or open.')
    .option('--json', 'print JSON')
    .action(async (id: string, o) =>
      withContext(async (ctx) => {
        const view = await showIncident(ctx, cliOfficer('incidents'), id);
        print(o.json, view, () =>
          [
            line(view),
            `clauses: ${view.duties.clauses.join(', ')}`,
            ...view.deadlines.map(
              (d) =>
                `${d.due}  ${d.track.toUpperCase()} ${d.stage} report  ${d.metAt === null ? 'open' : `met ${d.metAt}`}`,
            ),
          ].join('\n'),
        );
      }),
    );
  incidents
    .command('report <id>')
    .description(
      'Print the report form of a track (PPC Rules Art. 8(1)), or file it with --stage (a new version).',
    )
    .option('--track <track>', 'ppc (APPI Art. 26) or tba (TBA Art. 28)', 'ppc')
    .option('--stage <stage>', 'file the report: preliminary or final')
    .option('--items <file>', 'a JSON file of the items to file (default: the form as filled)')
    .option('--json', 'print JSON')
    .action(async (id: string, o) =>
      withContext(async (ctx) => {
        const track = oneOf(o.track, ['ppc', 'tba'] as const, '--track');
        const officer = cliOfficer('incidents');
        const form = await reportForm(ctx, officer, id, track);
        if (o.stage === undefined) {
          print(o.json, form, () =>
            [
              `next: ${form.nextStage}; versions filed: ${form.versions.length}`,
              ...Object.entries(form.items).map(([k, v]) => `${k}: ${v}`),
            ].join('\n'),
          );
          return;
        }
        const stage = oneOf(o.stage, ['preliminary', 'final'] as const, '--stage');
        let items: unknown = form.items;
        if (o.items !== undefined) {
          try {
            items = JSON.parse(readFileSync(o.items, 'utf8'));
          } catch (e) {
            throw new CliError(`--items: ${o.items} is no JSON file (${(e as Error).message})`);
          }
        }
        const filed = await fileReport(ctx, officer, id, { track, stage, items });
        print(
          o.json,
          filed,
          () => `filed ${filed.track} ${filed.stage} report, version ${filed.version}`,
        );
      }),
    );
  incidents
    .command('notify <id>')
    .description(
      'Tell the persons concerned (PPC Rules Art. 10): notices into the outbox, never twice.',
    )
    .option('--lang <lang>', 'en or ja', 'ja')
    .option('--json', 'print JSON')
    .action(async (id: string, o) =>
      withContext(async (ctx) => {
        const lang = oneOf(o.lang, ['en', 'ja'] as const, '--lang');
        const r = await notifyAffected(ctx, cliOfficer('incidents'), id, { lang });
        print(
          o.json,
          r,
          () =>
            `${r.queued} notice(s) queued; ${r.alreadyNotified} already told; not reachable: ${r.erased} erased, ${r.noAddress} without an address`,
        );
      }),
    );
}

/** `hogo violations report|list|triage`: suspected violations of the rules (SECURITY.3). */
export function registerViolationCommands(program: Command): void {
  const violations = program
    .command('violations')
    .description('Suspected violations of the rules (SECURITY.3): report, list, triage.');
  violations
    .command('report')
    .description('Report a suspected violation; --anonymous keeps no reporter.')
    .requiredOption('--summary <text>', 'what is suspected (no one’s address or number)')
    .option('--anonymous', 'keep no reporter')
    .option('--json', 'print JSON')
    .action(async (o) =>
      withContext(async (ctx) => {
        const v = await reportViolation(ctx, o.anonymous ? null : cliOfficer('violations'), {
          summary: o.summary,
        });
        print(o.json, v, () => `reported ${v.id}`);
      }),
    );
  violations
    .command('list')
    .description('The triage queue: open first, then newest first.')
    .option('--status <status>', 'open, incident or closed')
    .option('--json', 'print JSON')
    .action(async (o) =>
      withContext(async (ctx) => {
        const status =
          o.status === undefined
            ? undefined
            : oneOf(o.status, ['open', 'incident', 'closed'] as const, '--status');
        const list = await listViolations(ctx, cliOfficer('violations'), { status });
        print(o.json, { violations: list }, () =>
          list.length === 0
            ? 'no violation reports'
            : list.map((v) => `${v.id}  ${v.status}  ${v.createdAt}  ${v.summary}`).join('\n'),
        );
      }),
    );
  violations
    .command('triage <id>')
    .description('Link a report to a recorded incident (--incident) or close it (--close REASON).')
    .option('--incident <id>', 'the incident it is')
    .option('--close <reason>', 'why it is closed')
    .option('--json', 'print JSON')
    .action(async (id: string, o) =>
      withContext(async (ctx) => {
        if ((o.incident === undefined) === (o.close === undefined))
          throw new CliError('give exactly one of --incident <id> or --close <reason>');
        const v = await triageViolation(
          ctx,
          cliOfficer('violations'),
          id,
          o.incident !== undefined
            ? { action: 'incident', incidentId: o.incident }
            : { action: 'close', reason: o.close },
        );
        print(o.json, v, () => `${v.id}: ${v.status}${v.incidentId ? ` ${v.incidentId}` : ''}`);
      }),
    );
}
