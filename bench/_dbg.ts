import * as fs from 'fs';
import { installedHosts } from '/work/main/scripts/e2e/hosts';
import { createInstance, cli } from '/work/main/scripts/e2e/n8n';
async function main() {
  const folder = process.argv[2];
  const key = JSON.parse(fs.readFileSync(`${folder}/.n8n/config`, 'utf8')).encryptionKey;
  const [host] = installedHosts().filter((h) => h.version === '2.40.7');
  const inst = await createInstance(host, { userFolder: folder, encryptionKey: key, env: { N8N_LOG_LEVEL: process.env.LL ?? 'info' } });
  const r = await cli(inst, process.argv.slice(3));
  console.log('code', r.code, r.signal, r.ms);
  console.log(r.stdout.slice(0, 3000));
  console.log('STDERR', r.stderr.slice(-3000));
}
main();
