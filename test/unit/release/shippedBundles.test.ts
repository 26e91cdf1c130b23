// The packaged app has no node_modules: a bundle that still imports a package must stop the
// build before packing, naming the bundle and the package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertBundlesShippable, unshippedImports } from '../../../resources/packaging/shippedBundles';

describe('unshippedImports', () => {
  it('accepts electron, Node built-ins (with or without node:) and the bundle’s own chunks', () => {
    const source = [
      'import { app } from "electron";',
      "import { join } from 'node:path';",
      'import fs from "fs";',
      'import "./chunks/setup.js";',
      'const x = await import("./lazy.js");',
      'const { ipcRenderer } = require("electron"); require("node:events");',
    ].join('\n');
    expect(unshippedImports(source)).toEqual([]);
  });

  it('names every package left for node_modules to supply, in ESM and CommonJS', () => {
    const source = [
      'import { z } from "zod";',
      "import 'reflect-metadata';",
      'const d = await import("dexie");',
      'const r = require("react"); require("zod");',
      'export * from "@scope/pkg";',
    ].join('\n');
    expect(unshippedImports(source)).toEqual(['@scope/pkg', 'dexie', 'react', 'reflect-metadata', 'zod']);
  });

  it('does not mistake prose in bundled comments for an import', () => {
    expect(unshippedImports('/* This runs from `finalize`, after `extractDefs` */')).toEqual([]);
  });
});

describe('assertBundlesShippable', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'workbench-bundles-'));
    mkdirSync(join(root, 'out/main'), { recursive: true });
    mkdirSync(join(root, 'out/preload'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes self-contained bundles', async () => {
    writeFileSync(join(root, 'out/main/index.js'), 'import { app } from "electron"; import { join } from "node:path";');
    writeFileSync(join(root, 'out/preload/index.cjs'), 'const { contextBridge } = require("electron");');
    await expect(assertBundlesShippable(root)).resolves.toBeUndefined();
  });

  it('refuses a main bundle that still imports a package', async () => {
    writeFileSync(join(root, 'out/main/index.js'), 'import { z } from "zod";');
    writeFileSync(join(root, 'out/preload/index.cjs'), 'require("electron");');
    await expect(assertBundlesShippable(root)).rejects.toThrow('out/main/index.js imports zod, which the packaged app does not ship');
  });

  it('asks for a build when a bundle is missing', async () => {
    writeFileSync(join(root, 'out/main/index.js'), '');
    await expect(assertBundlesShippable(root)).rejects.toThrow(/out\/preload\/index\.cjs is missing: run "npx electron-vite build"/);
  });
});
