// openapi-typescript runs here, inside this folder's own package, so that its `import 'typescript'`
// finds the TypeScript 5 installed beside it (see package.json) and not the project's TypeScript 7.
import openapiTS, { astToString } from 'openapi-typescript';

/** TypeScript declarations (`paths`, `components`, `operations`) of an OpenAPI 3.x document, as openapi-fetch reads them. */
export async function openApiToTypeScript(document: object): Promise<string> {
  const nodes = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false });
  return astToString(nodes);
}
