import type { IncidentDeps } from './incident-deps.ts';
import { auditIncidentRead } from './audit-incident-read.ts';
import { authorize } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import type { BreachFacts } from './breach-facts.ts';
import type { IncidentDeadline } from './due-status.ts';
import { incidentDeadlines } from './due-status.ts';
import type { IncidentInput } from './record-incident.ts';
import type { BreachDuties } from './breach-duties.ts';
import { incidentDb, type IncidentTables } from './incident-tables.ts';
import { toFiling } from './incident-filings.ts';
import type { ReportStage, ReportTrack, ReportVersion } from './report-filing.ts';
import type { ReportItems } from './report-items.ts';
import { requireIncident } from './require-incident.ts';

/** The report form of one track: the text to file next, the stage it is, and every version. */
export interface ReportForm {
  readonly incidentId: string;
  readonly track: ReportTrack;
  /** The stage a filing now would be: 'preliminary' until one is filed, then 'final'. */
  readonly nextStage: ReportStage;
  /** The track's deadlines, met or open. */
  readonly deadlines: readonly IncidentDeadline[];
  /** The newest version's text, or the text filled from the incident when none is filed. */
  readonly items: ReportItems;
  /** Every filing of the track, oldest first, with its text as filed. */
  readonly versions: readonly ReportVersion[];
}

/**
 * The items of PPC Rules Art. 8(1) filled from the recorded incident (in Japanese, the
 * language of the report): the day known, the categories of data, the number of persons, the
 * triggers that bear on the cause and the secondary damage. Staff complete the rest.
 */
export function filledItems(
  ctx: Pick<IncidentDeps, 'policy'>,
  row: Pick<IncidentTables['incidents'], 'known_on' | 'persons' | 'facts'>,
  lang: 'en' | 'ja' = 'ja',
): ReportItems {
  const facts = JSON.parse(row.facts) as IncidentInput & BreachFacts;
  const ja = lang === 'ja';
  const names = (facts.affected?.categories ?? []).map((id) => {
    const c = ctx.policy.document.categories.find((x) => x.id === id);
    return c === undefined ? id : ja ? (c.name.ja ?? c.name.en) : c.name.en;
  });
  const kinds =
    names.length > 0 ? names.join(ja ? '、' : ', ') : ja ? '登録簿の全項目' : 'every item';
  const sensitive = facts.sensitive
    ? ja
      ? '（要配慮個人情報を含む）'
      : ' (including special care-required personal information)'
    : '';
  const encrypted = facts.encrypted
    ? ja
      ? '高度な暗号化その他の保護措置が講じられている。'
      : ' Protected by strong encryption, the key kept safe.'
    : '';
  const wrongful = facts.skimming
    ? ja
      ? '不正の目的をもって行われたおそれがある行為（取得しようとしている個人データのスキミング）による。'
      : 'An act that may have had a wrongful purpose (skimming of data being obtained).'
    : ja
      ? '不正の目的をもって行われたおそれがある行為による。'
      : 'An act that may have had a wrongful purpose.';
  return {
    outline: ja
      ? `${row.known_on}に漏えい等の事態を知った（この日を1日目とする）。`
      : `The company learned of the incident on ${row.known_on} (day 1).`,
    dataKinds: ja ? `${kinds}${sensitive}。${encrypted}` : `${kinds}${sensitive}.${encrypted}`,
    persons: ja ? `${Number(row.persons)}人` : `${Number(row.persons)} persons`,
    cause: facts.wrongful ? wrongful : '',
    secondaryDamage: facts.financial
      ? ja
        ? '不正に利用されることにより財産的被害が生じるおそれがある個人データを含む。'
        : 'Includes data whose misuse may cause financial damage.'
      : '',
    responseToPersons: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
  };
}

/** The report form of an incident's track; audited. Needs 'incidents.read'. */
export async function reportForm(
  ctx: IncidentDeps,
  principal: Principal,
  incidentId: string,
  track: ReportTrack,
): Promise<ReportForm> {
  authorize(principal, 'incidents.read');
  const row = await requireIncident(ctx.store.db, incidentId);
  const rows = await incidentDb(ctx.store.db)
    .selectFrom('incident_reports')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .where('track', '=', track)
    .orderBy('version')
    .execute();
  const versions = rows.map((r) => ({ ...toFiling(r), items: JSON.parse(r.items) as ReportItems }));
  const duties = JSON.parse(row.duties) as BreachDuties;
  await auditIncidentRead(ctx, principal, 'incident.report.read', { incidentId, track });
  return {
    incidentId,
    track,
    nextStage: versions.length === 0 ? 'preliminary' : 'final',
    deadlines: incidentDeadlines(duties, versions).filter((d) => d.track === track),
    items: versions.at(-1)?.items ?? filledItems(ctx, row),
    versions,
  };
}
