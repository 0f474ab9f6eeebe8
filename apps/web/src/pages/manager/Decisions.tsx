/** Placeholder: built next. */
export default function Decisions() {
  return null;
}
