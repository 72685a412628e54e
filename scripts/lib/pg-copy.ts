// COPY … TO STDOUT and COPY … FROM STDIN over a node-postgres client, without pg-copy-streams:
// node-postgres hands the COPY protocol messages to the active query's handleCopyData and
// handleCopyInResponse, which these two functions fill in. Both respect back-pressure.
import { once } from "node:events";
import type { Socket } from "node:net";
import type { Writable } from "node:stream";
import pg from "pg";

type TConnection = {
  stream: Socket;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

type TCopyQuery = pg.Query & {
  handleCopyData?: (message: { chunk: Buffer }, connection: TConnection) => void;
  handleCopyInResponse?: (connection: TConnection) => void;
};

function runCopy(client: pg.Client, sql: string, prepare: (query: TCopyQuery) => void): Promise<number> {
  return new Promise<number>((resolveCopy, rejectCopy) => {
    const query: TCopyQuery = new pg.Query(sql, (error, result) => {
      if (error) rejectCopy(error);
      else resolveCopy((result as unknown as { rowCount: number | null }).rowCount ?? 0);
    });
    prepare(query);
    void client.query(query);
  });
}

/// Runs `COPY … TO STDOUT` and writes its data to `target` (left open). Resolves with the
/// number of rows copied. While `target` is full, the socket is paused.
export function copyOut(client: pg.Client, sql: string, target: Writable): Promise<number> {
  let paused = false;
  return runCopy(client, sql, (query) => {
    query.handleCopyData = (message, connection) => {
      // A copy: the chunk is a view of the parser's buffer, which it reuses for later messages
      // while the target may still hold this one.
      if (!target.write(Buffer.from(message.chunk)) && !paused) {
        // Data already read from the socket still arrives while it is paused: one wait is enough.
        paused = true;
        connection.stream.pause();
        target.once("drain", () => {
          paused = false;
          connection.stream.resume();
        });
      }
    };
  });
}

/// Runs `COPY … FROM STDIN` with the chunks of `source`. Resolves with the number of rows
/// copied; if `source` throws, the COPY is failed (the server rolls the statement back) and
/// the promise rejects with the server's error, which quotes the reason.
export function copyIn(client: pg.Client, sql: string, source: AsyncIterable<Buffer>): Promise<number> {
  return runCopy(client, sql, (query) => {
    query.handleCopyInResponse = (connection) => {
      void (async () => {
        try {
          for await (const chunk of source) {
            connection.sendCopyFromChunk(chunk);
            if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
          }
          connection.endCopyFrom();
        } catch (error) {
          connection.sendCopyFail(error instanceof Error ? error.message : String(error));
        }
      })();
    };
  });
}
