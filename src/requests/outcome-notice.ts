import type { Kysely } from 'kysely';
import type { RequestDeps } from './request-deps.ts';
import { HogoError } from '../errors/index.ts';
import { enqueueNotice, outcomeLetter } from '../notices/index.ts';
import { readCustomer } from '../registry/index.ts';
import type { Principal } from '../security/index.ts';
import { cipherFor } from './cipher-for.ts';
import type { CustomerRequest } from './customer-request.ts';
import { openStoredText } from './open-stored-text.ts';
import { dayNumber, dayText } from './policy-day.ts';
import { REFUSAL_REASONS } from './refusal-reason.ts';
import { requestKind } from './request-kind.ts';

/**
 * APPI Art. 36: puts the letter telling the outcome in the outbox, in the request's language,
 * addressed to the customer's e-mail on file (else their postal address). Returns the notice
 * id with the address and text (for a send from memory), or null when the customer has no
 * address at all (or was erased by a deletion request). A principal who may not read the
 * address the customer has is refused ('auth.forbidden'): a letter is never skipped because of
 * who sends it. The registry read is audited by the registry; the refusal's sentence is opened with
 * the customer's cipher for the letter only (sealed again in the outbox).
 */
export async function outcomeNotice(
  ctx: RequestDeps,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tx: Kysely<any>,
  principal: Principal,
  request: CustomerRequest,
): Promise<{ readonly id: string; readonly to: string; readonly body: string } | null> {
  const outcome = request.outcome;
  if (outcome === null) return null;
  let address: { channel: 'email' | 'post'; to: string } | null;
  try {
    // APPI Art. 35–36: telling the person the outcome of their own request rests on that request.
    const customer = await readCustomer(ctx, principal, {
      customerId: request.customerId,
      basis: { clause: request.kind, requestId: request.id },
    });
    const email = customer.items.find((i) => i.category === 'email' && i.value !== undefined);
    const post = customer.items.find((i) => i.category === 'address' && i.value !== undefined);
    // APPI Art. 33(1): a disclosure asked for on paper goes by post with the pages enclosed.
    const onPaper = request.deliveryMethod === 'paper' && post !== undefined;
    address =
      email !== undefined && !onPaper
        ? { channel: 'email', to: email.value! }
        : post !== undefined
          ? { channel: 'post', to: post.value! }
          : null;
    const withheld = customer.items.some(
      (i) => (i.category === 'email' || i.category === 'address') && i.value === undefined,
    );
    if (address === null && withheld)
      throw new HogoError(
        'auth.forbidden',
        'the customer is told the outcome (APPI Art. 35–36): that needs a principal who may read their e-mail or postal address',
        { permission: 'registry.readValues' },
      );
  } catch (e) {
    // Erased (REQUEST.DELETION by crypto-shredding): nothing of theirs is left to write to.
    if (e instanceof HogoError && /not_found|shredded/.test(e.code)) return null;
    throw e;
  }
  if (address === null) return null;
  const lang = request.lang ?? 'ja';
  const ground = outcome.refusal === null ? null : REFUSAL_REASONS[outcome.refusal.reason];
  let message = '';
  if (outcome.refusal !== null) {
    const cipher = await cipherFor(ctx, tx, request.customerId);
    const opened = openStoredText(cipher, request.id, 'refusal', outcome.refusal.message);
    if (opened.state === 'shown') message = opened.text;
  }
  const kind = requestKind(ctx.policy, request.kind);
  const letter = outcomeLetter({
    lang,
    requestId: request.id,
    kindName: kind.name,
    receivedDate: dayText(dayNumber(request.receivedAt, ctx.policy.offset)),
    result: outcome.result,
    refusal:
      outcome.refusal === null || ground === null
        ? null
        : {
            ground: ground.text[lang] ?? ground.text.en,
            article: ground.article,
            message,
          },
    hasPackage: kind.deliversPackage === true && outcome.result !== 'refused',
    delivery:
      request.deliveryMethod === 'paper' && address.channel === 'post' ? 'paper' : 'download',
    changes: changesOf(ctx, request, lang),
  });
  const id = await enqueueNotice(ctx, tx, {
    kind: 'request.outcome',
    channel: address.channel,
    customerId: request.customerId,
    requestId: request.id,
    lang,
    to: address.to,
    ...letter,
  });
  return { id, to: address.to, body: letter.body };
}

/**
 * What a correction, addition or suspension changed, from the fulfilment's summary, in the
 * letter's language: category and purpose names from the policy file, never a value.
 */
function changesOf(ctx: RequestDeps, request: CustomerRequest, lang: 'en' | 'ja'): string[] {
  const summary = (request.outcome?.summary ?? {}) as {
    corrected?: string[];
    addedCategories?: string[];
    suspendedPurposes?: string[] | null;
    suspensionId?: string;
    purposesByCategory?: { category: string; purposes: string[] }[];
    erasedCategories?: string[];
  };
  const doc = ctx.policy.document;
  const category = (id: string) => {
    const c = doc.categories.find((x) => x.id === id);
    return c === undefined ? id : lang === 'ja' ? (c.name.ja ?? c.name.en) : c.name.en;
  };
  const en = lang === 'en';
  const changes: string[] = [];
  for (const c of summary.corrected ?? [])
    changes.push(`${category(c)}${en ? ': corrected' : '：訂正しました'}`);
  for (const c of summary.addedCategories ?? [])
    changes.push(`${category(c)}${en ? ': added' : '：追加しました'}`);
  // APPI Art. 32(2): the purposes of use, in the letter's language, per category of item.
  for (const { category: c, purposes } of summary.purposesByCategory ?? []) {
    const texts = purposes.map((id) => {
      const p = ctx.policy.purposes.get(id);
      return p === undefined ? id : lang === 'ja' ? (p.text.ja ?? p.text.en) : p.text.en;
    });
    changes.push(
      `${category(c)}${en ? ': ' : '：'}${texts.length === 0 ? (en ? 'no purpose applies now' : '現在該当する利用目的はありません') : texts.join(en ? '; ' : '／')}`,
    );
  }
  // RETAIN: a deletion in part names what it erased; what it kept is the refusal's sentence.
  for (const c of summary.erasedCategories ?? [])
    changes.push(`${category(c)}${en ? ': erased' : '：削除しました'}`);
  if (summary.suspensionId !== undefined) {
    const what =
      request.kind === 'REQUEST.SUSPEND_PROVISION'
        ? en
          ? 'Provision to third parties suspended'
          : '第三者への提供を停止しました'
        : en
          ? 'Use suspended'
          : '利用を停止しました';
    const purposes = summary.suspendedPurposes;
    changes.push(
      purposes === null || purposes === undefined
        ? `${what}${en ? ' for every purpose the law allows' : '（法令が認めるすべての利用目的）'}`
        : `${what}${en ? ' for: ' : '：'}${purposes.join(', ')}`,
    );
  }
  return changes;
}
