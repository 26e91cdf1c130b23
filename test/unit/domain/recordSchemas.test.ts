// The domain schemas describe exactly the domain types (no field missing, none extra) and keep
// card numbers out: a BIN of more than 8 digits or a "last 4" of more than 4 is refused.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { RefundClaim } from '../../../shared/disputes/claims';
import type { Dispute } from '../../../shared/domain/dispute';
import type { Order } from '../../../shared/domain/order';
import type { Payment } from '../../../shared/domain/payment';
import { disputeSchema, orderSchema, paymentSchema, refundClaimSchema } from '../../../shared/domain/recordSchemas';

describe('domain record schemas', () => {
  it('have the fields of the domain types, no more and no fewer', () => {
    expectTypeOf<keyof z.output<typeof orderSchema>>().toEqualTypeOf<keyof Order>();
    expectTypeOf<keyof z.output<typeof paymentSchema>>().toEqualTypeOf<keyof Payment>();
    expectTypeOf<keyof z.output<typeof disputeSchema>>().toEqualTypeOf<keyof Dispute>();
    expectTypeOf<keyof z.output<typeof refundClaimSchema>>().toEqualTypeOf<keyof RefundClaim>();
    expectTypeOf<z.output<typeof orderSchema>>().toExtend<Order>();
    expectTypeOf<z.output<typeof paymentSchema>>().toExtend<Payment>();
    expectTypeOf<z.output<typeof disputeSchema>>().toExtend<Dispute>();
    expectTypeOf<z.output<typeof refundClaimSchema>>().toExtend<RefundClaim>();
  });

  it('refuse a card number where a BIN or the last 4 belong', () => {
    const payment: Payment = {
      id: 'ch_1',
      provider: 'stripe',
      orderRef: '#1001',
      createdAt: 1_764_547_200_000,
      amountMinor: 4200,
      currency: 'EUR',
      status: 'succeeded',
      email: 'a@example.com',
      ip: '192.0.2.1',
      cardBin: '42424242',
      cardLast4: '4242',
      cardExpiry: '04/27',
      cardFingerprint: 'fp',
      cardBrand: 'visa',
      cardCountry: 'DE',
    };
    expect(paymentSchema.safeParse(payment).success).toBe(true);
    const bin = paymentSchema.safeParse({ ...payment, cardBin: '4242424242424242' });
    expect(bin.error?.issues[0]).toMatchObject({ path: ['cardBin'], message: 'a BIN of at most 8 digits' });
    expect(paymentSchema.safeParse({ ...payment, cardLast4: '424242' }).success).toBe(false);
  });
});
