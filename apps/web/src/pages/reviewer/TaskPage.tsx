/** Placeholder: built next. */
export default function TaskPage() {
  return null;
}
