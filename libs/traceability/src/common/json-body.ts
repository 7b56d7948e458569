/**
 * An answer whose JSON is written already, as UTF-8 bytes (a page of lots, made of the lots' kept
 * answers): the API's reply serializer sends the bytes as they are. Anything else that serialises
 * it (JSON.stringify, a test) gets the same value through toJSON. `T` is the value the bytes hold.
 */
export class JsonBody<T = unknown> {
  constructor(readonly bytes: Buffer) {}

  toJSON(): T {
    return JSON.parse(this.bytes.toString('utf8')) as T;
  }
}
