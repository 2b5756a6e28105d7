// A/B of two Teaflow builds in one page: the hop scenarios of BENCHMARKS.md on build A and build B,
// alternating A and B every round, so a shared machine's changing load lands on both alike. Prints
// each one's median and min ns per hop and the median of the per-round ratios B / A.
// Usage: node bench/ab.mjs <dist dir A> <dist dir B> [js|wasm] [runtimes] [scenarios] [rounds]
//   runtime 'growth' with scenarios build,toJSON,fromGraph times BENCHMARKS.md's growth chain
//   (AB_N nodes, e.g. AB_N=20000), in ns per node.
//   e.g. cp -r dist target/dist-a; (change, rebuild); node bench/ab.mjs target/dist-a dist js teaflow-js S1,S3
// Dist directories are relative to the repository (it is served whole).
import { launchChromium, serveRepository } from '../scripts/local-chromium.mjs';

const [a, b, backend = 'js', runtimesArg = 'teaflow-js,teaflow-java', scenariosArg = 'S1,S2,S3', roundsArg = '9']
  = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs <dist dir A> <dist dir B> [js|wasm] [runtimes] [scenarios] [rounds]');
  process.exit(2);
}
const n = Number(process.env.AB_N ?? 100_000);
const rounds = Number(roundsArg);
const WARMUP = 3;
const median = values => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

const { url, server } = await serveRepository();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', error => console.error('page error:', error.message));
  await page.goto(new URL(`/bench/ab.html?backend=${backend}&a=${encodeURIComponent('/' + a)}&b=${encodeURIComponent('/' + b)}`,
    url).href);
  await page.waitForFunction(() => window.__ready, null, { timeout: 60_000 });
  const run = (build, runtime, scenario) =>
    page.evaluate(([x, r, s, k]) => window.__ab(x, r, s, k).then(result => result.nsPerHop), [build, runtime, scenario, n]);
  console.log(`A = ${a}, B = ${b}, ${backend} backend, ${rounds} rounds after ${WARMUP} warm-ups, n = ${n}`);
  for (const runtime of runtimesArg.split(',')) {
    for (const scenario of scenariosArg.split(',')) {
      const times = { a: [], b: [] };
      const ratios = [];
      for (let i = 0; i < WARMUP + rounds; i++) {
        // Alternate who goes first, so neither always runs on the other's garbage.
        const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
        const got = {};
        for (const build of order) got[build] = await run(build, runtime, scenario);
        if (i < WARMUP) continue;
        times.a.push(got.a);
        times.b.push(got.b);
        ratios.push(got.b / got.a);
      }
      const row = build => `median ${median(times[build]).toFixed(1).padStart(6)}  min ${Math.min(...times[build]).toFixed(1).padStart(6)}`;
      console.log(`${runtime.padEnd(13)} ${scenario}  A ${row('a')}   B ${row('b')}   B/A ${median(ratios).toFixed(3)}`);
    }
  }
} finally {
  await browser.close();
  server.kill();
}
