// A customer's account ids in each channel (Shopify customer id, Zalando customer number,
// Amazon buyer id and relay e-mail), unique per identity.

import { luhnValid } from './pan-guard';
import { LOWER_ALNUM, Permutation, UPPER_ALNUM, hash3, hashChars } from './prng';
import { STREAM } from './streams';

const SHOPIFY_SPACE = 1e12;
const ZALANDO_SPACE = 9e8;

export class AccountIds {
  private readonly shopify: Permutation;
  private readonly zalando: Permutation;

  constructor(private readonly seed: number) {
    this.shopify = new Permutation(SHOPIFY_SPACE, hash3(seed, STREAM.shopId, 0));
    this.zalando = new Permutation(ZALANDO_SPACE, hash3(seed, STREAM.zalandoCustomer, 0));
  }

  /** Shopify customer ids are 13 digits; a Luhn-valid one moves to the 7-prefix twin. */
  shopCustomerId(key: number): string {
    const tail = String(this.shopify.apply(key % SHOPIFY_SPACE)).padStart(12, '0');
    const id = '6' + tail;
    return luhnValid(id) ? '7' + tail : id;
  }

  zalandoCustomerNumber(key: number): string {
    return String(1e8 + this.zalando.apply(key % ZALANDO_SPACE));
  }

  /** Amazon customer ids look like "A2K9QZ7XW3LM8R". */
  amazonBuyerId(key: number): string {
    return 'A' + String(1 + (hash3(key, STREAM.token, this.seed) % 3)) + hashChars(this.seed, key, 0xa11, UPPER_ALNUM, 12);
  }

  /** Amazon's per-buyer relay address: stable for the buyer, useless for cross-channel linking. */
  amazonRelayEmail(key: number): string {
    return hashChars(this.seed, key, 0x4e1a7, LOWER_ALNUM, 15) + '@marketplace.amazon.de';
  }
}
