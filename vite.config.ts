import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; the Fastify server serves web/dist and answers /api.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.API_TARGET ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
