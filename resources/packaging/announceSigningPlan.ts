// electron-builder's beforePack hook: says, once per platform, whether the build about to be
// packed will be signed and notarised, so an unsigned installer is never a surprise.
// beforePack receives the same PackContext as afterPack; electron-builder exports it by this name.
import type { AfterPackContext as BeforePackContext } from 'electron-builder';
import type { PackagedPlatform } from './releaseFuses';
import { signingPlan, type Environment } from './releaseSigning';

const announced = new Set<string>();

export function signingAnnouncement(platform: PackagedPlatform, env: Environment): string {
  return signingPlan(platform, env)
    .notes.map((note) => `  • ${note}`)
    .join('\n');
}

export function announceSigningPlan(context: BeforePackContext, env: Environment = process.env): void {
  const platform = context.electronPlatformName as PackagedPlatform;
  if (announced.has(platform)) return; // beforePack runs once per architecture
  announced.add(platform);
  const text = signingAnnouncement(platform, env);
  if (text.includes('WARNING')) console.warn(text);
  else console.log(text);
}
