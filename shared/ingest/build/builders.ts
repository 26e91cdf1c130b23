// The builder that turns a preset's kind of rows into records.
import type { RecordKind } from '../fields';
import { ClaimBuilder } from './claims';
import type { BuildContext } from './context';
import { DisputeBuilder } from './disputes';
import type { RecordBuilder } from './grouping';
import { OrderBuilder } from './orders';
import { PaymentBuilder } from './payments';

export function builderFor(kind: RecordKind, ctx: BuildContext): RecordBuilder {
  switch (kind) {
    case 'orders':
      return new OrderBuilder(ctx);
    case 'payments':
      return new PaymentBuilder(ctx);
    case 'disputes':
      return new DisputeBuilder(ctx);
    case 'claims':
      return new ClaimBuilder(ctx);
    default: {
      const never: never = kind;
      throw new Error(`unknown record kind ${String(never)}`);
    }
  }
}
