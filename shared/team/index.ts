// The team protocol: events and their chain, the requests and answers, and who may do what.
export * from './canonicalJson';
export * from './events';
export * from './messages';
export * from './protocol';
export * from './rights';
export * from './origin';
export * from './records';
export * from './accountMessages';
export * from './caseKeys';
export * from './personalText';
export * from './casePayloads';
export * from './caseRecordInputs';
export * from './teammatesRecords';
export * from './standing';
export * from './importOps';
export * from './importRecordSchema';
export * from './importChunks';
