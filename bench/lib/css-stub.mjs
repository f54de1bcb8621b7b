// A module hook for benches that import route modules outside Vite: a stylesheet import
// (`~/styles/x.css?url`) becomes an empty URL string, as nothing here serves it.
export async function resolve(specifier, context, next) {
  if (/\.css(\?url)?$/.test(specifier)) return { url: "data:text/javascript,export default ''", shortCircuit: true };
  return next(specifier, context);
}
