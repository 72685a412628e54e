import "server-only";
import type { ProgressEvent } from "./progress-event.ts";
import { subscribeToProgress } from "./listener.ts";

const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after a drop. */
const RETRY_MS = 2_000;

/**
 * A server-sent-events body: `event: progress` for every change of the project (every project
 * when projectId is null), a comment line as heartbeat so proxies keep the connection open, and
 * clean-up when the client goes away.
 */
export function progressEventStream(projectId: string | null, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = subscribeToProgress((event: ProgressEvent) => {
        if (projectId !== null && event.projectId !== null && event.projectId !== projectId) return;
        send(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
      });
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", cleanup);
      if (signal.aborted) return cleanup();
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
}
