/** Placeholder: built next. */
export default function TaskInbox() {
  return null;
}
