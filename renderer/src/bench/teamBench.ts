// Team imports in the bench page (issue 16): this page is one laptop, its cache the profile's
// IndexedDB, driving the app's ImportService against a real team server with timed transport calls.
import { ImportService } from '../core/imports/importService';
import { createDb, type WorkbenchDb } from '../core/storage/schema';
import { TeamStore } from '../core/storage/teamStore';
import { httpTransport, type TeamTransport } from '../core/team/teamTransport';

/** One transport call: which, when it started and ended (page ms), and the chunk bytes it carried. */
interface Call {
  name: 'declareImport' | 'uploadChunk' | 'completeImport' | 'teamOps' | 'opChunk';
  start: number;
  end: number;
  bytes: number;
}

let laptop: { db: WorkbenchDb; imports: ImportService; calls: Call[] } | null = null;

/** The app's transport to `origin`, with the calls a team import makes timed and the chunk bytes counted. */
function timedTransport(origin: string, calls: Call[]): TeamTransport {
  const t = httpTransport(origin);
  const timed =
    <A extends unknown[], R>(name: Call['name'], f: (...a: A) => Promise<R>, bytesOf: (args: A, r: R) => number) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      const r = await f(...args);
      calls.push({ name, start, end: performance.now(), bytes: bytesOf(args, r) });
      return r;
    };
  return {
    ...t,
    declareImport: timed('declareImport', t.declareImport, () => 0),
    uploadChunk: timed('uploadChunk', t.uploadChunk, (a) => a[3].length),
    completeImport: timed('completeImport', t.completeImport, () => 0),
    teamOps: timed('teamOps', t.teamOps, () => 0),
    opChunk: timed('opChunk', t.opChunk, (_a, r) => r.length),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function current() {
  if (!laptop) throw new Error('call teamLaptop first');
  return laptop;
}

/** Live order rows in the whole cache (every block's live flags). */
async function liveOrders(db: WorkbenchDb): Promise<number> {
  let n = 0;
  await db.orderBlocks.each((b) => {
    for (let r = 0; r < b.live.length; r++) n += b.live[r] === 1 ? 1 : 0;
  });
  return n;
}

export const teamBench = {
  /** Opens this profile's cache as a laptop, signed in to the team at `origin` as `name`, or not signed in (null). */
  async teamLaptop(team: { origin: string; name: string; password: string } | null) {
    const db = createDb();
    const calls: Call[] = [];
    if (team) {
      const answer = await httpTransport(team.origin).signIn(team.name, team.password);
      await new TeamStore(db).set('session', { origin: team.origin, token: answer.token, expiresAt: answer.expiresAt, account: answer.account });
    }
    laptop = { db, imports: new ImportService(db, undefined, undefined, (o) => timedTransport(o, calls)), calls };
  },

  /** ImportService.run on the file (captured as a team operation when signed in): ms, the outcome, what the capture kept. */
  async teamImportFile(file: File) {
    const { db, imports } = current();
    const t0 = performance.now();
    const [outcome] = await imports.run([file], null);
    const ms = performance.now() - t0;
    if (!outcome || outcome.status !== 'completed') throw new Error(`the import of ${file.name} did not complete: ${JSON.stringify(outcome)}`);
    const ops = await db.teamOps.toArray();
    let keptBytes = 0;
    await db.teamOpChunks.each((c) => (keptBytes += c.gzip.length));
    return {
      ms,
      rows: outcome.summary.rows,
      created: outcome.summary.created,
      op: ops[0] ? { state: ops[0].state, records: ops[0].records, chunks: ops[0].chunkHashes.length, problem: ops[0].problem } : null,
      keptBytes,
      liveOrders: await liveOrders(db),
    };
  },

  /**
   * One syncTeamOrders(), timed, with its transport calls: the push's declare, chunk uploads and
   * completion (the time before it is lifting this laptop's own and building the live digest), or
   * the pull's chunk downloads (what comes after the last one is applying the records).
   */
  async teamSync() {
    const { db, imports, calls } = current();
    calls.length = 0;
    const t0 = performance.now();
    const round = await imports.syncTeamOrders();
    const t1 = performance.now();
    if (round.problem) throw new Error(`the sync stopped: ${round.problem}`);
    const of = (name: Call['name']) => calls.filter((c) => c.name === name);
    const puts = of('uploadChunk');
    const gets = of('opChunk');
    const complete = of('completeImport')[0];
    const lastPut = puts.at(-1)?.end ?? t0;
    const lastGet = gets.at(-1)?.end ?? t0;
    return {
      ms: t1 - t0,
      round,
      liveOrders: await liveOrders(db),
      push: {
        chunks: puts.length,
        bytes: sum(puts.map((c) => c.bytes)),
        declareMs: sum(of('declareImport').map((c) => c.end - c.start)),
        uploadMs: puts.length ? lastPut - puts[0]!.start : 0,
        putCallsMs: sum(puts.map((c) => c.end - c.start)),
        beforeCompleteMs: complete ? complete.start - lastPut : 0,
        completeMs: complete ? complete.end - complete.start : 0,
        afterCompleteMs: complete ? t1 - complete.end : 0,
      },
      pull: {
        chunks: gets.length,
        bytes: sum(gets.map((c) => c.bytes)),
        downloadMs: lastGet - t0,
        getCallsMs: sum(gets.map((c) => c.end - c.start)),
        applyMs: gets.length ? t1 - lastGet : 0,
      },
    };
  },

  /** ImportService.checkTeamOrders(), timed. */
  async teamCheck() {
    const { imports } = current();
    const t0 = performance.now();
    const check = await imports.checkTeamOrders();
    return { ms: performance.now() - t0, check };
  },
};
