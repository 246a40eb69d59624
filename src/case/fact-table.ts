// FactTable: a case's facts as an array indexed by a process-wide slot per fact name, behind the Map interface.
// Compiled rule conditions read a fact as `slots[i]` (an array read) instead of hashing its name in each case's
// own Map: with ~90 facts read per case, the Map lookups were half of the engine's time.
import type { FactValue } from './facts.js';

// The process-wide slot of each fact name. Names come from validated cases (a strict schema, so a bounded set),
// derived facts and rule files; past MAX_SLOTS a table keeps further names in a Map of its own.
const SLOT = new Map<string, number>();
const NAMES: string[] = [];
const MAX_SLOTS = 4096;

/** The slot of a fact name (given one on first use, while slots remain); undefined once they have run out. */
export function factSlot(name: string): number | undefined {
  let i = SLOT.get(name);
  if (i === undefined && NAMES.length < MAX_SLOTS) {
    i = NAMES.length;
    NAMES.push(name);
    SLOT.set(name, i);
  }
  return i;
}

/** Facts by name, stored by slot. Iterates in insertion order, as a Map does. */
export class FactTable implements Map<string, FactValue> {
  /** Values by slot (undefined = unknown). Read by compiled conditions; never written from outside. */
  readonly slots: (FactValue | undefined)[] = [];
  readonly #order: string[] = [];
  /** Names without a slot (only once MAX_SLOTS names exist); compiled conditions fall back to get(). */
  overflow: Map<string, FactValue> | undefined;

  get(key: string): FactValue | undefined {
    const i = SLOT.get(key);
    return i !== undefined && i < this.slots.length && this.slots[i] !== undefined ? this.slots[i] : this.overflow?.get(key);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  set(key: string, value: FactValue): this {
    if (value === undefined) return this;
    const i = factSlot(key);
    if (i === undefined) {
      if (!this.overflow?.has(key)) this.#order.push(key);
      (this.overflow ??= new Map()).set(key, value);
      return this;
    }
    if (this.slots[i] === undefined) {
      // Fill the gap so that the array stays packed-ish (holes turn reads into slow lookups).
      while (this.slots.length < i) this.slots.push(undefined);
      this.#order.push(key);
    }
    this.slots[i] = value;
    return this;
  }
  delete(key: string): boolean {
    if (!this.has(key)) return false;
    const i = SLOT.get(key);
    if (i !== undefined && i < this.slots.length) this.slots[i] = undefined;
    this.overflow?.delete(key);
    this.#order.splice(this.#order.indexOf(key), 1);
    return true;
  }
  clear(): void {
    this.slots.length = 0;
    this.#order.length = 0;
    this.overflow = undefined;
  }
  get size(): number {
    return this.#order.length;
  }
  *entries(): MapIterator<[string, FactValue]> {
    for (const k of this.#order) yield [k, this.get(k)!];
  }
  keys(): MapIterator<string> {
    return this.#order.values();
  }
  *values(): MapIterator<FactValue> {
    for (const k of this.#order) yield this.get(k)!;
  }
  forEach(fn: (value: FactValue, key: string, map: Map<string, FactValue>) => void, thisArg?: unknown): void {
    for (const k of this.#order) fn.call(thisArg, this.get(k)!, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, FactValue]> {
    return this.entries();
  }
  get [Symbol.toStringTag](): string {
    return 'FactTable';
  }
  /** A copy (for callers that change facts without touching the original). */
  clone(): FactTable {
    const out = new FactTable();
    out.slots.push(...this.slots);
    out.#order.push(...this.#order);
    if (this.overflow) out.overflow = new Map(this.overflow);
    return out;
  }
}
