import { generateDemoAll } from '../../../shared/demo';
import { orderKey } from '../../../shared/domain/order';
import { buildKeyIndex } from '../../../shared/linking/keyIndex';
import { findRings } from '../../../shared/linking/rings';
import { buildRings } from '../../../shared/linking/build';
const N = Number(process.argv[2] ?? 1000000);
let t = performance.now();
const d = generateDemoAll({ orders: N, seed: 11, now: Date.UTC(2026, 10, 1) });
console.log('gen', Math.round(performance.now() - t));
const keys = d.orders.map(orderKey);
t = performance.now();
const idx = buildKeyIndex(d.orders);
console.log('index (normalise+intern)', Math.round(performance.now() - t), 'keys', idx.keys.length, 'occ', idx.orderKeys.length);
for (let r = 0; r < 2; r++) {
  t = performance.now();
  const res = findRings(idx, keys, { keyTypes: ['card','device','email','phone','address','ip','account','name'], minStrength: 'weak' });
  console.log('link all types weak', Math.round(performance.now() - t), res.rings.length, res.hubs.length);
  t = performance.now();
  const res2 = findRings(idx, keys);
  console.log('link default', Math.round(performance.now() - t), res2.rings.length);
}
t = performance.now();
const rep = buildRings(d.orders, d.disputes, {}, idx);
console.log('buildRings with metrics (prebuilt index)', Math.round(performance.now() - t), rep.rings.length);
console.log(process.memoryUsage().heapUsed / 1e6);
