// The read worker: reads one file into records for the import worker that started it (readAhead.ts).
import { serveRead, type ReadMessage, type ReadRequest, type TakenMessage, type Endpoint } from './readAhead';

const scope = self as unknown as Endpoint<ReadRequest | TakenMessage, ReadMessage>;
scope.onmessage = (event) => {
  void serveRead(event.data as ReadRequest, scope as Endpoint<TakenMessage, ReadMessage>);
};
