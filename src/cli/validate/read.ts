// Reads a candidate file only as far as needed: the first DETECTION_HEAD_BYTES decide whether it
// may be a flow definition, so a large JSON file that is not one is never read whole.
import { promises as fs } from 'node:fs';
import { DETECTION_HEAD_BYTES, mayBeFlowDefinition } from '../../core/flow/detect';
import { decodeFileText as decode } from '../decodeText';

export interface OpenFile {
  size: number;
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; returns the count read. */
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export type OpenFileFn = (file: string) => Promise<OpenFile>;

export const openFromDisk: OpenFileFn = async (file) => {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      read: async (buffer, offset, length, position) => (await handle.read(buffer, offset, length, position)).bytesRead,
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
};

/** The file's text when its beginning looks like a flow definition, otherwise undefined. */
export async function readIfMaybeFlow(file: string, open: OpenFileFn = openFromDisk): Promise<string | undefined> {
  const handle = await open(file);
  try {
    const head = await readFully(handle, 0, Math.min(handle.size, DETECTION_HEAD_BYTES));
    if (!mayBeFlowDefinition(decode(head))) return undefined;
    if (head.length < DETECTION_HEAD_BYTES) return decode(head);
    const whole = Buffer.allocUnsafe(handle.size);
    head.copy(whole);
    const rest = await readFully(handle, head.length, handle.size - head.length, whole, head.length);
    return decode(whole.subarray(0, head.length + rest.length));
  } finally {
    await handle.close();
  }
}

async function readFully(handle: OpenFile, position: number, length: number, into?: Buffer, offset = 0): Promise<Buffer> {
  const buffer = into ?? Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const count = await handle.read(buffer, offset + done, length - done, position + done);
    if (count === 0) break;
    done += count;
  }
  return buffer.subarray(offset, offset + done);
}
