// The packaged app ships the electron-vite bundles and no node_modules, so before packing,
// each bundle must exist and import nothing but Electron and Node's own modules.
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

/** The bundles electron-builder packs, relative to the project root (see PACKAGED_FILES). */
export const SHIPPED_ENTRY_BUNDLES: readonly string[] = Object.freeze(['out/main/index.js', 'out/preload/index.cjs']);

// Bundlers write specifiers in plain quotes; a backquote is left out so prose in bundled
// comments ("runs from `finalize`") is not mistaken for an import.
const MODULE_SPECIFIERS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire\(\s*["']([^"']+)["']\s*\)/g,
];

/**
 * Package names a bundle still imports, which a packaged app without node_modules cannot
 * resolve: anything but 'electron', Node built-ins and relative chunks of the bundle itself.
 */
export function unshippedImports(bundleSource: string): string[] {
  const names = new Set<string>();
  for (const pattern of MODULE_SPECIFIERS) {
    for (const match of bundleSource.matchAll(pattern)) {
      const specifier = match[1]!;
      if (specifier === 'electron' || specifier.startsWith('.') || isBuiltin(specifier)) continue;
      names.add(specifier);
    }
  }
  return [...names].sort();
}

/** Throws, naming the bundle and the imports, when the build in out/ cannot run packaged. */
export async function assertBundlesShippable(projectDir: string): Promise<void> {
  for (const bundle of SHIPPED_ENTRY_BUNDLES) {
    let source: string;
    try {
      source = await readFile(join(projectDir, bundle), 'utf8');
    } catch {
      throw new Error(`${bundle} is missing: run "npx electron-vite build" before packaging (npm run package does).`);
    }
    const missing = unshippedImports(source);
    if (missing.length > 0) {
      throw new Error(
        `${bundle} imports ${missing.join(', ')}, which the packaged app does not ship (no node_modules). ` +
          'Bundle it (externalizeDeps: false in electron.vite.config.ts).',
      );
    }
  }
}
