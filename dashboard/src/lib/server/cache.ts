/** A small in-process LRU of encoded responses, bounded by entry count and total bytes. */
export interface CachedBody {
  body: Uint8Array;
  contentType: string;
  etag: string;
  headers?: Record<string, string>;
}

export class LruCache {
  private map = new Map<string, CachedBody>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 500,
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string): CachedBody | undefined {
    const v = this.map.get(key);
    if (v) {
      // move to the most-recent end
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: CachedBody): void {
    if (value.body.byteLength > this.maxBytes) return;
    const old = this.map.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.bytes += value.body.byteLength;
    while (this.map.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.map.keys().next().value as string;
      this.bytes -= this.map.get(oldest)!.body.byteLength;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}
