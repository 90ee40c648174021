/** Forms take yuan (two decimals); the API takes integer fen. */
export const fen = (yuanValue: number | null | undefined): number | undefined =>
  yuanValue === null || yuanValue === undefined ? undefined : Math.round(yuanValue * 100);

export const yuan = (fenValue: number | null | undefined): number | null => (fenValue === null || fenValue === undefined ? null : fenValue / 100);
