import * as fs from 'fs';
import { installedHosts } from '../scripts/e2e/hosts';
import { createInstance } from '../scripts/e2e/n8n';
import { measure } from './measure';
async function main() {
  const folder = process.argv[2];
  const key = JSON.parse(fs.readFileSync(`${folder}/.n8n/config`, 'utf8')).encryptionKey;
  const [host] = installedHosts().filter((h) => h.version === '2.40.7');
  const inst = await createInstance(host, { userFolder: folder, encryptionKey: key, env: { N8N_LOG_LEVEL: process.env.LL ?? 'info' } });
  const m = await measure(host.nodeBin, [host.n8nBin, ...process.argv.slice(3)], { cwd: folder, env: inst.env, stdoutFile: '/tmp/dbg.out', stderrFile: '/tmp/dbg.err' });
  console.log(m);
}
main();
