// One colour per sales channel, wherever a chart splits by channel (the Reports charts by
// marketplace, a ring's timeline): the same channel reads the same on every screen.
import { MARKETPLACE_LABEL, type Marketplace } from '../../../shared/domain/order';

/** A new channel does not compile until it has a colour. */
export const CHANNEL_COLOUR: Record<Marketplace, string> = { amazon: '#f59e0b', zalando: '#ea580c', shop: '#2f6fde', other: '#7c3aed' };

const BY_LABEL = new Map(Object.entries(MARKETPLACE_LABEL).map(([m, label]) => [label, CHANNEL_COLOUR[m as Marketplace]]));

/** The colour of a channel named as the reports name it (MARKETPLACE_LABEL), or undefined. */
export function channelColourOf(label: string): string | undefined {
  return BY_LABEL.get(label);
}
