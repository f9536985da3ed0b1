// JSON written the way NiFi writes a flow definition (Jackson's default pretty printer):
// `"key" : value`, objects indented by 2 spaces, arrays inline (`[ {`, `}, {`, `} ]`, `[ "a", "b" ]`)
// without adding a level of indentation, and `{ }` / `[ ]` when empty. Undefined members are left out.

export function toNifiJson(value) {
  const parts = [];
  write(value, '', parts);
  return parts.join('');
}

function write(value, indent, parts) {
  if (value === null || typeof value !== 'object') {
    parts.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      parts.push('[ ]');
      return;
    }
    parts.push('[ ');
    value.forEach((item, index) => {
      if (index > 0) parts.push(', ');
      write(item, indent, parts);
    });
    parts.push(' ]');
  } else {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    if (keys.length === 0) {
      parts.push('{ }');
      return;
    }
    const inner = `${indent}  `;
    parts.push('{\n');
    keys.forEach((key, index) => {
      if (index > 0) parts.push(',\n');
      parts.push(inner, JSON.stringify(key), ' : ');
      write(value[key], inner, parts);
    });
    parts.push('\n', indent, '}');
  }
}
