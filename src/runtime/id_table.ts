// Numbers given to objects by identity, in the order they were first asked for: the ids that type caches are keyed
// by (apply_type.ts paramKey) and that `hash` of a mutable object reads (foreign.ts). A session image keeps every
// table's entries and its next number, so that keys made before a save still match after the load.
export class IdTable {
  private readonly ids = new WeakMap<object, number>();
  /** the number the next new object gets */
  next = 1;
  /** o's id, given now if it has none */
  of(o: object): number {
    let i = this.ids.get(o);
    if (i === undefined) {
      i = this.next++;
      this.ids.set(o, i);
    }
    return i;
  }
  /** o's id if it has one */
  get(o: object): number | undefined {
    return this.ids.get(o);
  }
  set(o: object, id: number): void {
    this.ids.set(o, id);
  }
}
