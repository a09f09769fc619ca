/** Port of leases: "one process at a time does this", kept in MongoDB because Redis may lose everything. Implemented by src/storage. */
export interface LeaseStore {
  /**
   * Takes or renews the lease `name` for `holder` until now + ttlMs. True when `holder` holds it
   * afterwards; false while another holder's lease has not expired.
   */
  acquire(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean>;
  /** Gives the lease up if `holder` holds it (a clean shutdown lets the next process take over at once). */
  release(name: string, holder: string): Promise<void>;
}
