/**
 * The agreements module (being built; see the open issues).
 * @module agreements
 */
export {};
