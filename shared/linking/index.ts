// shared/linking: orders -> rings over normalised link keys (union-find), hubs held back,
// overrides applied, metrics and ranked lists. Pure; runs in a Web Worker.

export { UnionFind } from './unionFind';
export {
  buildKeyIndex,
  KeyIndexBuilder,
  type KeyIndex,
  type KeyInfo,
  type IndexableOrder,
  type KeyIndexState,
  type KeyIndexCustomers,
  type KeyIndexText,
  type KeyIndexSharedText,
} from './keyIndex';
export { OrderLabels, type OrderLabelsState } from './orderLabels';
export {
  findRings,
  linkEdges,
  linkingKeys,
  DEFAULT_KEY_TYPES,
  type Burst,
  type Hub,
  type KeyOverride,
  type LinkOptions,
  type RingCore,
  type RingEdge,
  type RingResult,
} from './rings';
export { ringMetrics, riskScore, isFraudReason, disputesByOrder, type RingMetrics, type RingOrder } from './metrics';
export { ringEvidence, type RingLink } from './evidence';
export { riskiest, largest, fastestGrowing, newSince, growthOf, type Growth, type RankedRing } from './lists';
export { buildRings, buildRingsFrom, type Ring, type RingOrderSource, type RingsReport } from './build';
export {
  DEFAULT_HUB_RULES,
  densestBurst,
  describeHubEvidence,
  describeMarkedHub,
  hubEvidenceOf,
  hubRuleProblem,
  hubRulesFor,
  judgeSharedKey,
  type HubEvidence,
  type HubRule,
  type HubRules,
} from './hubs';
