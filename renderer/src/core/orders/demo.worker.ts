// The demo worker: makes the demo year's chunks for the worker that loads them (demoAhead.ts).
import { serveFirstRequest } from '../workers/runAhead';
import { serveDemo } from './demoAhead';

serveFirstRequest(serveDemo);
