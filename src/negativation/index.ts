/**
 * The negativation module (being built; see the open issues).
 * @module negativation
 */
export {};
