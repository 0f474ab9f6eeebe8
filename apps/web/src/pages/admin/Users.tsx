/** Placeholder: built next. */
export default function Users() {
  return null;
}
