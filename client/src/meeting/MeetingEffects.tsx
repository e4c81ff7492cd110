/** What the live controls do to everyone's screen: phase switch, bring everyone here, presenter mode, spotlight (to be built). */
export function MeetingEffects() {
  return null;
}
