import { createRequire } from 'node:module';
import type ExcelJSType from 'exceljs';

/**
 * ExcelJS, with one fix applied before it loads. Its streaming XML reader decodes each chunk of an
 * unzipped sheet on its own, so a Vietnamese letter whose UTF-8 bytes straddle two chunks becomes
 * "N��" instead of "Nữ" (seen at row 21,844 of a 50,000-row file). The replacement below keeps
 * one decoder per stream, in streaming mode. Every module of ours takes ExcelJS from `excel()`.
 */
const require = createRequire(import.meta.url);

let loaded: typeof ExcelJSType | undefined;

/** ExcelJS, loaded on first use (it is large: the server starts faster without it) and fixed. */
export function excel(): typeof ExcelJSType {
  loaded ??= load();
  return loaded;
}

function load(): typeof ExcelJSType {
  installParseSaxFix();
  return require('exceljs') as typeof ExcelJSType;
}

function installParseSaxFix() {
  const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
  if (require.cache[parseSaxPath]) return;
  const { SaxesParser } = require('saxes') as typeof import('saxes');
  const { PassThrough } = require('node:stream') as typeof import('node:stream');
  type Event = { eventType: string; value: unknown };
  async function* parseSax(iterable: AsyncIterable<Buffer | string> & { pipe?: unknown }) {
    const source = (
      iterable.pipe && !(Symbol.asyncIterator in iterable)
        ? (iterable as unknown as NodeJS.ReadableStream).pipe(new PassThrough())
        : iterable
    ) as AsyncIterable<Buffer | string>;
    const decoder = new TextDecoder('utf-8');
    const parser = new SaxesParser();
    let error: Error | undefined;
    let events: Event[] = [];
    parser.on('error', (err) => {
      error = err;
    });
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    for await (const chunk of source) {
      parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      if (error) throw error;
      yield events;
      events = [];
    }
    const rest = decoder.decode();
    if (rest) {
      parser.write(rest);
      if (error) throw error;
      yield events;
    }
  }
  const mod = new (require('node:module') as { Module: new (id: string) => NodeJS.Module }).Module(parseSaxPath);
  mod.filename = parseSaxPath;
  mod.loaded = true;
  mod.exports = parseSax;
  require.cache[parseSaxPath] = mod;
}
