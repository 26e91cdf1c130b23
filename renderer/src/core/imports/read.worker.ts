// The read worker: reads one file into records for the import worker that started it (readAhead.ts).
import { serveFirstRequest } from '../workers/runAhead';
import { serveRead } from './readAhead';

serveFirstRequest(serveRead);
