/**
 * A readable, self-contained page of the OpenAPI document (no CDN: leadpact runs on closed
 * networks). Lists every operation with its parameters, body and responses; schemas link to
 * their definitions. The full machine-readable document stays at /openapi.json.
 */
export function renderApiDocsPage(document: any): string {
  const escape = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
  const schemaName = (schema: any): string => {
    if (!schema) return '';
    if (schema.$ref) {
      const name = String(schema.$ref).split('/').pop();
      return `<a href="#schema-${escape(name)}">${escape(name)}</a>`;
    }
    if (schema.type === 'array') return `${schemaName(schema.items)}[]`;
    if (schema.enum) return schema.enum.map((v: unknown) => `<code>${escape(v)}</code>`).join(' | ');
    if (schema.type === 'object' && schema.properties) {
      return `{ ${Object.entries(schema.properties).map(([key, value]) => `${escape(key)}${(schema.required ?? []).includes(key) ? '' : '?'}: ${schemaName(value)}`).join(', ')} }`;
    }
    if (schema.anyOf) return schema.anyOf.map(schemaName).join(' | ');
    return escape(schema.type ?? 'any');
  };
  const operations: string[] = [];
  for (const [path, methods] of Object.entries<any>(document.paths ?? {})) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const parameters = (operation.parameters ?? [])
        .map((p: any) => `<li><code>${escape(p.name)}</code> <small>(${escape(p.in)}${p.required ? ', required' : ''})</small> ${schemaName(p.schema)} ${escape(p.description ?? p.schema?.description ?? '')}</li>`)
        .join('');
      const body = operation.requestBody?.content
        ? Object.entries<any>(operation.requestBody.content).map(([type, content]) => `<div><small>${escape(type)}</small> ${schemaName(content.schema)}</div>`).join('')
        : '';
      const responses = Object.entries<any>(operation.responses ?? {})
        .map(([status, response]) => `<li><b>${escape(status)}</b> ${escape(response.description)} ${Object.values<any>(response.content ?? {}).map((content) => schemaName(content.schema)).join('')}</li>`)
        .join('');
      operations.push(`<section class="op"><h3><span class="m ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
        <p>${escape(operation.summary)}</p>${operation.description ? `<p class="d">${escape(operation.description)}</p>` : ''}
        ${parameters ? `<h4>Parameters</h4><ul>${parameters}</ul>` : ''}${body ? `<h4>Body</h4>${body}` : ''}<h4>Responses</h4><ul>${responses}</ul></section>`);
    }
  }
  const schemas = Object.entries<any>(document.components?.schemas ?? {})
    .map(([name, schema]) => `<section id="schema-${escape(name)}" class="op"><h3>${escape(name)}</h3><pre>${escape(JSON.stringify(schema, null, 2))}</pre></section>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(document.info?.title)} — reference</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:24px;color:#1f2933}h1{margin-bottom:0}code{font:13px ui-monospace,monospace}
.op{border:1px solid #d9e2ec;border-radius:8px;padding:12px 16px;margin:12px 0}.op h3{margin:0 0 4px;font-size:16px}.m{display:inline-block;min-width:56px;font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;text-align:center}
.get{background:#2f80ed}.post{background:#27ae60}.patch{background:#f2994a}.delete{background:#eb5757}.put{background:#9b51e0}.d{color:#52606d}pre{overflow:auto;background:#f5f7fa;padding:8px;font-size:12px}h4{margin:8px 0 2px;font-size:13px;color:#52606d}</style></head>
<body><h1>${escape(document.info?.title)}</h1><p>${escape(document.info?.description)}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escape(document.openapi)})</p>
<h2>Operations</h2>${operations.join('')}<h2>Schemas</h2>${schemas}</body></html>`;
}
