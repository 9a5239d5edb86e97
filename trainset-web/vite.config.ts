import { defineConfig } from 'vitest/config';

// The bundle goes straight into Maven's target/classes/web so that the module's jar carries it;
// trainset-server serves index.html and assets/* from that classpath folder. During development
// (`npx vite`) /api is proxied to a server started with `./trainset serve --port 7070`.
export default defineConfig({
  base: '/',
  build: {
    outDir: 'target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:7070' } },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
