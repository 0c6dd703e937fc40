import type { TouchType } from '../pact/pact-schema.ts';
import { handRaiserTouchTypes, touchPoints } from './latent-lead-quality.ts';

/** Fit (0–1) a hand-raiser needs before marketing passes it to sales. */
export const handRaiserMinFit = 0.45;
/** Fit and engagement points a lead needs to be passed on without raising a hand. */
export const engagedMinFit = 0.6;
export const engagedMinPoints = 24;

/**
 * When marketing would hand the lead to sales: the first touch (the capture touch included) after
 * which it has raised a hand with acceptable fit, or has engaged enough with good fit — the shape
 * of a typical pact's MQL definition, in the generator's own terms. Null when that never happens.
 * Sales only ever works leads from this moment on, as it only sees MQLs.
 */
export function marketingQualifiedMoment(fit: number, touches: readonly { type: TouchType; at: number }[]): number | null {
  let points = 0;
  let raisedHand = false;
  for (const touch of touches) {
    points += touchPoints[touch.type];
    raisedHand ||= handRaiserTouchTypes.includes(touch.type);
    if ((raisedHand && fit >= handRaiserMinFit) || (points >= engagedMinPoints && fit >= engagedMinFit)) return touch.at;
  }
  return null;
}
