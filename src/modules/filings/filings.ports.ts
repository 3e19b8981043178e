import type { FilingParty } from './model.ts';

/**
 * Ports the filings module depends on. The defaults here are structural only; the composition root
 * wires the tariff module's validator and the screening module's matcher when they exist.
 */

export interface TariffCodeCheck {
  valid: boolean;
  /** A line one can declare (US: a 10-digit statistical line; HS-6 elsewhere). */
  declarable: boolean;
  /** Units of quantity the tariff line asks for, e.g. ['NO'], ['DOZ','KG'], ['X'] (none). */
  unitsOfQuantity: string[];
  message: string;
  /** Which data answered (e.g. `structural@1`, `hts@2026-rev4`). */
  source: string;
}

export interface TariffCodeValidator {
  validate(input: { code: string; destination: string; date: string }): TariffCodeCheck;
}

/** Format-only validator: digits of the right length, a real HS chapter; no units known. */
export const structuralTariffValidator: TariffCodeValidator = {
  validate({ code, destination }) {
    const want = destination === 'US' || destination === 'GB' ? 10 : 6;
    const digits = /^\d+$/.test(code);
    const chapter = Number(code.slice(0, 2));
    const realChapter = chapter >= 1 && chapter <= 97 && chapter !== 77;
    const valid = digits && code.length >= 6 && code.length <= 10 && code.length % 2 === 0 && realChapter;
    return {
      valid,
      declarable: valid && code.length >= want,
      unitsOfQuantity: [],
      message: !digits
        ? 'an HS code has digits only'
        : !realChapter
          ? `chapter ${code.slice(0, 2)} is not an HS chapter in use`
          : code.length < want
            ? `${destination} needs ${want} digits`
            : 'format ok (structural check only)',
      source: 'structural@1',
    };
  },
};

export interface ScreeningHit {
  list: string;
  matchedName: string;
  score: number;
}

export interface PartyScreening {
  screen(party: Pick<FilingParty, 'role' | 'name' | 'country' | 'partyId'>): ScreeningHit[];
}

export const noScreening: PartyScreening = { screen: () => [] };
