import { BUNDLED_POLICY_PATH } from '../src/policy/bundled-policy-path.ts';
import { decide, loadPolicyFile, type CompiledPolicy } from '../src/policy/index.ts';
import { CedarPeer } from './decide/cedar-peer.ts';
import { differential } from './decide/differential.ts';
import { randomRequests, type RandomRequest } from './decide/random-requests.ts';

/**
 * `npm run bench -- decide`: hogo's decision engine against the same policy written for Cedar.
 * First a differential check (every request must get the same decision from both), then the
 * throughput of each in this one process, on one core. Last line: one JSON object.
 */

const COUNT = 100_000;
const SEED = 20_220_701;
const HOGO_TARGET = 1_000_000;
const RATIO_TARGET = 100;

export async function run(_args: string[]): Promise<number> {
  const policy = loadPolicyFile(BUNDLED_POLICY_PATH);
  const peer = new CedarPeer(policy);
  const requests = randomRequests(policy, COUNT, SEED);

  const { identical, disagreement } = differential(policy, peer, requests);
  if (disagreement !== null) {
    console.error(
      `decide: hogo and Cedar disagree on request #${disagreement.index} ` +
        `(after ${identical} identical):\n` +
        `request: ${JSON.stringify(disagreement.request)}\n` +
        `hogo:    ${JSON.stringify(disagreement.hogo)}\n` +
        `cedar:   ${JSON.stringify(disagreement.cedar)}`,
    );
    return 1;
  }
  const permits = requests.filter(hogoDecider(policy)).length;
  console.log(`differential: ${identical} requests, identical decisions (${permits} permits)`);

  const hogoPerSec = throughput(requests, hogoDecider(policy));
  const peerPerSec = throughput(requests, (r) => peer.decide(r) === 'permit');
  const ratio = hogoPerSec / peerPerSec;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `hogo:  ${Math.round(hogoPerSec).toLocaleString('en')} decisions/s ` +
      `(target ≥ ${HOGO_TARGET.toLocaleString('en')}: ${met(hogoPerSec >= HOGO_TARGET)})\n` +
      `cedar: ${Math.round(peerPerSec).toLocaleString('en')} decisions/s ` +
      `(cedar-wasm, statefulIsAuthorized, context adapter included)\n` +
      `ratio: ${ratio.toFixed(1)} (target ≥ ${RATIO_TARGET}: ${met(ratio >= RATIO_TARGET)})`,
  );
  // Written by hand so that the ratio keeps its one decimal (JSON.stringify drops ".0").
  console.log(
    `{"bench":"decide","identical":${identical},"hogoPerSec":${Math.round(hogoPerSec)},` +
      `"peerPerSec":${Math.round(peerPerSec)},"ratio":${ratio.toFixed(1)}}`,
  );
  return 0;
}

function hogoDecider(policy: CompiledPolicy): (r: RandomRequest) => boolean {
  return (r) => {
    const outcome = decide(policy, r);
    return 'decision' in outcome && outcome.decision === 'permit';
  };
}

/**
 * Decisions per second of `decideOne`, cycling through the request set in chunks: a warm-up
 * (JIT, caches) of a quarter second, then at least one second of timed work. Chunks rather
 * than whole passes, because a pass of Cedar takes some twenty seconds. The permit count is
 * kept so that no work is dead.
 */
function throughput(requests: readonly RandomRequest[], decideOne: (r: RandomRequest) => boolean) {
  const CHUNK = 1_000;
  let next = 0;
  let sink = 0;
  const work = (seconds: number): { decisions: number; ns: number } => {
    const start = process.hrtime.bigint();
    let decisions = 0;
    let ns = 0;
    while (ns < seconds * 1e9) {
      for (let k = 0; k < CHUNK; k++) {
        if (decideOne(requests[next]!)) sink++;
        next = next + 1 === requests.length ? 0 : next + 1;
      }
      decisions += CHUNK;
      ns = Number(process.hrtime.bigint() - start);
    }
    return { decisions, ns };
  };
  work(0.25);
  const { decisions, ns } = work(1);
  if (sink < 0) console.log(sink);
  return decisions / (ns / 1e9);
}
