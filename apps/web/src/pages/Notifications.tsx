/** Placeholder: built next. */
export default function Notifications() {
  return null;
}
