import { Redis } from 'ioredis';

/**
 * In-memory cache of pre-serialized responses, tagged so a domain event can drop everything it
 * made stale. In the scale shape an invalidation is published on Redis so every API process
 * drops its copy; nothing that matters is kept only in one process's memory.
 */
export interface CacheEntry {
  body: string;
  etag?: string;
  tags: string[];
}


export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  /** Bumped on every invalidation: lets a reader that raced an invalidation skip storing. */
  private generation = 0;
  private channel = '';

  constructor(private readonly maxEntries = 20_000) {}

  async connect(redisUrl: string, prefix: string): Promise<void> {
    this.channel = `${prefix}:cache-invalidate`;
    this.pub = new Redis(redisUrl);
    this.sub = new Redis(redisUrl);
    await this.sub.subscribe(this.channel);
    this.sub.on('message', (_channel, tag: string) => this.dropLocal(tag));
  }

  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }

  get currentGeneration(): number {
    return this.generation;
  }

  /** Stores unless an invalidation happened since `generation` was read (the value may be stale). */
  set(key: string, entry: CacheEntry, generation = this.generation): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  async invalidate(tag: string): Promise<void> {
    this.dropLocal(tag);
    if (this.pub) await this.pub.publish(this.channel, tag);
  }

  private dropLocal(tag: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.pub?.disconnect();
  }
}
