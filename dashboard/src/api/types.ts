import type { paths } from './schema';

/** The JSON body of a 200 response of `method path`, from the generated schema. */
export type ResponseOf<P extends keyof paths, M extends 'get' | 'post' = 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Me = ResponseOf<'/api/auth/me'>;
export type Overview = ResponseOf<'/api/overview'>;
export type OrderSummary = ResponseOf<'/api/orders'>['items'][number];
export type OrderDetail = ResponseOf<'/api/orders/{id}'>;
export type ShipmentSummary = ResponseOf<'/api/shipments'>['items'][number];
export type ShipmentDetail = ResponseOf<'/api/shipments/{id}'>;

export type Review = ResponseOf<'/api/classify/reviews/{id}'>;
export type Candidate = Review['suggestions'][number];
export type Classification = ResponseOf<'/api/classify', 'post'>;
export type FilingsDashboard = ResponseOf<'/api/filings/dashboard'>;
export type Deadline = FilingsDashboard['overdue'][number];
export type FilingSummary = ResponseOf<'/api/filings'>['items'][number];

/**
 * `GET /api/filings/{id}` is declared as `any` in the OpenAPI document (the canonical filing is a
 * large document that varies by regime), so the part the dashboard reads is typed here by hand.
 */
export interface FilingDetail {
  id: string;
  status: string;
  version: number;
  checkSummary: {
    ran?: number;
    passed?: number;
    errors?: number;
    warnings?: number;
    checkedAt?: string;
  } | null;
  filing: {
    kind: string;
    regime: string;
    ruleVersion: string;
    shipmentId: string;
    shipmentReference: string;
    header: { reference: string; entryNumber?: string; declarationDate?: string };
    decisions: Array<{ rule: string; outcome: string; reason: string }>;
  };
  checks: Array<{
    code: string;
    severity: string;
    category: string;
    message: string;
    fix: string;
    findings: Array<{ field: string; detail: string }> | null;
  }>;
  clocks: Deadline[];
  history: Array<{ from: string | null; to: string; reasons: string[] | null; actor: string; at: string }>;
}
