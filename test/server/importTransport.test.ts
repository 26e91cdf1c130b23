// The laptop's HTTP transport against the real team server (requests handed to the server in
// process): both ends agree on paths, headers, binary bodies and answers for a team import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, TeamRefusal, type TeamTransport } from '../../renderer/src/core/team/teamTransport';
import { liveDigest, sampleImport } from './teamImports';
import { type Harness, injectFetch, startHarness } from './teamServerHarness';

describe('the laptop transport on team imports', () => {
  let h: Harness;
  let transport: TeamTransport;
  let lea: string, carla: string;
  beforeAll(async () => {
    h = await startHarness();
    await h.addUser('Lea', 'lead');
    await h.addUser('Carla', 'compliance');
    [lea, carla] = [await h.signIn('Lea'), await h.signIn('Carla')];
    transport = httpTransport('http://team.test', injectFetch(h, 'http://team.test'));
  });
  afterAll(() => h.close());

  it('declare, send chunks, complete behind then caught up, and read it back byte for byte', async () => {
    const first = sampleImport({ chunks: 2 });
    const second = sampleImport({ chunks: 3 });
    expect(await transport.declareImport(lea, first.declaration)).toEqual({ opId: first.declaration.opId, received: [] });
    for (const [n, bytes] of first.chunks.entries()) await transport.uploadChunk(lea, first.declaration.opId, n, bytes);
    const ordered = await transport.completeImport(lea, first.declaration.opId, { basedOn: 0, liveDigest: liveDigest(6) });
    expect(ordered).toMatchObject({ op: { seq: 1, by: 'Lea' } });

    await transport.declareImport(lea, second.declaration);
    await transport.uploadChunk(lea, second.declaration.opId, 0, second.chunks[0]!);
    expect(await transport.declareImport(lea, second.declaration)).toEqual({ opId: second.declaration.opId, received: [0] });
    for (const n of [1, 2]) await transport.uploadChunk(lea, second.declaration.opId, n, new Uint8Array(second.chunks[n]!));
    expect(await transport.uploadState(lea, second.declaration.opId)).toEqual({ opId: second.declaration.opId, received: [0, 1, 2], seq: null });
    const behind = (await transport.completeImport(lea, second.declaration.opId, { basedOn: 0, liveDigest: liveDigest(15) }).catch((e) => e)) as TeamRefusal;
    expect(behind).toBeInstanceOf(TeamRefusal);
    expect([behind.status, behind.answer.code, behind.answer.latest]).toEqual([409, 'behind', 1]);
    await transport.completeImport(lea, second.declaration.opId, { basedOn: behind.answer.latest!, liveDigest: liveDigest(15) });

    const ops = await transport.teamOps(carla, 0, 10);
    expect(ops.ops.map((op) => op.opId)).toEqual([first.declaration.opId, second.declaration.opId]);
    for (const [n, bytes] of second.chunks.entries()) expect(Buffer.from(await transport.opChunk(carla, second.declaration.opId, n)).equals(bytes)).toBe(true);
    const undone = await transport.undoImport(lea, second.declaration.opId, {
      basedOn: 2,
      liveDigest: liveDigest(6),
      undoOpId: crypto.randomUUID(),
      deviceId: second.declaration.deviceId,
    });
    expect(undone.op).toMatchObject({ seq: 3, kind: 'undo', undoes: second.declaration.opId });
  });
});
