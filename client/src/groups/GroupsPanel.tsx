/** Groups in the sidebar: the facilitator forms them; a participant sees (or chooses) theirs (to be built). */
export function GroupsPanel() {
  return null;
}
