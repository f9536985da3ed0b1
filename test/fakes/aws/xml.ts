// Small XML helpers for the AWS stand-in: one element tree that is both parsed (S3 request bodies)
// and rendered (query-protocol and REST-XML answers), so a document stored as parsed comes back as given.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (for elements that hold text, not children). */
  text: string;
}

export class XmlParseError extends Error {}

type Content = string | number | boolean | undefined | null | (XmlElement | undefined)[];

/** An element with text content (`string`, `number`, `boolean`) or children (array; undefined entries are skipped). */
export function xml(name: string, content?: Content, attributes: Record<string, string> = {}): XmlElement {
  if (Array.isArray(content)) {
    return { name, attributes, children: content.filter((child): child is XmlElement => child !== undefined), text: '' };
  }
  return { name, attributes, children: [], text: content === undefined || content === null ? '' : String(content) };
}

/** An element only when the value is present: for optional members. */
export function optionalXml(name: string, value: string | number | boolean | undefined): XmlElement | undefined {
  return value === undefined ? undefined : xml(name, value);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#x0D;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (ch) => ESCAPES[ch]);
}

export function renderXml(element: XmlElement, declaration = true): string {
  return (declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '') + renderElement(element);
}

function renderElement(element: XmlElement): string {
  const attributes = Object.entries(element.attributes)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const inner = element.children.length > 0 ? element.children.map(renderElement).join('') : escapeXml(element.text);
  return inner === '' ? `<${element.name}${attributes}/>` : `<${element.name}${attributes}>${inner}</${element.name}>`;
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function childElement(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

export function childText(element: XmlElement, name: string): string | undefined {
  return childElement(element, name)?.text;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_:][\w.:-]*/;

/**
 * Parses a well-formed XML document (no DTDs) into its root element. Throws XmlParseError on
 * anything not well formed: mismatched or unclosed tags, unknown entities, text outside the root.
 */
export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (what: string): never => {
    throw new XmlParseError(`${what} at offset ${at}`);
  };
  const skipSpace = () => {
    while (at < source.length && ' \t\r\n'.includes(source[at])) at++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<?', at)) {
        const end = source.indexOf('?>', at);
        if (end < 0) fail('unclosed processing instruction');
        at = end + 2;
      } else if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at);
        if (end < 0) fail('unclosed comment');
        at = end + 3;
      } else if (source.startsWith('<!', at)) {
        fail('DTDs are not accepted');
      } else {
        return;
      }
    }
  };
  const decode = (text: string): string =>
    text.replace(/&([^;]*);|&/g, (whole, entity: string | undefined) => {
      if (entity === undefined) return fail('bare &');
      if (/^#x[0-9a-fA-F]+$/.test(entity)) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (/^#[0-9]+$/.test(entity)) return String.fromCodePoint(parseInt(entity.slice(1), 10));
      return NAMED_ENTITIES[entity] ?? fail(`unknown entity ${whole}`);
    });
  const readName = (): string => {
    const match = NAME.exec(source.slice(at, at + 256));
    if (!match) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const parseElement = (): XmlElement => {
    if (source[at] !== '<') fail('expected <');
    at++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      const attribute = readName();
      skipSpace();
      if (source[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = source.indexOf(quote, at + 1);
      if (end < 0) fail('unclosed attribute value');
      if (attribute in attributes) fail(`duplicate attribute ${attribute}`);
      attributes[attribute] = decode(source.slice(at + 1, end));
      at = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (at >= source.length) fail(`unclosed <${name}>`);
      if (source.startsWith('</', at)) {
        at += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected >');
        at++;
        return { name, attributes, children, text: children.length > 0 ? '' : text };
      }
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at);
        if (end < 0) fail('unclosed comment');
        at = end + 3;
      } else if (source.startsWith('<![CDATA[', at)) {
        const end = source.indexOf(']]>', at);
        if (end < 0) fail('unclosed CDATA');
        text += source.slice(at + 9, end);
        at = end + 3;
      } else if (source[at] === '<') {
        children.push(parseElement());
      } else {
        const end = source.indexOf('<', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        text += decode(raw);
        at += raw.length;
      }
    }
  };
  skipMisc();
  if (at >= source.length) fail('no root element');
  const root = parseElement();
  skipMisc();
  if (at < source.length) fail('content after the root element');
  return root;
}

/** The answer of a query-protocol service (IAM, STS): `<OpResponse xmlns><OpResult>…</OpResult><ResponseMetadata>`. */
export function queryResponseXml(operation: string, namespace: string, result: (XmlElement | undefined)[] | undefined, requestId: string): string {
  return renderXml(
    xml(
      `${operation}Response`,
      [result === undefined ? undefined : xml(`${operation}Result`, result), xml('ResponseMetadata', [xml('RequestId', requestId)])],
      { xmlns: namespace },
    ),
  );
}

/** A query-protocol error: `<ErrorResponse xmlns><Error><Type><Code><Message></Error><RequestId>`. */
export function queryErrorXml(code: string, message: string, status: number, namespace: string, requestId: string): string {
  return renderXml(
    xml(
      'ErrorResponse',
      [xml('Error', [xml('Type', status >= 500 ? 'Receiver' : 'Sender'), xml('Code', code), xml('Message', message)]), xml('RequestId', requestId)],
      { xmlns: namespace },
    ),
  );
}

/** A list member the way the query protocol renders it: `<Name><member>…</member></Name>`. */
export function memberList(name: string, members: XmlElement[][] | string[]): XmlElement {
  return xml(
    name,
    members.map((member) => (typeof member === 'string' ? xml('member', member) : xml('member', member))),
  );
}
