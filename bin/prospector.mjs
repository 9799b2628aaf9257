#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx: no build step between clone and use.
import { register } from 'tsx/esm/api';

// The SDK's Node 22 notice is in the README; it should not interleave with command output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
// `prospector ... | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
await import('../cli/main.ts');
