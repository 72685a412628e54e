// Imported first by the scripts that run use cases outside Next (benchmarks, the settling job). The use cases start with
// `import "server-only"`, which refuses to load outside React server components; from here on
// it resolves to the empty module it is inside Next. The hook covers modules resolved later, so
// those scripts load the use cases with dynamic import().
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
         if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
         return next(specifier, context);
       }`,
    ),
);
