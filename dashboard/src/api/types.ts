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
