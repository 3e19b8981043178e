// Worker-thread host of validatedBatches (import-reader.ts): text chunks in, batches out.
import type { KeyObject } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { blindIndexWith } from '../../platform/crypto/blind-index.ts';
import type { ImportFormat, ImportKind } from './imports.tables.ts';
import { FileFault } from './import-sources.ts';
import { type FromWorker, type ReadLimits, type ToWorker, validatedBatches } from './import-reader.ts';

const port = parentPort!;
const { format, kind, limits, indexKey } = workerData as {
  format: ImportFormat;
  kind: ImportKind;
  limits: ReadLimits;
  indexKey: KeyObject;
};
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
    format,
    kind,
    (e) => blindIndexWith(indexKey, e),
    limits,
  ))
    post({ type: 'batch', batch });
  post({ type: 'done' });
} catch (err) {
  if (err instanceof FileFault)
    post({ type: 'done', fault: { message: err.message, rowNumber: err.rowNumber, field: err.field } });
  else post({ type: 'crash', message: (err as Error).message });
}
