import { Type, type Static } from '@sinclair/typebox';

const Lang = Type.Union([Type.Literal('en'), Type.Literal('ja')]);

/** POST /v1/public/verifications: the address on file to send a one-time code to. */
export const StartVerificationInput = Type.Union([
  Type.Object(
    { email: Type.String({ minLength: 3, maxLength: 254 }), lang: Lang },
    { additionalProperties: false },
  ),
  Type.Object(
    { phone: Type.String({ minLength: 3, maxLength: 32 }), lang: Lang },
    { additionalProperties: false },
  ),
]);
export type StartVerificationInput = Static<typeof StartVerificationInput>;

/** POST /v1/public/verifications/:id/confirm: the code received. */
export const ConfirmVerificationInput = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code.' }) },
  { additionalProperties: false },
);
export type ConfirmVerificationInput = Static<typeof ConfirmVerificationInput>;
