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
  const permits = requests.filter((r) => {
    const outcome = decide(policy, r);
    return 'decision' in outcome && outcome.decision === 'permit';
  }).length;
  console.log(`differential: ${identical} requests, identical decisions (${permits} permits)`);

  const [hogo, cedar] = throughput(requests, hogoRunner(policy), cedarRunner(peer));
  const hogoPerSec = hogo.cpu;
  const peerPerSec = cedar.cpu;
  const ratio = hogoPerSec / peerPerSec;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const perSec = (n: number) => `${Math.round(n).toLocaleString('en')} decisions/s`;
  console.log(
    `hogo:  ${perSec(hogoPerSec)} of CPU (wall clock ${perSec(hogo.wall)}); ` +
      `target ≥ ${HOGO_TARGET.toLocaleString('en')}: ${met(hogoPerSec >= HOGO_TARGET)}\n` +
      `cedar: ${perSec(peerPerSec)} of CPU (wall clock ${perSec(cedar.wall)}); ` +
      `cedar-wasm statefulIsAuthorized, context adapter included\n` +
      `ratio: ${ratio.toFixed(1)}; target ≥ ${RATIO_TARGET}: ${met(ratio >= RATIO_TARGET)}`,
  );
  // Written by hand so that the ratio keeps its one decimal (JSON.stringify drops ".0").
  console.log(
    `{"bench":"decide","identical":${identical},"hogoPerSec":${Math.round(hogoPerSec)},` +
      `"peerPerSec":${Math.round(peerPerSec)},"ratio":${ratio.toFixed(1)}}`,
  );
  return 0;
}

/**
 * Decides `count` requests of the set from index `from` on (cycling), counting the permits so
 * that no work is dead. Each engine has its own loop, so that its call site sees one engine only
 * (a loop shared by both would call through a polymorphic site, which costs the faster engine
 * most).
 */
type ChunkRunner = (requests: readonly RandomRequest[], from: number, count: number) => number;

function hogoRunner(policy: CompiledPolicy): ChunkRunner {
  return (requests, from, count) => {
    let permits = 0;
    for (let c = 0, k = from; c < count; c++) {
      const outcome = decide(policy, requests[k]!);
      if ('decision' in outcome && outcome.decision === 'permit') permits++;
      k = k + 1 === requests.length ? 0 : k + 1;
    }
    return permits;
  };
}

function cedarRunner(peer: CedarPeer): ChunkRunner {
  return (requests, from, count) => {
    let permits = 0;
    for (let c = 0, k = from; c < count; c++) {
      if (peer.decide(requests[k]!) === 'permit') permits++;
      k = k + 1 === requests.length ? 0 : k + 1;
    }
    return permits;
  };
}

/** Decisions per second: of CPU time (the headline) and of wall-clock time. */
interface Rate {
  readonly cpu: number;
  readonly wall: number;
}

/**
 * Decisions per second of each decider, on the same request set, in one process: a warm-up
 * (JIT, caches) of a quarter second each, then ROUNDS rounds in which each decider works for
 * ROUND_SECONDS of CPU in turn; the median round of each. Other processes share this
 * 2-core machine, so the rate is of this process's CPU time (one thread decides; V8's helper
 * threads count against it), which load elsewhere does not inflate as it does wall time, and
 * the rounds are interleaved so that what load still does hits both engines. Each decider
 * cycles through the whole set in chunks rather than whole passes, because a pass of Cedar
 * takes half a minute. The permit count is kept so that no work is dead.
 */
function throughput(
  requests: readonly RandomRequest[],
  ...runners: [ChunkRunner, ChunkRunner]
): [Rate, Rate] {
  const ROUNDS = 5;
  const ROUND_SECONDS = 0.4;
  const CHUNK = 200;
  let sink = 0;
  const next = [0, 0];
  const cpuMicros = () => {
    const { user, system } = process.cpuUsage();
    return user + system;
  };
  const work = (d: 0 | 1, seconds: number): Rate => {
    const runChunk = runners[d];
    let k = next[d]!;
    let decisions = 0;
    const wallStart = process.hrtime.bigint();
    const cpuStart = cpuMicros();
    let cpu = 0;
    while (cpu < seconds * 1e6) {
      sink += runChunk(requests, k, CHUNK);
      k = (k + CHUNK) % requests.length;
      decisions += CHUNK;
      cpu = cpuMicros() - cpuStart;
    }
    const wall = Number(process.hrtime.bigint() - wallStart) / 1e9;
    next[d] = k;
    return { cpu: decisions / (cpu / 1e6), wall: decisions / wall };
  };
  work(0, 0.25);
  work(1, 0.25);
  const rounds: [Rate[], Rate[]] = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    rounds[0].push(work(0, ROUND_SECONDS));
    rounds[1].push(work(1, ROUND_SECONDS));
  }
  if (sink < 0) console.log(sink);
  const median = (rates: Rate[], key: keyof Rate) =>
    rates.map((x) => x[key]).sort((a, b) => a - b)[ROUNDS >> 1]!;
  const summary = (rates: Rate[]): Rate => ({
    cpu: median(rates, 'cpu'),
    wall: median(rates, 'wall'),
  });
  return [summary(rounds[0]), summary(rounds[1])];
}
