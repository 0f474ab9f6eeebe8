/** Placeholder: built next. */
export default function Report() {
  return null;
}
