// The import core's public face: what the import worker, the mapping wizard and the CLI use.
// Pure and environment-neutral: runs in a Web Worker and in Node alike.

export { ExportReader, SNIFF_BYTES, type ParsedBatch, type ReaderInfo, type ReaderOptions } from './reader';
export { ImportSession, MemoryKnownRecords, type Bucket, type BucketCounts, type ClassifiedBatch, type ImportCounts, type KnownRecords } from './reconcile';
export { importChunks, summarise, ProblemList, MAX_LISTED_PROBLEMS, type FileSummary, type WritableKnownRecords } from './summary';
export { sniff, type SniffOptions, type SniffResult } from './sniff';
export type { DomainKind, ParsedRecord } from './records';
export { recordLines } from './records';
export type { FileMessage, RowProblem, RowProblemCode } from './problems';

export { BUILT_IN_PRESETS, detectFormat, rankFormats, presetById, type FormatMatch } from './formats/registry';
export { formatPresetSchema, parseFormatPreset, type FormatPreset, type PresetOptions, type Grouping } from './formats/preset';
export { STRIPE_ORDER_REFERENCE } from './formats/stripe';
export { RECORD_KINDS, fieldsOf, type FieldSpec, type RecordKind } from './fields';
export { applyMapping, resolveMapping, type ColumnMapping, type ResolvedMapping } from './mapping';
export { suggestMapping, type MappingSuggestion } from './suggest';
export { readHeader, headerKey, type Header } from './headers';

export { detectEncoding, StreamDecoder, type TextEncodingName, type EncodingGuess } from './decode';
export { detectLayout, DELIMITERS, type Delimiter } from './delimiter';
export { CsvRecordStream, MAX_FIELD_CHARS, MAX_RECORD_CHARS, type CsvSink } from './csvStream';
export { LineEndingNormaliser } from './lineEndings';
export { cardNumberDigits, cardSummaryOf, luhnValid, maskCardNumbers, isSecurityCodeColumn } from './cardData';
export { parseAmount4, toMinorUnits, currencyCode } from './amounts';
export { parseTimestamp, timeZoneNamed, timeZoneProblem, UTC, CENTRAL_EUROPE, type TimeZone } from './dates';
export { countryCode } from './countries';
export { fnv1a64, canonicalText, hashFields } from './contentHash';
