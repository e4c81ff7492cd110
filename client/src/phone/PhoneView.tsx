/** The participant's view on a phone (to be built); `onFullBoard` switches to the full board. */
export function PhoneView(_props: { onFullBoard: () => void }) {
  return null;
}
