// Prints, as one line of JSON, the members dist/teaflow.d.ts declares, read with the TypeScript
// compiler API: the module's value exports, and the properties of each type the runtime has objects
// of (Api, NetworkConstructor, Network, LiveMemoryStateHandle, its constructor, ActorContext).
// DeclaredMembersTest compares them with what init() returns at run time.
// Usage: node test-harness/node/declared-members.mjs [dist/teaflow.d.ts]
import ts from 'typescript';
import { resolve } from 'node:path';

const TYPES = ['Api', 'NetworkConstructor', 'Network', 'LiveMemoryStateHandleConstructor', 'LiveMemoryStateHandle', 'ActorContext'];

const file = resolve(process.argv[2] ?? 'dist/teaflow.d.ts');
const program = ts.createProgram([file], { noEmit: true, strict: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
const problems = ts.getPreEmitDiagnostics(program);
if (problems.length > 0) {
  throw new Error(`${file} does not type-check:\n` + ts.formatDiagnostics(problems, {
    getCanonicalFileName: name => name, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n',
  }));
}
const checker = program.getTypeChecker();
const source = program.getSourceFile(file);
if (!source) throw new Error(`cannot read ${file}`);
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
const byName = new Map(exported.map(symbol => [symbol.getName(), symbol]));

const types = {};
for (const name of TYPES) {
  const symbol = byName.get(name);
  if (!symbol) throw new Error(`${file} exports no type ${name}`);
  types[name] = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map(p => p.getName()).sort();
}
// `export default teaflow` is an alias of a declared const: a value once resolved.
const resolved = symbol => ((symbol.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(symbol) : symbol);
const values = exported.filter(symbol => (resolved(symbol).flags & ts.SymbolFlags.Value) !== 0).map(symbol => symbol.getName()).sort();
console.log(JSON.stringify({ file, exports: values, types }));
