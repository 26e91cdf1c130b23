// The demo worker: makes the demo year's chunks for the worker that loads them (demoAhead.ts).
import { serveDemo, type DemoMessage, type DemoRequest } from './demoAhead';
import type { Endpoint, TakenMessage } from '../workers/runAhead';

const scope = self as unknown as Endpoint<DemoRequest | TakenMessage, DemoMessage>;
scope.onmessage = (event) => {
  void serveDemo(event.data as DemoRequest, scope as Endpoint<TakenMessage, DemoMessage>);
};
