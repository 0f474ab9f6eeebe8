/** Placeholder: built next. */
export default function Policy() {
  return null;
}
