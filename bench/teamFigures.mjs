// The team-imports figures (issue 16) for bench/run.mjs: laptop A imports the orders file while
// signed in and pushes it, laptop B (an empty profile) pulls it once; each beside plain imports
// of the same file measured in the same run. The team server runs on its own throwaway cluster.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { startServer } from '../resources/scripts/serve.mjs';

/** Throws, saying what to install, when there is no PostgreSQL for the bench's team server. */
export async function teamPrerequisites() {
  const { findPostgresBin } = await tsImport('../server/postgres/localCluster.ts', import.meta.url);
  findPostgresBin();
}

/**
 * One laptop: a browser on a new profile (an empty IndexedDB) showing the bench page served with
 * the team origin in its CSP, the page's ImportService signed in as `account` (or not: null).
 */
async function onLaptop(h, url, account, fn) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'fw-bench-team-'));
  try {
    return await h.withBrowser(profile, async (page) => {
      await h.openBenchPage(page, url);
      await page.evaluate((a) => window.bench.teamLaptop(a), account);
      const r = await fn(page, () => h.rendererPeakBytes(profile));
      return { ...r, peak: h.rendererPeakBytes(profile) };
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** ImportService.run on the orders file in the page (setInputFiles hands it the file on disk). */
async function importIn(h, page, csv) {
  await h.setBenchFile(page, csv, 'bench-team-file');
  return page.evaluate(() => window.bench.teamImportFile(document.getElementById('bench-team-file').files[0]));
}

const plainImport = (h, url, csv) => onLaptop(h, url, null, async (page) => ({ import: await importIn(h, page, csv) }));

/**
 * h: { benchOut, csv, runs, withBrowser, openBenchPage, setBenchFile, rendererPeakBytes, fig, median, log }. Each run has a fresh
 * team (database, server, accounts) and four fresh profiles, in this order: a plain import (A's
 * baseline), A's import and push, B's first pull and check, a plain import (B's baseline).
 */
export async function teamFigures(h, figures, observations) {
  const { startBenchCluster, LEAD, ANALYST } = await tsImport('./teamServer.ts', import.meta.url);
  const csvBytes = statSync(h.csv).size;
  const cluster = await startBenchCluster();
  const runs = [];
  try {
    for (let run = 0; run < h.runs; run++) {
      const team = await cluster.newTeam();
      const site = await startServer({ port: 0, dir: h.benchOut, teamOrigin: team.origin });
      try {
        const as = (who) => ({ origin: team.origin, name: who.name, password: who.password });
        const plainBefore = await plainImport(h, site.url, h.csv);
        h.log(`team run ${run + 1}/${h.runs}: plain import (no session) ${s(plainBefore.import.ms)} s, ${plainBefore.import.liveOrders} live orders`);

        const a = await onLaptop(h, site.url, as(LEAD), async (page) => {
          const imported = await importIn(h, page, h.csv);
          if (imported.op?.state !== 'waiting')
            throw new Error(`A's import did not become a team operation waiting to be shared: ${JSON.stringify(imported.op)}`);
          const push = await page.evaluate(() => window.bench.teamSync());
          if (push.round.waiting !== 0) throw new Error(`A's push left ${push.round.waiting} imports waiting`);
          return { import: imported, push };
        });
        const held = await team.chunks();
        if (held.chunks !== a.import.op.chunks || held.bytes !== a.push.push.bytes)
          throw new Error(
            `the server holds ${held.chunks} chunks (${held.bytes} bytes); A sent ${a.push.push.chunks} of ${a.import.op.chunks} (${a.push.push.bytes} bytes)`,
          );
        const p = a.push.push;
        h.log(
          `team run ${run + 1}/${h.runs}: A import with capture ${s(a.import.ms)} s (${a.import.op.records} records in ${a.import.op.chunks} chunks, ${mib(a.import.keptBytes)} MiB kept); ` +
            `push ${s(a.push.ms)} s: ${p.chunks} chunks, ${mib(p.bytes)} MiB (${mib(held.rawBytes)} MiB raw NDJSON) in ${s(p.uploadMs)} s of uploads, ${s(p.beforeCompleteMs)} s to completion (lift + live digest), completion ${s(p.completeMs)} s; peak ${mib(a.peak)} MiB`,
        );

        const b = await onLaptop(h, site.url, as(ANALYST), async (page, peak) => {
          const pull = await page.evaluate(() => window.bench.teamSync());
          const peakAfterPull = peak();
          const check = await page.evaluate(() => window.bench.teamCheck());
          return { pull, peakAfterPull, check };
        });
        if (b.pull.liveOrders !== a.push.liveOrders) throw new Error(`B holds ${b.pull.liveOrders} live orders after its first pull, A ${a.push.liveOrders}`);
        if (b.check.check.ordersDiffer !== 0 || b.check.check.missing.length > 0)
          throw new Error(`B's check against A's digest: ${JSON.stringify({ ...b.check.check, differingHere: b.check.check.differingHere.slice(0, 3) })}`);
        if (b.pull.pull.bytes !== held.bytes) throw new Error(`B downloaded ${b.pull.pull.bytes} bytes of chunks, the server holds ${held.bytes}`);
        const q = b.pull.pull;
        h.log(
          `team run ${run + 1}/${h.runs}: B first pull ${s(b.pull.ms)} s: download ${s(q.downloadMs)} s (${q.chunks} chunks, ${mib(q.bytes)} MiB, ${s(q.getCallsMs)} s in the GETs), apply ${s(q.applyMs)} s; ` +
            `${b.pull.liveOrders} live orders as A; check ${s(b.check.ms)} s, ordersDiffer ${b.check.check.ordersDiffer}; peak ${mib(b.peakAfterPull)} MiB after the pull, ${mib(b.peak)} MiB after the check`,
        );

        const plainAfter = await plainImport(h, site.url, h.csv);
        h.log(`team run ${run + 1}/${h.runs}: plain import (no session) ${s(plainAfter.import.ms)} s`);
        runs.push({ plainBefore, a, held, b, plainAfter });
      } finally {
        await site.close();
        await team.close();
      }
    }
  } finally {
    await cluster.stop();
  }

  const m = (f) => h.median(runs.map(f));
  const records = runs[0].a.import.op.records;
  const chunks = runs[0].held.chunks;
  const bytes = m((r) => r.held.bytes);
  const rawBytes = m((r) => r.held.rawBytes);
  const orders = runs[0].b.pull.liveOrders;
  const plainB = m((r) => r.plainAfter.import.ms);
  const plainA = m((r) => r.plainBefore.import.ms);
  const mb = (x) => Math.round((x / 1e6) * 10) / 10;
  const setup =
    `The bench's generated orders file (${h.csvName}, ${orders.toLocaleString('en-US')} orders, ${mb(csvBytes)} MB) through ImportService in the bench page (the page's thread, no worker round trip, no screen), ` +
    'one browser per laptop on a new profile; a team server (server/app.ts, body limit from its environment) on loopback with its own PostgreSQL cluster and a fresh database each run. Medians of runs.';
  figures.team_import_capture_1m_ms = {
    ...h.fig(
      m((r) => r.a.import.ms),
      'ms',
      'plain_import_ms',
      plainA,
    ),
    records,
    chunks,
    note:
      `${setup} Laptop A signed in as a lead: ImportService.run([file]) from the call to its outcome, which includes keeping the parsed records as gzip NDJSON chunks of 5,000 (each record checked against the team's record schema) in IndexedDB. ` +
      'Baseline, same run: the same call on a new profile without a team session (nothing captured), just before.',
  };
  figures.team_push_1m_ms = {
    ...h.fig(
      m((r) => r.a.push.ms),
      'ms',
      'plain_import_ms',
      plainA,
    ),
    records_per_s: Math.round(records / (m((r) => r.a.push.ms) / 1000)),
    upload_ms: Math.round(m((r) => r.a.push.push.uploadMs)),
    put_calls_ms: Math.round(m((r) => r.a.push.push.putCallsMs)),
    lift_and_digest_ms: Math.round(m((r) => r.a.push.push.beforeCompleteMs)),
    complete_ms: Math.round(m((r) => r.a.push.push.completeMs)),
    note:
      `${setup} Laptop A's syncTeamOrders() right after its import: pull (nothing), declare, read each chunk from IndexedDB and PUT it (upload_ms: first PUT sent to last answered; put_calls_ms: time inside the PUTs), ` +
      'lift its own later imports and build the live-orders digest over all its team orders (lift_and_digest_ms), POST complete (complete_ms), drop the sent chunks, and a second pass finding nothing. Baseline: the plain import of the same file in the same run (what sharing adds to what importing took).',
  };
  figures.team_push_1m_bytes = {
    ...h.fig(bytes, 'bytes', 'csv_file_bytes', csvBytes),
    value_mb: mb(bytes),
    raw_ndjson_mb: mb(rawBytes),
    chunks,
    note: "Chunk bytes A sent (gzip, the sum of the PUT bodies, equal to the server's import_op_chunks bytes; HTTP headers and the declaration and completion bodies not counted), against the CSV file's size. raw_ndjson_mb: the same chunks decompressed.",
  };
  figures.team_first_pull_1m_ms = {
    ...h.fig(
      m((r) => r.b.pull.ms),
      'ms',
      'own_import_of_the_file_ms',
      plainB,
    ),
    records_per_s: Math.round(records / (m((r) => r.b.pull.ms) / 1000)),
    download_ms: Math.round(m((r) => r.b.pull.pull.downloadMs)),
    get_calls_ms: Math.round(m((r) => r.b.pull.pull.getCallsMs)),
    apply_ms: Math.round(m((r) => r.b.pull.pull.applyMs)),
    transferred_mb: mb(m((r) => r.b.pull.pull.bytes)),
    check_ms: Math.round(m((r) => r.b.check.ms)),
    note:
      `${setup} Laptop B, a new profile signed in as an analyst: its first syncTeamOrders(), from the call to its answer. download_ms: from the call until the last chunk's GET answered (the operations page, each chunk fetched and stored in IndexedDB); get_calls_ms: time inside the GETs; ` +
      'apply_ms: from then to the end (each chunk read back, inflated, hash-checked, parsed and schema-checked, then imported through importRecords). transferred_mb: chunk bytes received (gzip, equal to what the server holds). ' +
      'The bench throws unless B then holds as many live orders as A and checkTeamOrders() says ordersDiffer 0 with nothing missing (check_ms: that check, timed apart, not in the figure). Baseline, same run: a new profile without a session importing the CSV file itself with ImportService.run, just after.',
  };
  figures.team_first_pull_1m_bytes = {
    ...h.fig(
      m((r) => r.b.pull.pull.bytes),
      'bytes',
      'csv_file_bytes',
      csvBytes,
    ),
    value_mb: mb(m((r) => r.b.pull.pull.bytes)),
    note: "Chunk bytes B downloaded on its first pull (gzip answers' bodies), against the CSV file it would otherwise need.",
  };
  observations.team_peak_memory_bytes = {
    a_import_and_push_mib: Math.round(m((r) => r.a.peak) / 2 ** 20),
    b_first_pull_mib: Math.round(m((r) => r.b.peakAfterPull) / 2 ** 20),
    b_first_pull_and_check_mib: Math.round(m((r) => r.b.peak) / 2 ** 20),
    plain_import_mib: Math.round(m((r) => r.plainBefore.peak) / 2 ** 20),
    unit: 'MiB',
    note: "peak resident memory (VmHWM) of each laptop's page process (the import runs on the page's thread here); B's read right after its first pull, and again after the check",
  };
  observations.team_plain_import_ms = {
    before_a: runs.map((r) => Math.round(r.plainBefore.import.ms)),
    after_b: runs.map((r) => Math.round(r.plainAfter.import.ms)),
    unit: 'ms',
    note: 'every run of the two baselines (a new profile without a session importing the file), to show how much the machine drifted within a run',
  };
}

const s = (ms) => (ms / 1000).toFixed(1);
const mib = (b) => (b / 2 ** 20).toFixed(1);
