// Seeded demo data for the workbench: a realistic year of Amazon.de, Zalando and own-shop orders
// with Stripe payments and disputes, planted fraud rings, benign hubs and a Visa CE 3.0 case,
// streamed in chronological chunks. Same options, same data; pure TS for workers and Node.

export { generateDemo, generateDemoAll, generateDemoPart, type DemoPart } from './generate';
export type { Ce3EligibleCase, DemoChunk, DemoOptions, DemoSize, DemoTruth, HubKeyType, PlantedHub, PlantedRing, RingKind } from './types';
