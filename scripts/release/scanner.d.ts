declare module '@n8n/scan-community-package/scanner/scanner.mjs';
