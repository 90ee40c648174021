/** Why stock moved: the ledger table and the ledger view share this list. */
export const LEDGER_REASONS = ['receipt', 'adjustment', 'reserve', 'release', 'commit', 'restock'] as const;
/** The reasons staff may give by hand; the others are written by orders. */
export const ADJUSTMENT_REASONS = ['receipt', 'adjustment'] as const;
export type LedgerReason = (typeof LEDGER_REASONS)[number];
