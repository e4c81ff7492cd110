/** The current phase, its questions and the timer for everyone; the facilitator's phase and timer controls (to be built). */
export function MeetingBar() {
  return null;
}
