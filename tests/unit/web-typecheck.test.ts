import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The screens are compiled as web code (tsconfig.web.json: the DOM, no Node types), so a page that
 * reaches for Node does not compile. Each probe is a page that exists only in this test.
 */
const root = path.resolve(import.meta.dirname, '../..');

function compileWebPage(source: string): string[] {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.web.json'), (f) => ts.sys.readFile(f));
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const probe = path.join(root, 'renderer/src/pages/ProbePage.tsx');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (path.resolve(f) === probe ? source : readFile(f));
  host.fileExists = (f) => path.resolve(f) === probe || fileExists(f);
  host.getSourceFile = (f, lang, onError, create) =>
    path.resolve(f) === probe ? ts.createSourceFile(f, source, lang, true, ts.ScriptKind.TSX) : getSourceFile(f, lang, onError, create);
  const program = ts.createProgram({ rootNames: [probe], options: config.options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('web code (tsconfig.web.json)', () => {
  it('compiles a page that uses the DOM and the shared contract', () => {
    const errors = compileWebPage(`import type { MethodName } from '@shared/contract';
export function ProbePage({ method }: { method: MethodName }) {
  return <p>{method} {document.title}</p>;
}
`);
    expect(errors).toEqual([]);
  });

  it('refuses a page that imports node:fs', () => {
    const errors = compileWebPage(`import fs from 'node:fs';
export function ProbePage() {
  return <p>{fs.readFileSync('/etc/hostname', 'utf8')}</p>;
}
`);
    expect(errors.join('\n')).toMatch(/Cannot find module 'node:fs'/);
  });

  it('refuses a page that uses Node globals', () => {
    const errors = compileWebPage(`export function ProbePage() {
  return <p>{process.cwd()}</p>;
}
`);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
  });
});
