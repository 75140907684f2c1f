/**
 * An output stream whose reader may go away (`hubdesk … | head -1`). A write to a closed pipe fails
 * with EPIPE, which Node reports as an unhandled 'error' event: a stack trace. Here the first
 * EPIPE marks the stream closed, later writes are dropped, and the command finishes its work (a
 * change already under way still commits or rolls back as one transaction) and exits as it would have.
 */
export function quietOnBrokenPipe(stream: NodeJS.WritableStream): { write(text: string): void; readonly closed: boolean } {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write(text: string) {
      if (!closed) stream.write(text);
    },
    get closed() {
      return closed;
    },
  };
}
