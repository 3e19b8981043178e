// Worker-thread host of validatedBatches (import-reader.ts): text chunks in, batches out.
import { parentPort, workerData } from 'node:worker_threads';
import { FileFault } from './import-sources.ts';
import {
  type FromWorker,
  type ToWorker,
  type WorkerOptions,
  hashFn,
  personRefFn,
  validatedBatches,
} from './import-reader.ts';

const port = parentPort!;
const options = workerData as WorkerOptions;
const post = (m: FromWorker) => port.postMessage(m);

/** The text as this thread receives it; an abort from the reading side surfaces as its FileFault. */
async function* incoming(): AsyncGenerator<string> {
  const queue: ToWorker[] = [];
  let wake: (() => void) | undefined;
  port.on('message', (m: ToWorker) => {
    queue.push(m);
    const w = wake;
    wake = undefined;
    w?.();
  });
  for (;;) {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    const m = queue.shift()!;
    if (m.type === 'end') return;
    if (m.type === 'abort') throw new FileFault(m.message, m.rowNumber, m.field);
    yield m.text;
    post({ type: 'credit' });
  }
}

try {
  for await (const batch of validatedBatches(
    incoming(),
    options.format,
    options.kind,
    personRefFn(options),
    options.limits,
    hashFn(options),
  ))
    post({ type: 'batch', batch });
  post({ type: 'done' });
} catch (err) {
  if (err instanceof FileFault)
    post({ type: 'done', fault: { message: err.message, rowNumber: err.rowNumber, field: err.field } });
  else post({ type: 'crash', message: (err as Error).message });
}
