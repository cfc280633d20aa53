/**
 * The ruler module (being built; see the open issues).
 * @module ruler
 */
export {};
