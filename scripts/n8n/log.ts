/** Progress lines of the scripts that drive n8n: plain stdout, so that CI logs keep them in order. */
export function say(message: string): void {
	process.stdout.write(`${message}\n`);
}
