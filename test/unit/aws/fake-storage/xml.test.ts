import * as assert from 'node:assert/strict';
import { childElements, childText, parseXml, renderXml, XmlParseError } from '../../../fakes/aws/xml';

describe('AWS stand-in: XML helpers', () => {
  it('parses what it renders back to the same document, entities, CDATA and attributes included', () => {
    const source = '<NotificationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><QueueConfiguration><Id>a &amp; b</Id><Queue><![CDATA[arn:<q>]]></Queue><Event>s3:ObjectCreated:*</Event><Event>s3:ObjectRemoved:*</Event></QueueConfiguration><EventBridgeConfiguration/></NotificationConfiguration>';
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n${source}\n`);
    const [queue] = childElements(root, 'QueueConfiguration');
    assert.equal(childText(queue, 'Id'), 'a & b');
    assert.equal(childText(queue, 'Queue'), 'arn:<q>');
    assert.deepEqual(childElements(queue, 'Event').map((e) => e.text), ['s3:ObjectCreated:*', 's3:ObjectRemoved:*']);
    assert.equal(root.attributes.xmlns, 'http://s3.amazonaws.com/doc/2006-03-01/');
    assert.equal(renderXml(parseXml(renderXml(root, false)), false), renderXml(root, false));
    assert.equal(renderXml(root, false), source.replace('<![CDATA[arn:<q>]]>', 'arn:&lt;q&gt;'));
  });

  it('refuses documents that are not well formed', () => {
    for (const text of ['', '<a><b></a></b>', '<a>', '<a/><b/>', '<a>&nope;</a>', '<a x="1" x="2"/>', '<!DOCTYPE a><a/>', 'text<a/>']) {
      assert.throws(() => parseXml(text), XmlParseError, JSON.stringify(text));
    }
  });
});
