/** The facilitator's control room: live thumbnails of the group boards, who is where, progress (to be built). */
export function ControlRoom() {
  return null;
}
