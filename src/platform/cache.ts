import { randomUUID } from 'node:crypto';
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
  /** The body compressed (br, gzip), each made on the first request that asks for it: dropped with the entry. */
  encoded?: Partial<Record<'br' | 'gzip', Buffer>>;
}

export class ResponseCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly byTag = new Map<string, Set<string>>();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private channel = '';
  /** Tells this process's own invalidations apart when Redis echoes them back. */
  private readonly instance = randomUUID();
  /** Bumped on every invalidation: a reader that raced an invalidation does not store. */
  private generation = 0;

  private readonly listeners: Array<(tags: string[]) => void> = [];

  constructor(private readonly maxEntries = 20_000) {}

  /** Called with the tags of every invalidation, local or from another process (in-memory indexes). */
  onInvalidate(listener: (tags: string[]) => void): void {
    this.listeners.push(listener);
  }

  async connect(redisUrl: string, prefix: string): Promise<void> {
    this.channel = `${prefix}:cache-invalidate`;
    this.pub = new Redis(redisUrl);
    this.sub = new Redis(redisUrl);
    await this.sub.subscribe(this.channel);
    // A message names the process that sent it: this process dropped its own entries when it
    // published, and its own echo (arriving later, mid-render) would only discard fresh fills.
    this.sub.on('message', (_channel, message: string) => {
      const [from, ...tags] = message.split('\n');
      if (from !== this.instance) this.dropLocal(tags);
    });
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
    if (this.entries.size >= this.maxEntries) this.delete(this.entries.keys().next().value!);
    this.delete(key);
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async invalidate(...tags: string[]): Promise<void> {
    if (tags.length === 0) return;
    this.dropLocal(tags);
    if (this.pub) await this.pub.publish(this.channel, [this.instance, ...tags].join('\n'));
  }

  /**
   * Drops tagged entries in this process only, without telling the others: for answers this
   * process computes from state of its own (its search index), which other processes rebuild themselves.
   */
  forget(...tags: string[]): void {
    if (tags.length) this.dropLocal(tags);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) this.byTag.get(tag)?.delete(key);
  }

  private dropLocal(tags: string[]): void {
    this.generation++;
    for (const l of this.listeners) l(tags);
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      this.byTag.delete(tag);
      for (const key of [...keys]) this.delete(key);
    }
  }

  async close(): Promise<void> {
    this.sub?.disconnect();
    this.pub?.disconnect();
  }
}
