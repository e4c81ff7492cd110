/** The plenary comparison of the groups' fields, and the comparison with the previous meeting (to be built). */
export function CompareScreen() {
  return null;
}
