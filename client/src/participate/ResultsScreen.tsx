/** The facilitator's results: vote rounds and the evaluation (to be built). */
export function ResultsScreen() {
  return null;
}
