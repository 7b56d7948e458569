/** The part of jsonld.js (npm `jsonld`, a devDependency; it ships no types) that the tests use. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  interface ExpandOptions {
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    /** Throws on anything lossy: a term that does not expand to an IRI, a relative IRI, a dropped value. */
    safe?: boolean;
    base?: string | null;
  }
  const jsonld: {
    expand(input: unknown, options?: ExpandOptions): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
