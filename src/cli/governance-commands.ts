import type { Command } from 'commander';
import {
  approveExport,
  countryRegister,
  EXPORT_KINDS,
  type ExportKind,
  listExportApprovals,
  recordTraining,
  requestExportApproval,
  trainingStatus,
} from '../governance/index.ts';
import { listRecipients } from '../provision/index.ts';
import { listUsers, type Principal } from '../security/index.ts';
import { CliError } from './cli-error.ts';
import { cliPrincipal } from './cli-principal.ts';
import { withContext } from './with-context.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/**
 * Who approves from the command line: the OS user as a privacy officer (whoever runs `hogo`
 * against the database holds its keys). Four eyes still hold: an approval asked for by the same
 * OS user is refused, whatever the job.
 */
const approver = (): Principal => ({ ...cliPrincipal('approvals'), role: 'privacyOfficer' });

/** `hogo approvals …` (SECURITY.5), `hogo training …` (SECURITY.4), `hogo countries …` (SECURITY.7). */
export function registerGovernanceCommands(program: Command): void {
  const approvals = program
    .command('approvals')
    .description('Approvals by a second person of bulk take-outs of personal values (SECURITY.5).');
  approvals
    .command('request')
    .description('Ask for an approval; prints it with its id, to pass to the take-out.')
    .requiredOption('--kind <kind>', EXPORT_KINDS.join(' | '))
    .requiredOption('--subject <id>', 'what is taken out: the platform of an ad export, …')
    .requiredOption('--reason <text>', 'why (ids and purposes only)')
    .action(async (opts: { kind: string; subject: string; reason: string }) => {
      if (!(EXPORT_KINDS as readonly string[]).includes(opts.kind)) {
        throw new CliError(`--kind must be one of ${EXPORT_KINDS.join(', ')}`);
      }
      json(
        await withContext((ctx) =>
          requestExportApproval(ctx, cliPrincipal('approvals'), {
            kind: opts.kind as ExportKind,
            subject: opts.subject,
            reason: opts.reason,
          }),
        ),
      );
    });
  approvals
    .command('approve <id>')
    .description('Approve another person’s take-out (never one’s own).')
    .action(async (id: string) => {
      json(await withContext((ctx) => approveExport(ctx, approver(), id)));
    });
  approvals
    .command('list')
    .description('The approvals, newest first.')
    .option('--state <state>', 'requested | approved | used')
    .action(async (opts: { state?: string }) => {
      json(
        await withContext((ctx) =>
          listExportApprovals(
            ctx,
            cliPrincipal('approvals'),
            opts.state === undefined ? {} : { state: opts.state },
          ),
        ),
      );
    });

  const training = program
    .command('training')
    .description('Staff training (SECURITY.4): a lapsed course withholds personal values.');
  training
    .command('record')
    .description('Record that a staff user completed a course of the policy file on a day.')
    .requiredOption('--user <name>', 'the login name')
    .requiredOption('--course <id>', 'a course id of the policy file’s training section')
    .requiredOption('--on <date>', 'the day completed, YYYY-MM-DD (Japan)')
    .action(async (opts: { user: string; course: string; on: string }) => {
      json(
        await withContext(async (ctx) => {
          const user = (await listUsers(ctx)).find((u) => u.name === opts.user);
          if (user === undefined) throw new CliError(`no user ${opts.user}`);
          const principal: Principal = { ...cliPrincipal('training'), role: 'privacyOfficer' };
          await recordTraining(ctx, principal, {
            userId: user.id,
            courseId: opts.course,
            completedOn: opts.on,
          });
          return { user: user.name, courses: await trainingStatus(ctx, user) };
        }),
      );
    });
  training
    .command('status')
    .description('Every staff user’s required courses, with lapsed ones marked.')
    .action(async () => {
      json(
        await withContext(async (ctx) =>
          Promise.all(
            (await listUsers(ctx)).map(async (u) => ({
              user: u.name,
              role: u.role,
              courses: await trainingStatus(ctx, u),
            })),
          ),
        ),
      );
    });

  const countries = program
    .command('countries')
    .description('The foreign-country register of the policy file (SECURITY.7, APPI Art. 28).');
  countries
    .command('list')
    .description('Each country with its recipients and next review; overdue ones marked.')
    .option('--json', 'print the register as JSON')
    .action(async (opts: { json?: boolean }) => {
      const register = await withContext(async (ctx) => {
        const principal = cliPrincipal('countries');
        return countryRegister(ctx.policy, ctx.clock(), await listRecipients(ctx, principal));
      });
      if (opts.json === true) {
        json(register);
        return;
      }
      for (const e of register.entries) {
        const recipients = e.recipients.map((r) => r.id).join(', ') || 'no recipient';
        process.stdout.write(
          `${e.code}  ${e.name.en}  reviewed ${e.reviewed}, due ${e.reviewDue}${e.overdue ? '  OVERDUE' : ''}  ${recipients}\n`,
        );
      }
      for (const r of register.unregistered) {
        process.stdout.write(`${r.country}  not in the register (${register.clause})  ${r.id}\n`);
      }
    });
}
