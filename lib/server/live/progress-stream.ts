import "server-only";
import type { ProgressEvent } from "./progress-event.ts";
import { subscribeToProgress } from "./listener.ts";

const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after a drop. */
const RETRY_MS = 2_000;

export type ProgressStreamOptions = {
  /** Whether whatever opened the stream (a session, a display token) still may read it; asked
   *  once per `recheckMs`, never per event. False, or a failure, closes the stream: the client's
   *  reconnect then meets the usual refusal. */
  stillOpen?: () => Promise<boolean>;
  recheckMs?: number;
};

/**
 * A server-sent-events body: `event: progress` for every change of the project (every project
 * when projectId is null), a comment line as heartbeat so proxies keep the connection open, and
 * clean-up when the client goes away or `stillOpen` says the stream's session has ended.
 */
export function progressEventStream(
  projectId: string | null,
  signal: AbortSignal,
  { stillOpen, recheckMs = HEARTBEAT_MS }: ProgressStreamOptions = {},
): ReadableStream<Uint8Array> {
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
      let checking = false;
      const recheck = stillOpen
        ? setInterval(() => {
            if (checking || closed) return;
            checking = true;
            stillOpen()
              .then(
                (open) => (open ? undefined : cleanup()),
                () => cleanup(),
              )
              .finally(() => {
                checking = false;
              });
          }, recheckMs)
        : null;
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        if (recheck) clearInterval(recheck);
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
