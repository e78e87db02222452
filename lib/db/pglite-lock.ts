/**
 * One process at a time may open an embedded database folder: PGlite has no
 * multi-process coordination and two writers would corrupt it.
 *
 * On Linux the lock is an abstract-namespace Unix socket named after the folder: the
 * kernel lets exactly one process bind it and releases it when that process exits,
 * however it exits, so there is no stale lock to clean up. Elsewhere a lock file
 * created with O_EXCL holds the owner's pid, and is taken over only when that pid is
 * gone. Either way the holder's pid and command line are written beside the folder so
 * that the second process can name it.
 */
import fs from "node:fs";
import net from "node:net";
import crypto from "node:crypto";
import path from "node:path";

export interface LockOwner {
  pid: number;
  command: string;
  since: string;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      owner
        ? `The embedded database at ${dir} is in use by process ${owner.pid} (${owner.command}), open since ${owner.since}. ` +
            "Stop that process first, or set DATABASE_URL to use a PostgreSQL server."
        : `The embedded database at ${dir} is in use by another process. ` +
            "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
    );
    this.name = "DatabaseLockedError";
  }
}

export interface DirectoryLock {
  release(): void;
}

const ownerFile = (dir: string) => `${dir}.owner.json`;

/** The command line, with paths inside the project shortened so that it reads like what was typed. */
function describeCommand(): string {
  const cwd = process.cwd() + path.sep;
  const words = process.argv.slice(1).map((arg) => {
    const inProject = arg.startsWith(cwd) ? arg.slice(cwd.length) : arg;
    return inProject.replace(/^node_modules\/(\.bin\/)?/, "");
  });
  return words.join(" ").slice(0, 200) || "node";
}

function currentOwner(): LockOwner {
  return { pid: process.pid, command: describeCommand(), since: new Date().toISOString() };
}

function readOwner(dir: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(ownerFile(dir), "utf8")) as LockOwner;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function socketName(dir: string): string {
  const hash = crypto.createHash("sha256").update(fs.realpathSync(dir)).digest("hex").slice(0, 32);
  return `\0harambee-pglite-${hash}`;
}

async function lockWithAbstractSocket(dir: string): Promise<DirectoryLock> {
  const server = net.createServer((socket) => socket.end());
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE" ? new DatabaseLockedError(dir, readOwner(dir)) : error);
    });
    server.listen(socketName(dir), () => resolve());
  });
  server.unref();
  fs.writeFileSync(ownerFile(dir), JSON.stringify(currentOwner()));
  return {
    release() {
      if (readOwner(dir)?.pid === process.pid) fs.rmSync(ownerFile(dir), { force: true });
      server.close();
    },
  };
}

function lockWithFile(dir: string): DirectoryLock {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify(currentOwner()));
      fs.closeSync(fd);
      fs.writeFileSync(ownerFile(dir), JSON.stringify(currentOwner()));
      return {
        release() {
          fs.rmSync(file, { force: true });
          fs.rmSync(ownerFile(dir), { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: LockOwner | null = null;
      try {
        owner = JSON.parse(fs.readFileSync(file, "utf8")) as LockOwner;
      } catch {
        // A lock file being written right now: treat it as held.
      }
      if (!owner || isAlive(owner.pid)) throw new DatabaseLockedError(dir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new DatabaseLockedError(dir, readOwner(dir));
}

/** Takes the lock on an embedded database folder, creating the folder if needed. */
export async function lockDirectory(dir: string): Promise<DirectoryLock> {
  fs.mkdirSync(dir, { recursive: true });
  return process.platform === "linux" ? lockWithAbstractSocket(dir) : lockWithFile(dir);
}
