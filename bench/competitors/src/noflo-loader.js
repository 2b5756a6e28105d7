// Static NoFlo component loader for the browser bundle. NoFlo 1.5's own loader
// (noflo/src/lib/loader/register.js) throws in a browser and asks for a statically generated one
// (noflo-component-loader does that for webpack); bench/competitors/build.mjs substitutes this
// module for it. It registers the components collected in `components` under the library 'bench'.
export const components = new Map();

export function register(loader, callback) {
  for (const [name, factory] of components) loader.registerComponent('bench', name, factory);
  callback(null);
}

export function dynamicLoad(name, cPath, metadata, callback) {
  callback(new Error(`Dynamic loading of ${cPath} for component ${name} is not available in this bundle`));
}

export function setSource(loader, packageId, name, source, language, callback) {
  callback(new Error('setSource is not available in this bundle'));
}

export function getSource(loader, name, callback) {
  callback(new Error('getSource is not available in this bundle'));
}
