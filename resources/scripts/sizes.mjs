#!/usr/bin/env node
// `node resources/scripts/sizes.mjs [dir] [--most N]`: the largest files and functions under a
// folder (renderer/src by default), in lines, so "a screen is a data hook plus small views" stays measurable.
//
// A function's size is the lines from its first to its last, nested functions included: a
// component's callbacks are part of what a reader has to hold. Parsed with the TypeScript
// compiler API, so arrow functions held in constants count under the constant's name.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const mostAt = args.indexOf('--most');
const most = mostAt >= 0 ? Number(args[mostAt + 1]) : 10;
const root = join(PROJECT_ROOT, args.find((a, i) => !a.startsWith('--') && i !== mostAt + 1) ?? 'renderer/src');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function functionName(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

const files = [];
const functions = [];
for (const path of sourceFiles(root)) {
  const text = readFileSync(path, 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const file = relative(PROJECT_ROOT, path);
  files.push({ file, lines: source.getLineAndCharacterOfPosition(source.end).line + (text.endsWith('\n') ? 0 : 1) });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      functions.push({ file, name: functionName(node), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

files.sort((a, b) => b.lines - a.lines);
functions.sort((a, b) => b.lines - a.lines);
console.log(`Largest files under ${relative(PROJECT_ROOT, root) || '.'} (${files.length} files):`);
for (const f of files.slice(0, most)) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
console.log(`Largest functions (${functions.length} functions):`);
for (const f of functions.slice(0, most)) console.log(`  ${String(f.lines).padStart(5)}  ${f.name}  ${f.file}:${f.line}`);
