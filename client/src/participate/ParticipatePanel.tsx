/** The side panel beside the board: answers to the questions, voting, the evaluation (to be built). */
export function ParticipatePanel() {
  return null;
}
