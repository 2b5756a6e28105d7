// Shared by every runtime: the scenario shapes, the packets a source sends, and the sink's
// recorder that checks order per path, counts, sums and stamps the arrival of the last packet.

// paths: how many parallel paths a packet takes (S3 fans out to 4).
// hops: packet deliveries to a stage or the sink per packet sent by the source.
export const SCENARIOS = {
  S1: { paths: 1, hops: 11, stages: 10, description: 'pipeline: source -> 10 forwarding stages -> sink' },
  S2: { paths: 1, hops: 2, stages: 1, description: 'stateful: source -> counting stage -> sink' },
  S3: { paths: 4, hops: 8, stages: 4, description: 'fan-out/fan-in: source -> 4 parallel tagging stages -> sink' },
};

export const PATHS_S3 = 4;

// The packets the source sends: 0..n-1. `fault` (tests of the verification only) breaks the
// sequence: 'drop' leaves out a packet in the middle, 'swap' swaps two, 'dropLast' leaves out
// the last one (so the sink never completes).
export function makePackets(n, fault) {
  const packets = new Array(n);
  for (let i = 0; i < n; i++) packets[i] = i;
  if (fault === 'drop') packets.splice(n >> 1, 1);
  else if (fault === 'swap') { const m = n >> 1; packets[m] = m + 1; packets[m + 1] = m; }
  else if (fault === 'dropLast') packets.pop();
  else if (fault) throw new Error(`unknown fault '${fault}'`);
  return packets;
}

// A stage on path k of S3 tags a packet v as v * 4 + k; the sink takes it apart again.
export function tag(v, path) { return v * PATHS_S3 + path; }

export class Recorder {
  constructor(n, paths) {
    this.n = n;
    this.paths = paths;
    this.expected = n * paths;
    this.next = new Array(paths).fill(0);
    this.count = 0;
    this.checksum = 0;
    this.endTime = 0;
    this.error = null;
    this.done = new Promise((resolve, reject) => { this.resolve = resolve; this.reject = reject; });
    this.done.catch(() => {});
  }

  // The sink calls this for every packet it receives.
  take(x) {
    let path = 0;
    let v = x;
    if (this.paths > 1) { path = x % PATHS_S3; v = (x - path) / PATHS_S3; }
    if (v !== this.next[path]) {
      this.fail(new Error(`path ${path}: packet ${v} arrived, expected ${this.next[path]}`));
      return;
    }
    this.next[path] = v + 1;
    this.checksum += v;
    if (++this.count === this.expected) {
      this.endTime = performance.now();
      this.resolve();
    }
  }

  fail(error) {
    if (this.error) return;
    this.error = error instanceof Error ? error : new Error(String(error));
    this.reject(this.error);
  }

  // Resolves when the last packet arrived; rejects on a verification error, or when no packet
  // arrived for timeoutMs (lost packets).
  async wait(timeoutMs) {
    let seen = -1;
    let timer;
    const lost = new Promise((resolve, reject) => {
      const tick = () => {
        if (this.count === seen) {
          reject(new Error(`lost packets: ${this.count} of ${this.expected} arrived at the sink`));
          return;
        }
        seen = this.count;
        timer = setTimeout(tick, timeoutMs);
      };
      timer = setTimeout(tick, timeoutMs);
    });
    lost.catch(() => {});
    try {
      await Promise.race([this.done, lost]);
    } finally {
      clearTimeout(timer);
    }
  }

  expectedChecksum() {
    return this.paths * this.n * (this.n - 1) / 2;
  }
}
