// Object files under the stack's data folder: <root>/b-<bucket id, encoded>/<version uuid>, as
// the hosted file backend keeps one file per version. The object's name never becomes part of a
// path, so no name (`../` or otherwise) can reach outside the folder. A file is written under
// <root>/.incoming/ first and moved into place only once it is complete.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class TooLarge extends Error {}

export function createFileStore(root) {
  const incomingDir = path.join(root, '.incoming');
  const bucketDir = (bucketId) => path.join(root, `b-${encodeURIComponent(bucketId).replaceAll('.', '%2E')}`);
  const fileOf = (bucketId, version) => {
    if (!UUID.test(version ?? '')) throw new Error(`not a file version: ${version}`);
    return path.join(bucketDir(bucketId), version);
  };

  /** Streams `source` into a new incoming file (at most `maxBytes`). Resolves { incoming, size, eTag }. */
  async function receive(source, maxBytes) {
    await mkdir(incomingDir, { recursive: true });
    const incoming = path.join(incomingDir, randomUUID());
    const md5 = createHash('md5');
    let size = 0;
    const counter = new Transform({
      transform(chunk, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLarge());
        md5.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await new Promise((resolve, reject) => {
        const out = createWriteStream(incoming, { flags: 'wx' });
        // The source is left open on a refusal (TooLarge), so the caller can still answer it.
        const fail = (error) => {
          source.unpipe(counter);
          counter.destroy();
          out.destroy();
          reject(error);
        };
        counter.on('error', fail);
        out.on('error', fail);
        source.on('error', fail);
        source.on('close', () => source.complete || fail(new Error('the upload was cut off')));
        out.on('finish', resolve);
        source.pipe(counter).pipe(out);
      });
    } catch (error) {
      await rm(incoming, { force: true });
      throw error;
    }
    return { incoming, size, eTag: `"${md5.digest('hex')}"` };
  }

  async function receiveBuffer(buffer) {
    await mkdir(incomingDir, { recursive: true });
    const incoming = path.join(incomingDir, randomUUID());
    await writeFile(incoming, buffer, { flag: 'wx' });
    return { incoming, size: buffer.length, eTag: `"${createHash('md5').update(buffer).digest('hex')}"` };
  }

  /** Moves a complete incoming file into place as `version` of an object in `bucketId`. */
  async function commit(incoming, bucketId, version) {
    const target = fileOf(bucketId, version);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(incoming, target);
  }

  const remove = (bucketId, version) => (UUID.test(version ?? '') ? rm(fileOf(bucketId, version), { force: true }) : Promise.resolve());
  const discard = (incoming) => rm(incoming, { force: true });
  const exists = (bucketId, version) => stat(fileOf(bucketId, version)).then((s) => s.isFile(), () => false);
  const open = (bucketId, version) => createReadStream(fileOf(bucketId, version));

  return { receive, receiveBuffer, commit, remove, discard, exists, open };
}
