import type { Command } from 'commander';
import { loadConfig } from '../config/index.ts';
import { HogoError } from '../errors/index.ts';
import { breachDuties, HOLIDAY_DATA_ENDS } from '../incidents/index.ts';
import { loadPolicyFile } from '../policy/index.ts';
import { CliError } from './cli-error.ts';
import {
  registerIncidentCaseCommands,
  registerViolationCommands,
} from './incident-case-commands.ts';

interface DutiesOptions {
  known: string;
  persons: string;
  sensitive?: boolean;
  financial?: boolean;
  wrongful?: boolean;
  skimming?: boolean;
  encrypted?: boolean;
  secrecy?: boolean;
  json?: boolean;
  policy?: string;
}

/** A whole number of persons from the command line, or a readable refusal naming the option. */
function personsOf(text: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`--persons: ${text} is not a whole number`);
  return Number(text);
}

/** `hogo incidents duties`: what the law requires for such an incident, recording nothing. */
export function registerIncidentCommands(program: Command): void {
  const incidents = program
    .command('incidents')
    .description('Breach response (APPI Art. 26; PPC Rules 7–10).');
  incidents
    .command('duties')
    .description(
      `Whether an incident is reportable, citing the BREACH clauses, and its deadlines (dates in Japan; holidays known to ${HOLIDAY_DATA_ENDS}).`,
    )
    .requiredOption('--known <date>', 'the day the company knew, YYYY-MM-DD (day 1)')
    .requiredOption('--persons <n>', 'how many persons are affected')
    .option('--sensitive', 'special care-required information is involved')
    .option('--financial', 'data whose misuse may cause financial damage')
    .option('--wrongful', 'may have been caused by a wrongful act')
    .option('--skimming', 'the wrongful act targeted data being obtained (from 2024-04-01)')
    .option('--encrypted', 'strongly encrypted, the key kept safe')
    .option('--secrecy', 'the secrecy of communications is concerned (TBA track)')
    .option('--json', 'print JSON')
    .option('--policy <file>', 'policy file (default: HOGO_POLICY or the bundled policy)')
    .action((opts: DutiesOptions) => {
      const policy = loadPolicyFile(opts.policy ?? loadConfig().policyPath);
      const breach = policy.document.breach;
      if (breach === undefined) throw new CliError('the policy file has no breach section', 1);
      let duties;
      try {
        duties = breachDuties(breach, {
          knownOn: opts.known,
          persons: personsOf(opts.persons),
          sensitive: opts.sensitive === true,
          financial: opts.financial === true,
          wrongful: opts.wrongful === true,
          skimming: opts.skimming === true,
          encrypted: opts.encrypted === true,
          secrecyOfCommunications: opts.secrecy === true,
        });
      } catch (e) {
        if (e instanceof HogoError)
          throw new CliError(`${e.message.replace(/^knownOn/, '--known')} (${e.code})`);
        throw e;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(duties)}\n`);
        return;
      }
      const lines = [
        `reportable: ${duties.reportable ? 'yes' : 'no'}`,
        `clauses: ${duties.clauses.join(', ')}`,
        ...(duties.preliminaryDue ? [`preliminary report due: ${duties.preliminaryDue}`] : []),
        ...(duties.finalDue
          ? [`final report due: ${duties.finalDue} (day ${duties.finalDays})`]
          : []),
        ...(duties.telecom
          ? [`TBA report (${duties.telecom.clause}) due: ${duties.telecom.finalDue}`]
          : []),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  registerIncidentCaseCommands(incidents);
  registerViolationCommands(program);
}
