import type { Command } from 'commander';
import {
  answerInspection,
  closeFollowUp,
  closeInspection,
  inspectionSchedule,
  inspectionView,
  startInspection,
} from '../governance/index.ts';
import type { Principal } from '../security/index.ts';
import { CliError } from './cli-error.ts';
import { cliPrincipal } from './cli-principal.ts';
import { withContext } from './with-context.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** Who inspects from the command line: the OS user as a privacy officer (SECURITY.3). */
const inspector = (): Principal => ({ ...cliPrincipal('inspections'), role: 'privacyOfficer' });

const collect = (value: string, previous: string[]) => [...previous, value];

/** `--follow-up "action|owner|YYYY-MM-DD"`: one follow-up of a finding. */
function parseFollowUp(text: string): { action: string; owner: string; dueOn: string } {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    throw new CliError(`--follow-up "${text}": write it as "action|owner|YYYY-MM-DD"`);
  }
  const [action, owner, dueOn] = parts as [string, string, string];
  return { action, owner, dueOn };
}

/** `hogo inspections list|start|show|answer|close|close-follow-up` (SECURITY.3). */
export function registerInspectionCommands(program: Command): void {
  const inspections = program
    .command('inspections')
    .description('Self-inspections and audits of the policy file’s checklists (SECURITY.3).');
  inspections
    .command('list')
    .description('Each checklist and department with the inspection due; overdue first.')
    .option('--json', 'print the schedule as JSON')
    .action(async (opts: { json?: boolean }) => {
      const schedule = await withContext((ctx) => inspectionSchedule(ctx, inspector()));
      if (opts.json === true) {
        json(schedule);
        return;
      }
      for (const s of schedule) {
        process.stdout.write(
          `${s.checklistId}  ${s.department}  due ${s.dueOn}${s.overdue ? '  OVERDUE' : ''}${
            s.openInspectionId ? `  open ${s.openInspectionId}` : ''
          }  follow-ups open ${s.openFollowUps} (overdue ${s.overdueFollowUps})\n`,
        );
      }
    });
  inspections
    .command('start')
    .description('Start a department’s inspection now due; prints its id.')
    .requiredOption('--checklist <id>', 'a checklist id of the policy file’s inspections section')
    .requiredOption('--department <id>', 'a department the checklist inspects')
    .action(async (opts: { checklist: string; department: string }) => {
      json(
        await withContext((ctx) =>
          startInspection(ctx, inspector(), {
            checklistId: opts.checklist,
            department: opts.department,
          }),
        ),
      );
    });
  inspections
    .command('show <id>')
    .description('An inspection’s questions, answers and follow-ups.')
    .action(async (id: string) => {
      json(await withContext((ctx) => inspectionView(ctx, inspector(), id)));
    });
  inspections
    .command('answer <id>')
    .description('Answer one question; a finding may carry follow-ups.')
    .requiredOption('--question <id>', 'a question of the checklist')
    .requiredOption('--result <result>', 'ok | finding | na')
    .option('--finding <text>', 'what was found (staff’s words, never a customer’s value)')
    .option('--follow-up <action|owner|day>', 'a follow-up, repeatable', collect, [])
    .action(
      async (
        id: string,
        opts: { question: string; result: string; finding?: string; followUp: string[] },
      ) => {
        if (!['ok', 'finding', 'na'].includes(opts.result)) {
          throw new CliError('--result must be one of ok, finding, na');
        }
        const followUps = opts.followUp.map(parseFollowUp);
        json(
          await withContext((ctx) =>
            answerInspection(ctx, inspector(), id, [
              {
                questionId: opts.question,
                result: opts.result as 'ok' | 'finding' | 'na',
                ...(opts.finding === undefined ? {} : { finding: opts.finding }),
                followUps,
              },
            ]),
          ),
        );
      },
    );
  inspections
    .command('close <id>')
    .description('Close an inspection whose questions are all answered.')
    .action(async (id: string) => {
      await withContext((ctx) => closeInspection(ctx, inspector(), id));
      json({ id, state: 'closed' });
    });
  inspections
    .command('close-follow-up <id>')
    .description('Close a follow-up once carried out.')
    .action(async (id: string) => {
      await withContext((ctx) => closeFollowUp(ctx, inspector(), id));
      json({ id, state: 'closed' });
    });
}
