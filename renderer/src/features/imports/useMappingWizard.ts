// The mapping wizard's data: the file's detected layout (read again when the analyst corrects it),
// the record kind and column mapping (suggested by name), the preset they make, and its check.
import { cleanShopName } from '../../../../shared/ingest/shops';
import { useEffect, useMemo, useState } from 'react';
import type { ClaimKind } from '../../../../shared/disputes/claims';
import type { Marketplace } from '../../../../shared/domain/order';
import { fieldsOf, RECORD_KINDS, type RecordKind } from '../../../../shared/ingest/fields';
import type { DateOrder } from '../../../../shared/ingest/dates';
import type { FormatPreset } from '../../../../shared/ingest/formats/preset';
import { importer } from '../../core/client';
import type { LayoutOverrides, MappingCheck } from '../../core/contract';
import { useAsync } from '../../ui/useAsync';

/** A preset's id from its name. */
export function slug(name: string): string {
  return (
    'custom-' +
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
  );
}

export interface PresetDetails {
  name: string;
  source: string;
  marketplace: Marketplace;
  currency: string;
  /** Order of short dates that no value of their column settles (a value such as 4/18 always does, and wins). */
  dateOrder: DateOrder | 'unsaid';
  /** Zone of times written without an offset; empty is UTC. */
  timeZone: string;
  /** The channel's name when the file names none (`eBay.de`, `Otto`); empty: the marketplace's. */
  channel: string;
  /** Own-shop orders: the named shop this format's files are from (shared/ingest/shops.ts); empty: the own shop, or asked. */
  shop: string;
  /** Amounts written in minor units without a decimal mark (5000 is 50.00), as Klarna's and PayPal's SFTP files do. */
  minorUnits: boolean;
  /** Refund claims: the kind of every row when the file has no kind column (an A-to-z claims sheet); empty: from the column. */
  claimKind: ClaimKind | '';
}

export function useMappingWizard(file: File, onImport: (presetId: string, overrides: LayoutOverrides) => void) {
  const [overrides, setOverrides] = useState<LayoutOverrides>({});
  const [kind, setKind] = useState<RecordKind>('orders');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [details, setDetails] = useState<PresetDetails>({
    name: file.name.replace(/\.[^.]+$/, ''),
    source: '',
    marketplace: 'shop',
    currency: 'EUR',
    dateOrder: 'unsaid',
    timeZone: '',
    channel: '',
    shop: '',
    minorUnits: false,
    claimKind: '',
  });
  const [check, setCheck] = useState<MappingCheck | null>(null);
  const sniff = useAsync(
    async () => {
      const r = await importer.inspect(file, overrides);
      // The kind with the most columns recognised, until the analyst corrects the layout.
      const best = [...RECORD_KINDS].sort((a, b) => r.suggestions[b].length - r.suggestions[a].length)[0]!;
      setKind((k) => (Object.keys(overrides).length ? k : best));
      return r;
    },
    [file, overrides],
    { keepStale: true },
  );
  const sniffed = sniff.value;

  // Each time the kind or the columns change, start from the suggestions.
  useEffect(() => {
    if (!sniffed) return;
    setMapping(Object.fromEntries(sniffed.suggestions[kind].map((s) => [s.field, s.column])));
    setCheck(null);
  }, [sniffed, kind]);

  const fields = useMemo(() => fieldsOf(kind), [kind]);
  const missing = fields.filter(
    (f) =>
      (f.required && !mapping[f.field] && !(f.requiredUnless && mapping[f.requiredUnless])) ||
      // A claim needs its kind: from a column, or one kind for the whole file.
      (kind === 'claims' && f.field === 'claimKind' && !mapping.claimKind && !details.claimKind),
  );

  function preset(): FormatPreset {
    const { name, source, marketplace, currency, dateOrder, timeZone, channel, shop, minorUnits } = details;
    const ownShop = kind === 'orders' && marketplace === 'shop';
    const used = Object.entries(mapping).filter(([, c]) => c);
    const markers = fields.filter((f) => f.required && mapping[f.field]).map((f) => mapping[f.field]!);
    return {
      id: slug(name),
      label: name.trim(),
      kind,
      markerColumns: markers.length ? markers : used.slice(0, 3).map(([, c]) => c),
      ...(overrides.delimiter ? { delimiter: overrides.delimiter } : {}),
      mapping: Object.fromEntries(used),
      options: {
        source: source.trim() || slug(name).slice(7),
        ...(kind === 'orders' ? { marketplace, ...(!ownShop && channel.trim() ? { channel: channel.trim() } : {}) } : {}),
        ...(ownShop && shop.trim() ? { shop: cleanShopName(shop) } : {}),
        defaultCurrency: currency,
        ...(minorUnits ? { amountsInMinorUnits: true } : {}),
        ...(dateOrder !== 'unsaid' ? { dateOrder } : {}),
        ...(timeZone.trim() ? { timeZone: timeZone.trim() } : {}),
        ...(kind === 'claims' && details.claimKind ? { claimKind: details.claimKind } : {}),
      },
    };
  }

  /** Checks the mapping on the first rows; with `save`, a clean check saves the preset and imports. */
  const run = (save: boolean) =>
    sniff.run(async () => {
      const p = preset();
      const result = await importer.check(file, p, overrides);
      setCheck(result);
      if (save && result.errors.length === 0) {
        await importer.savePreset(p);
        onImport(p.id, overrides);
      }
    });

  return { sniffed, overrides, setOverrides, kind, setKind, fields, mapping, setMapping, missing, details, setDetails, check, error: sniff.error, run };
}
