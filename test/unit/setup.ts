// Every unit test: a reader that reads a column it did not ask the record splitter for fails
// instead of reading an empty value (csvStream.ts, unreadColumns).
import { unreadColumns } from '../../shared/ingest/csvStream';

unreadColumns.guard = true;
